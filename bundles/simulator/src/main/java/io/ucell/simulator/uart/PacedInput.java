package io.ucell.simulator.uart;

import java.io.IOException;
import java.io.InputStream;

/**
 * The module's receive line. A stream read may deliver many bytes at once (TCP, pty); the UART would have
 * taken one byte time per byte, so consumption is paced the same way as output, and each byte gets the
 * arrival time at which its stop bit would have been seen. The prompt rule (data sent too soon after '@' is
 * garbled) is judged against these times.
 */
public final class PacedInput {
    private final InputStream in;
    private final int baud;
    private final long byteNanos;
    private long busyUntil = System.nanoTime();
    private final byte[] buf = new byte[256];
    private final long[] arrival = new long[256];

    public PacedInput(InputStream in, int baud) {
        this.in = in;
        this.baud = baud;
        this.byteNanos = UartTiming.byteTimeNanos(baud);
    }

    /** Blocks for the next bytes; returns their count or -1 at end of stream. */
    public int read() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return n < 0 ? -1 : 0;
        }
        long start = Math.max(System.nanoTime(), busyUntil);
        for (int i = 0; i < n; i++) {
            arrival[i] = start + UartTiming.transferNanos(i + 1L, baud);
        }
        busyUntil = arrival[n - 1];
        UartTiming.parkUntil(busyUntil);
        return n;
    }

    public byte byteAt(int i) {
        return buf[i];
    }

    public long arrivalAt(int i) {
        return arrival[i];
    }

    public long byteNanos() {
        return byteNanos;
    }
}
