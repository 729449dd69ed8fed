package io.ucell.sockets.client;

import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.sockets.ModuleSocketException;
import io.ucell.sockets.TcpSocket;
import io.ucell.sockets.WriteMode;
import io.ucell.sockets.at.SocketAt;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * A TCP socket: reads come from the pump's buffer, writes go out on the caller's thread. The end of the
 * stream is reported only after the module's buffered data has been delivered (5.5, fourth scenario).
 */
final class TcpConnection extends Endpoint implements TcpSocket {
    /** Bytes the pump fetches ahead of the application; past this the module's buffer and TCP hold the peer. */
    static final int HOST_BUFFER = 64 * 1024;
    private static final long MAX_BACKOFF_MS = 1000;

    private final String host;
    private final String ip;
    private final int port;
    private final ByteBuffer rx = new ByteBuffer();
    private final Object writeLock = new Object();
    /** The peer closed (+USOWR: s,0 or an orderly +UUSOCL): reads end after the buffer. */
    private boolean peerClosed;
    /** +UUSOCL was judged an orderly end: -1 once the buffer is empty. */
    private boolean eof;
    private volatile Duration readTimeout;
    private final InputStream in = new In();
    private final OutputStream out = new Out();

    TcpConnection(SocketStack stack, int id, String host, String ip, int port) {
        super(stack, id);
        this.host = host;
        this.ip = ip;
        this.port = port;
    }

    void connected() {
        synchronized (this) {
            lastFetchNanos = System.nanoTime();
        }
    }

    @Override
    public int id() {
        return id;
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        InetSocketAddress a = new InetSocketAddress(SocketStack.literal(ip), port);
        return a.getAddress() == null ? InetSocketAddress.createUnresolved(host, port) : a;
    }

    @Override
    public void setReadTimeout(Duration timeout) {
        readTimeout = timeout == null || timeout.isZero() ? null : timeout;
    }

    Duration readTimeout() {
        return readTimeout;
    }

    // ------------------------------------------------------------------ reading

    @Override
    synchronized boolean wantsFetch(long now, long pollNanos) {
        return !moduleClosed && !closedByUser && failure == null && !eof && rx.size() < HOST_BUFFER
                && fetchDue(now, pollNanos);
    }

    @Override
    void fetch() throws IOException {
        AtEngine at = stack.engine();
        boolean hex = stack.hexMode(at);
        long before;
        int room;
        synchronized (this) {
            before = announcements;
            room = HOST_BUFFER - rx.size();
            if (hex && stack.settings().writeMode() != WriteMode.HEX && stack.writersActive() == 0
                    && (announced > 256 || moreLikely)) {
                hex = false; // a raw read carries twice as much per command as a hex one
            }
        }
        if (!hex) {
            stack.hexMode(at, false);
        }
        int max = Math.min(room, hex ? SocketAt.MAX_HEX_DATA : SocketAt.MAX_DATA);
        AtResponse r = stack.exec(at, SocketAt.read(id, max), this);
        if (!r.isOk()) {
            synchronized (this) {
                checkRequested = false;
                announced = 0;
            }
            if (stack.stillExists(at, this)) {
                // the socket exists but has nothing to read (e.g. not connected yet): look again later
                synchronized (this) {
                    lastFetchNanos = System.nanoTime();
                }
            }
            return;
        }
        byte[] data;
        try {
            data = SocketAt.readData(r, hex);
        } catch (RuntimeException odd) {
            // the answer does not match the hex mode we believed in: the bytes are gone, say so
            stack.forgetHexMode();
            throw new ModuleSocketException("unreadable +USORD answer on socket " + id + ": " + odd.getMessage(), odd);
        }
        synchronized (this) {
            rx.add(data);
            fetched(data.length == max, before);
            notifyAll();
        }
    }

