package io.ucell.at;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The data phase after CONNECT (FTP direct link, dial-up): the stream belongs to the caller until the
 * module sends NO CARRIER or the caller escapes with "+++".
 */
public final class DataModeSession implements AutoCloseable {

    /** Bytes the caller has not read yet; beyond this the reader thread waits (flow control). */
    private static final int MAX_BUFFERED = 4 << 20;

    private final AtEngine engine;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int buffered;
    private byte[] head;
    private int headPos;
    private volatile String endReason;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final InputStream input = new SessionInput();
    private final OutputStream output = new SessionOutput();

    DataModeSession(AtEngine engine) {
        this.engine = engine;
    }

    /** What the module sends in the data phase; ends (-1) when the phase ends. */
    public InputStream input() {
        return input;
    }

    /** Writes go to the module unchanged while the phase lasts. */
    public OutputStream output() {
        return output;
    }

    public boolean isOpen() {
        return endReason == null;
    }

    /** "NO CARRIER", "OK" (after +++), or why the transport ended it; null while open. */
    public String endReason() {
        return endReason;
    }

    /** Waits for the data phase to end; true when it has. */
    public boolean awaitEnd(Duration timeout) throws InterruptedException {
        return ended.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Leaves data mode the V.250 way: guard time of silence, "+++", guard time, and the module's OK.
     *
     * @throws AtTimeoutException when the module does not return to command mode
     */
    public void escape() throws InterruptedException {
        if (!isOpen()) {
            return;
        }
        engine.escapeDataMode(this);
    }

    /** Escapes if still open. */
    @Override
    public void close() {
        try {
            escape();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized void deliver(byte[] buf, int off, int len) {
        while (buffered > MAX_BUFFERED && endReason == null) {
            try {
                wait(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        byte[] copy = new byte[len];
        System.arraycopy(buf, off, copy, 0, len);
        chunks.add(copy);
        buffered += len;
        notifyAll();
    }

    synchronized void end(String reason) {
        if (endReason == null) {
            endReason = reason;
            ended.countDown();
            notifyAll();
        }
    }

    private final class SessionInput extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            synchronized (DataModeSession.this) {
                while (head == null) {
                    head = chunks.poll();
                    headPos = 0;
                    if (head != null) {
                        break;
                    }
                    if (endReason != null) {
                        return -1;
                    }
                    try {
                        DataModeSession.this.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading data mode");
                    }
                }
                int n = Math.min(len, head.length - headPos);
                System.arraycopy(head, headPos, b, off, n);
                headPos += n;
                buffered -= n;
                if (headPos == head.length) {
                    head = null;
                }
                DataModeSession.this.notifyAll();
                return n;
            }
        }

        @Override
        public int available() {
            synchronized (DataModeSession.this) {
                return buffered;
            }
        }
    }

    private final class SessionOutput extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!isOpen()) {
                throw new IOException("data mode has ended (" + endReason + ")");
            }
            engine.writeData(b, off, len);
        }
    }

    static byte[] escapeSequence() {
        return "+++".getBytes(StandardCharsets.ISO_8859_1);
    }
}
