package io.ucell.sockets;

import java.io.IOException;
import javax.net.SocketFactory;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Sockets on the module's internal TCP/IP stack (app note section 5), for consumers that have no PPP link.
 * At most 7 sockets exist at once on the module (listening and accepted ones included).
 */
@ProviderType
public interface ModuleSockets {

    /** A TCP connection (+USOCR=6, +USOCO) with the configured defaults. */
    default TcpSocket connect(String host, int port) throws IOException {
        return connect(host, port, defaults());
    }

    /** A TCP connection; {@code options} decides keepalive, linger, no-delay and TLS (+USOSEC). */
    TcpSocket connect(String host, int port, SocketOptions options) throws IOException;

    /** A listening TCP socket (+USOLI); connections arrive through {@link TcpServer#accept}. */
    TcpServer listen(int port) throws IOException;

    /** A UDP socket (+USOCR=17); {@code localPort} 0 lets the module choose. */
    UdpSocket openUdp(int localPort) throws IOException;

    /**
     * A UDP socket with {@code options}; of them only the security profile applies to UDP: with one the
     * socket is secure (+USOSEC=s,1,p, DTLS by the module, section 5.11) and must be {@link UdpSocket#connect
     * connected} (the DTLS handshake) before it sends. Refused before any AT command when the module has no
     * TLS (SARA-R422).
     */
    UdpSocket openUdp(int localPort, SocketOptions options) throws IOException;

    /** The configured defaults (keepalive, linger) for new sockets. */
    SocketOptions defaults();

    /** A factory of {@link java.net.Socket}s that run over the module, for libraries that take one. */
    SocketFactory socketFactory();

    /** Like {@link #socketFactory()} with these options for every socket it makes (e.g. TLS by the module). */
    SocketFactory socketFactory(SocketOptions options);
}
