package io.ucell.sockets;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/** A listening TCP socket (+USOLI); each incoming connection is a new module socket (+UUSOLI). */
public interface TcpServer extends Closeable {

    int id();

    int port();

    /** Waits for the next connection; null waits forever. Throws SocketTimeoutException when none came in time. */
    TcpSocket accept(Duration timeout) throws IOException;

    default TcpSocket accept() throws IOException {
        return accept(null);
    }

    @Override
    void close() throws IOException;
}
