package io.ucell.sockets;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * A connected TCP socket on the module. Reading returns -1 only after the peer closed and every byte the
 * module had buffered was delivered; any other end (reset, lost network, module reboot) is an IOException.
 */
public interface TcpSocket extends Closeable {

    /** The module's socket id (0..6). */
    int id();

    InputStream getInputStream();

    OutputStream getOutputStream();

    InetSocketAddress remoteAddress();

    /** Read timeout: blocking reads throw {@link java.net.SocketTimeoutException} after it; null waits forever. */
    void setReadTimeout(Duration timeout);

    /** +USOCTL=s,10: the TCP state (0 CLOSED ... 4 ESTABLISHED ... 10 TIME_WAIT). */
    int tcpState() throws IOException;

    /** +USOCTL=s,1: the socket's last error (0 none). */
    int lastError() throws IOException;

    /** +USOCTL=s,11: bytes not acknowledged by the peer; -1 where the module lacks it (SARA-R5, section 5.8). */
    int unacknowledged() throws IOException;

    /** +USOSO: any option the module offers (level 0 IP, 6 TCP, 65535 socket). */
    void setOption(int level, int option, int value, Integer value2) throws IOException;

    /** +USOGO: the option's value(s) as the module reports them (linger: on, time). */
    int[] getOption(int level, int option) throws IOException;

    /** Closes the socket (+USOCL); unread data is dropped. */
    @Override
    void close() throws IOException;

    boolean isClosed();
}