    @Override
    void resolveModuleClose() {
        synchronized (this) {
            if (!closeUnresolved) {
                notifyAll();
                return;
            }
        }
        boolean orderly;
        synchronized (this) {
            orderly = peerClosed;
        }
        if (!orderly) {
            // +UUSOCL is both the peer's FIN and a lost network: only the module's registration tells them apart
            orderly = stack.networkUp();
        }
        synchronized (this) {
            closeUnresolved = false;
            if (orderly) {
                eof = true;
            } else if (failure == null) {
                failure = new ModuleSocketException("connection lost: the module closed socket " + id
                        + " while its network connection was down", 0);
            }
            notifyAll();
        }
    }

    private int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        Duration t = readTimeout;
        long deadline = t == null ? 0 : System.nanoTime() + t.toNanos();
        synchronized (this) {
            waitingReaders++;
            try {
                boolean asked = false;
                while (true) {
                    if (rx.size() > 0) {
                        int n = rx.take(b, off, len);
                        if (rx.size() < HOST_BUFFER / 2) {
                            stack.signalPump(); // room again
                        }
                        return n;
                    }
                    if (closedByUser) {
                        throw new SocketException("socket closed");
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    if (eof) {
                        return -1;
                    }
                    if (!asked) {
                        // look at the module now rather than at the next poll: a URC may have been lost
                        checkRequested = !moduleClosed;
                        asked = true;
                        stack.signalPump();
                    }
                    long waitMs = 100;
                    if (t != null) {
                        long left = deadline - System.nanoTime();
                        if (left <= 0) {
                            throw new SocketTimeoutException("read timed out");
                        }
                        waitMs = Math.max(1, Math.min(waitMs, TimeUnit.NANOSECONDS.toMillis(left)));
                    }
                    try {
                        wait(waitMs);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading");
                    }
                }
            } finally {
                waitingReaders--;
            }
        }
    }

    synchronized int available() {
        return rx.size();
    }

    // ------------------------------------------------------------------ writing

    private void write(byte[] b, int off, int len) throws IOException {
        stack.writerStarted();
        try {
            writeAll(b, off, len);
        } finally {
            stack.writerDone();
        }
    }

    private void writeAll(byte[] b, int off, int len) throws IOException {
        synchronized (writeLock) {
            int pos = off;
            int end = off + len;
            long backoffMs = 20;
            long giveUp = System.nanoTime() + stack.settings().writeTimeout().toNanos();
            WritePlanner planner = stack.planner(0);
            while (pos < end) {
                synchronized (this) {
                    if (closedByUser) {
                        throw new SocketException("socket closed");
                    }
                    if (failure != null) {
                        throw failure;
                    }
                    if (peerClosed || moduleClosed) {
                        throw new SocketException("connection closed by the peer");
                    }
                }
                int written;
                stack.lock();
                try {
                    AtEngine at = stack.engine();
                    if (!usable()) {
                        continue;
                    }
                    boolean hex = stack.hexMode(at);
                    WritePlanner.Step step = planner.next(b, pos, end, hex);
                    byte[] chunk = Arrays.copyOfRange(b, pos, pos + step.length());
                    AtResponse r;
                    switch (step.syntax()) {
                        case HEX:
                            stack.hexMode(at, true);
                            r = stack.exec(at, SocketAt.writeHex(id, chunk), this);
                            break;
                        case BASE:
                            stack.hexMode(at, false);
                            r = stack.exec(at, SocketAt.writeBase(id, chunk), this);
                            break;
                        default:
                            r = stack.exec(at, SocketAt.writeBinary(id, chunk), this);
                            break;
                    }
                    if (r.isOk()) {
                        written = SocketAt.written(r, "+USOWR");
                    } else {
                        written = -1;
                        stack.forgetHexMode(); // in case the module lost +UDCONF=1 (a restart): ask again
                        // 5.3.3: ERROR when the queue is full; the data was discarded. Still connected?
                        AtResponse st = stack.exec(at, SocketAt.control(id, SocketAt.CTL_TCP_STATE));
                        if (!st.isOk()) {
                            stack.stillExists(at, this);
                            synchronized (this) {
                                if (failure != null) {
                                    throw failure;
                                }
                            }
                            throw new SocketException("connection closed by the peer");
                        }
                        int state = SocketAt.controlValue(st);
                        if (state != SocketAt.TCP_ESTABLISHED) {
                            int errno = stack.lastErrno(at);
                            throw new ModuleSocketException("write failed: TCP state " + state, errno);
                        }
                    }
                } catch (ModuleSocketException e) {
                    if (e.getCause() != null) {
                        fail(e); // the link failed mid-command: whether the bytes went is unknown
                    }
                    throw e;
                } finally {
                    stack.unlock();
                }
                if (written == 0) {
                    // 5.5 fourth scenario: the peer has closed; what it sent before stays readable
                    synchronized (this) {
                        peerClosed = true;
                        checkRequested = true;
                    }
                    stack.signalPump();
                    throw new SocketException("connection closed by the peer (+USOWR: " + id + ",0)");
                }
                if (written < 0) {
                    if (System.nanoTime() > giveUp) {
                        throw new ModuleSocketException("the module's socket queue stayed full for "
                                + stack.settings().writeTimeout().toSeconds() + " s", 0);
                    }
                    stack.countQueueFull();
                    sleep(backoffMs);
                    backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
                    continue;
                }
                backoffMs = 20;
                pos += Math.min(written, end - pos);
            }
            // a URC may have been lost while the link was busy: the pump looks once more
            requestCheck();
            stack.signalPump();
        }
    }

