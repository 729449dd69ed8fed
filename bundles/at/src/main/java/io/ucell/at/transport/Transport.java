package io.ucell.at.transport;

import java.io.IOException;

/**
 * A byte pipe to the module: a serial port or a TCP connection to a remote serial port.
 *
 * <p>{@link #read} returns 0 when nothing arrived within the transport's short poll interval, so the
 * reader thread can notice idleness (to release held-back data-mode bytes) without a second thread.
 */
public interface Transport extends AutoCloseable {

    void open() throws IOException;

    boolean isOpen();

    /** Bytes read, 0 when nothing arrived within the poll interval, -1 when the transport closed. */
    int read(byte[] buf, int off, int len) throws IOException;

    void write(byte[] buf, int off, int len) throws IOException;

    /** Closes the transport; idempotent; a later {@link #open()} opens it again. */
    @Override
    void close();

    /** Human-readable description for logs, e.g. "tcp://localhost:5000" or "/dev/ttyUSB0@115200". */
    String describe();
}
