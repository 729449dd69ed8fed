package io.ucell.simulator.uart;

import java.util.concurrent.locks.LockSupport;

/** Wire-time arithmetic for an 8N1 UART: one start bit, eight data bits, one stop bit = 10 bits per byte. */
public final class UartTiming {
    public static final int BITS_PER_BYTE = 10;

    private UartTiming() {
    }

    public static long byteTimeNanos(int baud) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive: " + baud);
        }
        return 1_000_000_000L * BITS_PER_BYTE / baud;
    }

    /** Time the wire needs to carry {@code bytes} bytes. */
    public static long transferNanos(long bytes, int baud) {
        // computed in one step so rounding does not accumulate per byte
        return bytes * 1_000_000_000L * BITS_PER_BYTE / baud;
    }

    /**
     * Lower bound of a command round trip: the command travels to the module, the module thinks for
     * {@code processingNanos}, the answer travels back.
     */
    public static long roundTripNanos(long commandBytes, long responseBytes, int baud, long processingNanos) {
        return transferNanos(commandBytes, baud) + processingNanos + transferNanos(responseBytes, baud);
    }

    /** parkNanos overshoots by tens of microseconds; the last stretch is spun so wire timing stays exact. */
    private static final long SPIN_NANOS = 250_000;

    /** Sleeps until {@code deadline} (System.nanoTime() base) with microsecond precision. */
    public static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > SPIN_NANOS) {
            LockSupport.parkNanos(remaining - SPIN_NANOS);
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
        }
        while (deadline - System.nanoTime() > 0) {
            Thread.onSpinWait();
        }
    }
}