    private static void sleep(long ms) throws InterruptedIOException {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the module's queue was full");
        }
    }

    // ------------------------------------------------------------------ state and options

    private int control(int param) throws IOException {
        stack.lock();
        try {
            AtEngine at = stack.engine();
            AtResponse r = stack.exec(at, SocketAt.control(id, param));
            if (!r.isOk()) {
                throw new ModuleSocketException("+USOCTL=" + id + "," + param + " refused", stack.lastErrno(at));
            }
            return SocketAt.controlValue(r);
        } finally {
            stack.unlock();
        }
    }

    @Override
    public int tcpState() throws IOException {
        return control(SocketAt.CTL_TCP_STATE);
    }

    @Override
    public int lastError() throws IOException {
        return control(SocketAt.CTL_LAST_ERROR);
    }

    @Override
    public int unacknowledged() throws IOException {
        String family = stack.capabilities().family().series().name();
        if (family.equals("R5")) {
            return -1; // 5.3.3 / 5.8: +USOCTL=s,11 is not supported on SARA-R5
        }
        return control(SocketAt.CTL_UNACKED);
    }

    @Override
    public void setOption(int level, int option, int value, Integer value2) throws IOException {
        stack.lock();
        try {
            AtEngine at = stack.engine();
            AtResponse r = stack.exec(at, SocketAt.setOption(id, level, option, value, value2));
            if (!r.isOk()) {
                throw new ModuleSocketException("+USOSO=" + id + "," + level + "," + option + " refused",
                        stack.lastErrno(at));
            }
        } finally {
            stack.unlock();
        }
    }

    @Override
    public int[] getOption(int level, int option) throws IOException {
        stack.lock();
        try {
            AtEngine at = stack.engine();
            AtResponse r = stack.exec(at, SocketAt.getOption(id, level, option));
            if (!r.isOk()) {
                throw new ModuleSocketException("+USOGO=" + id + "," + level + "," + option + " refused",
                        stack.lastErrno(at));
            }
            return SocketAt.optionValues(r);
        } finally {
            stack.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        stack.close(this, null); // with SO_LINGER the module answers within the linger time (A.1)
        synchronized (this) {
            rx.clear();
            notifyAll();
        }
    }

    @Override
    public synchronized boolean isClosed() {
        return closedByUser;
    }

    @Override
    public String toString() {
        return "module TCP socket " + id + " to " + host + ":" + port;
    }

    private final class In extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            int n = TcpConnection.this.read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            return TcpConnection.this.read(b, off, len);
        }

        @Override
        public int available() {
            return TcpConnection.this.available();
        }

        @Override
        public void close() throws IOException {
            TcpConnection.this.close();
        }
    }

    private final class Out extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            TcpConnection.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            TcpConnection.this.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            TcpConnection.this.close();
        }
    }
}
