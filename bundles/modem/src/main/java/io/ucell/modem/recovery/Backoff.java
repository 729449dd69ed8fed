package io.ucell.modem.recovery;

import java.time.Duration;

/** Capped exponential backoff: base, 2 base, 4 base, ... never more than cap. */
public record Backoff(Duration base, Duration cap) {

    /** Delay before retry number {@code failures} (1 for the first failure). */
    public Duration delay(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        long baseMs = Math.max(1, base.toMillis());
        int shift = Math.min(failures - 1, 30);
        long ms = baseMs << shift;
        if (ms <= 0 || ms > cap.toMillis()) {
            ms = cap.toMillis();
        }
        return Duration.ofMillis(ms);
    }
}
