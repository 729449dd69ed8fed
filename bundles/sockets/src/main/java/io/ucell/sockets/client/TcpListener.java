package io.ucell.sockets.client;

import io.ucell.sockets.ModuleSocketException;
import io.ucell.sockets.TcpServer;
import io.ucell.sockets.TcpSocket;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;

/** A listening socket (+USOLI, 5.2): +UUSOLI hands over each new connection. */
final class TcpListener extends Endpoint implements TcpServer {
    private final int port;
    private final ArrayDeque<TcpConnection> incoming = new ArrayDeque<>();

    TcpListener(SocketStack stack, int id, int port) {
        super(stack, id);
        this.port = port;
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public int port() {
        return port;
    }

    /** A connection from +UUSOLI; false when the listener is closed. */
    synchronized boolean offer(TcpConnection c) {
        if (closedByUser || failure != null || moduleClosed) {
            return false;
        }
        incoming.add(c);
        notifyAll();
        return true;
    }

    @Override
    public TcpSocket accept(Duration timeout) throws IOException {
        long deadline = timeout == null ? 0 : System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (incoming.isEmpty()) {
                if (closedByUser) {
                    throw new SocketException("listening socket closed");
                }
                if (failure != null) {
                    throw failure;
                }
                if (moduleClosed) {
                    throw new ModuleSocketException("the module closed listening socket " + id, 0);
                }
                long waitMs = 100;
                if (timeout != null) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        throw new SocketTimeoutException("accept timed out");
                    }
                    waitMs = Math.max(1, Math.min(waitMs, TimeUnit.NANOSECONDS.toMillis(left)));
                }
                try {
                    wait(waitMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted in accept");
                }
            }
            return incoming.poll();
        }
    }

    @Override
    boolean wantsFetch(long now, long pollNanos) {
        return false; // a listening socket carries no data
    }

    @Override
    void fetch() {
    }

    @Override
    void resolveModuleClose() {
        synchronized (this) {
            notifyAll();
        }
    }

    @Override
    public void close() throws IOException {
        stack.close(this, null);
        TcpConnection[] left;
        synchronized (this) {
            left = incoming.toArray(new TcpConnection[0]);
            incoming.clear();
            notifyAll();
        }
        for (TcpConnection c : left) {
            c.close(); // accepted but never taken
        }
    }

    @Override
    public String toString() {
        return "module TCP listener " + id + " on port " + port;
    }
}
