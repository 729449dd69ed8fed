package io.ucell.simulator.sockets;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * One entry of the module's socket table and the host resources behind it. Plain state: every field is
 * read and written with the {@link SocketStack}'s lock held.
 */
final class ModuleSocket {
    enum Protocol {
        TCP(6), UDP(17);

        final int number;

        Protocol(int number) {
            this.number = number;
        }
    }

    /** +USOCTL=s,10 TCP states (numbers of the AT manual). */
    static final int CLOSED = 0;
    static final int LISTEN = 1;
    static final int SYN_SENT = 2;
    static final int ESTABLISHED = 4;
    static final int FIN_WAIT_1 = 5;
    static final int CLOSE_WAIT = 7;

    /** One received datagram; {@code offset} advances as +USORF reads it in pieces (spec 5.7). */
    static final class Datagram {
        final InetAddress from;
        final int port;
        final byte[] data;
        int offset;

        Datagram(InetAddress from, int port, byte[] data) {
            this.from = from;
            this.port = port;
            this.data = data;
        }

        int remaining() {
            return data.length - offset;
        }
    }

    final int id;
    final Protocol protocol;
    final SocketOptions options;
    int tcpState = CLOSED;
    int localPort;
    boolean secure;
    int securityProfile;
    int lastError;
    long bytesSent;
    long bytesReceived;
    /** TCP: the connected peer; UDP: the remote bound by +USOCO for +USOWR. */
    InetSocketAddress remote;

    // TCP connection: host is what data goes through (an SSLSocket for a secure socket), raw the TCP socket
    Socket host;
    Socket raw;
    boolean writerDone;
    ByteQueue rx;
    ByteQueue tx;
    int inFlight;
    /** Remote end closed (EOF or reset): data stays readable, writes answer 0. */
    boolean peerClosed;
    /** The module closes: no more reading, the writer drains the queue and closes the host socket. */
    boolean closing;
    /** Closed hard (RST, context loss, reboot): threads stop at once. */
    boolean aborted;
    boolean hostClosed;
    Runnable onHostClosed;

    // TCP listening
    ServerSocket server;
    String moduleIp;

    // UDP
    DatagramSocket udp;
    /** A secure UDP socket after +USOCO: the DTLS session its datagrams go through instead of {@code udp}. */
    DtlsLink dtls;
    final Deque<Datagram> datagrams = new ArrayDeque<>();
    int udpBuffered;

    ModuleSocket(int id, Protocol protocol, SocketOptions options) {
        this.id = id;
        this.protocol = protocol;
        this.options = options;
    }

    boolean tcp() {
        return protocol == Protocol.TCP;
    }

    /** Bytes waiting to be read by the host, whatever the protocol. */
    int buffered() {
        return tcp() ? (rx == null ? 0 : rx.size()) : udpBuffered;
    }

    /** Bytes written by +USOWR that have not reached the host socket yet (+USOCTL=s,11). */
    int unsent() {
        return tx == null ? 0 : tx.size() + inFlight;
    }
}
