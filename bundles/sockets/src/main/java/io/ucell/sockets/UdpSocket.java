package io.ucell.sockets;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A UDP socket on the module: {@link #send} is +USOST and {@link #receive} +USORF, as the spec recommends
 * (section 5). Datagrams over 1024 bytes arrive in 1024-byte pieces (the most one +USORF returns; 512 with
 * write mode hex, where reads stay in hex too).
 */
public interface UdpSocket extends Closeable {
    /** Largest payload of one +USOST. */
    int MAX_DATAGRAM = 1024;

    int id();

    /** Sends one datagram (at most {@link #MAX_DATAGRAM} bytes) to {@code host}, an IP address or a name. */
    void send(String host, int port, byte[] data) throws IOException;

    /**
     * Fixes the peer (+USOCO on a UDP socket). From then on the socket uses +USOWR and +USORD only, the
     * combination section 5 allows with +USOCO: {@link #send(byte[])} instead of {@link #send(String, int, byte[])}.
     * On a secure socket ({@link ModuleSockets#openUdp(int, SocketOptions)} with a security profile) this runs the
     * module's DTLS handshake, with {@code host} as given for SNI and the certificate's name; a failed handshake
     * is a {@link ModuleSocketException} (the module may have freed the socket).
     */
    void connect(String host, int port) throws IOException;

    /** Sends one datagram to the peer fixed by {@link #connect} (+USOWR). */
    void send(byte[] data) throws IOException;

    /** The next datagram; null waits forever. Throws SocketTimeoutException when none came in time. */
    Datagram receive(Duration timeout) throws IOException;

    @Override
    void close() throws IOException;
}
