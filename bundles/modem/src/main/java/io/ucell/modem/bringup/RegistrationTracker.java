package io.ucell.modem.bringup;

import java.time.Duration;

/** The last +CEREG stat seen (URC or read), with a bounded wait for "registered". */
public final class RegistrationTracker {

    private int stat = -1;
    private long changes;

    public static boolean isRegistered(int stat) {
        return stat == 1 || stat == 5;
    }

    public synchronized void update(int newStat) {
        if (newStat != stat) {
            stat = newStat;
            changes++;
        }
        notifyAll();
    }

    public synchronized int stat() {
        return stat;
    }

    public synchronized boolean registered() {
        return isRegistered(stat);
    }

    /** Waits until registered or {@code max} elapsed; returns whether registered. */
    public synchronized boolean awaitRegistered(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!registered()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000), 0);
        }
        return true;
    }
}
