package io.ucell.simulator.uart;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The module's transmit line. Bytes are handed to the stream no sooner than a UART at the configured baud
 * rate would have finished carrying them: a "line busy until" deadline advances by the wire time of each
 * chunk, and a chunk is released when its last byte would have arrived. Chunks are at most 64 bytes so a
 * reader sees data trickle in the way it does from a real port.
 */
public final class PacedOutput {
    public static final int CHUNK = 64;

    private final OutputStream out;
    private final int baud;
    private final LineFaults faults;
    private long busyUntil = System.nanoTime();
    private long lastByteAt;

    public PacedOutput(OutputStream out, int baud, LineFaults faults) {
        this.out = out;
        this.baud = baud;
        this.faults = faults;
    }

    /** Writes and returns when the last byte has been delivered. */
    public synchronized void write(byte[] data) throws IOException {
        for (int off = 0; off < data.length; off += CHUNK) {
            int n = Math.min(CHUNK, data.length - off);
            long start = Math.max(System.nanoTime(), busyUntil);
            long done = start + UartTiming.transferNanos(n, baud);
            UartTiming.parkUntil(done);
            busyUntil = done;
            byte[] seen = faults == null ? slice(data, off, n) : faults.apply(data, off, n);
            if (seen.length > 0) {
                out.write(seen);
                out.flush();
            }
            // the modelled wire time, not when this thread got the CPU back: a writer descheduled after the
            // flush must not move the moment the byte left the UART (the 50 ms '@' guard counts from it)
            lastByteAt = done;
        }
    }

    /** System.nanoTime() at which the last byte written so far left the wire. */
    public synchronized long lastByteAt() {
        return lastByteAt;
    }

    public int baud() {
        return baud;
    }

    private static byte[] slice(byte[] d, int off, int n) {
        byte[] c = new byte[n];
        System.arraycopy(d, off, c, 0, n);
        return c;
    }
}
