package io.ucell.simulator.uart;

import java.io.ByteArrayOutputStream;
import java.util.Random;

/**
 * Line noise injected on the module's transmit line: drop or corrupt the next N bytes, or each byte
 * with a probability. Thread-safe; shared by all attachments of one module.
 */
public final class LineFaults {
    private final Random random;
    private int dropNext;
    private int corruptNext;
    private double dropProbability;
    private double corruptProbability;

    public LineFaults(long seed) {
        this.random = new Random(seed);
    }

    public synchronized void dropNext(int n) {
        dropNext = Math.max(0, n);
    }

    public synchronized void corruptNext(int n) {
        corruptNext = Math.max(0, n);
    }

    public synchronized void setDropProbability(double p) {
        dropProbability = clamp(p);
    }

    public synchronized void setCorruptProbability(double p) {
        corruptProbability = clamp(p);
    }

    public synchronized void clear() {
        dropNext = 0;
        corruptNext = 0;
        dropProbability = 0;
        corruptProbability = 0;
    }

    public synchronized boolean active() {
        return dropNext > 0 || corruptNext > 0 || dropProbability > 0 || corruptProbability > 0;
    }

    /** Returns the bytes as the receiver would see them. */
    public synchronized byte[] apply(byte[] data, int off, int len) {
        if (!active()) {
            byte[] copy = new byte[len];
            System.arraycopy(data, off, copy, 0, len);
            return copy;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(len);
        for (int i = off; i < off + len; i++) {
            int b = data[i] & 0xFF;
            if (dropNext > 0) {
                dropNext--;
                continue;
            }
            if (dropProbability > 0 && random.nextDouble() < dropProbability) {
                continue;
            }
            if (corruptNext > 0) {
                corruptNext--;
                b = flipOneBit(b);
            } else if (corruptProbability > 0 && random.nextDouble() < corruptProbability) {
                b = flipOneBit(b);
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    // one flipped bit is what noise on a UART line typically produces
    private int flipOneBit(int b) {
        return b ^ (1 << random.nextInt(8));
    }

    private static double clamp(double p) {
        return Math.max(0.0, Math.min(1.0, p));
    }
}
