package io.ucell.modem.recovery;

/**
 * What to do after the n-th consecutive failure.
 *
 * @param rebootAfterFailures reboot the module after this many failures (and every multiple of it); 0 never
 * @param maxFailures         give up after this many failures; 0 never
 * @param backoff             delay between attempts
 */
public record RecoveryPolicy(int rebootAfterFailures, int maxFailures, Backoff backoff) {

    public boolean shouldGiveUp(int failures) {
        return maxFailures > 0 && failures >= maxFailures;
    }

    public boolean shouldReboot(int failures) {
        return rebootAfterFailures > 0 && failures > 0 && failures % rebootAfterFailures == 0;
    }
}
