package io.ucell.at;

import java.time.Duration;

import io.ucell.at.framing.PayloadRules;

/**
 * Tuning of the engine, mostly taken from the module profile.
 *
 * @param minCommandGap         quiet time between a final result code and the next command (u-blox: 20 ms)
 * @param promptDelay           wait after '@' before the data; the module loses data sent sooner than 50 ms
 * @param unresponsiveThreshold consecutive timeouts that raise {@link AtEngineEvent.Type#UNRESPONSIVE}
 * @param timeouts              per-command timeouts
 * @param guardTime             silence before and after "+++" (ATS12; default 50 x 20 ms = 1 s)
 * @param abortWait             how long an aborted command may take to answer ABORTED
 * @param payloadRules          counted-payload layouts of response lines
 */
public record AtEngineOptions(Duration minCommandGap, Duration promptDelay, int unresponsiveThreshold,
        CommandTimeouts timeouts, Duration guardTime, Duration abortWait, PayloadRules payloadRules) {

    /** The module never takes data sooner than this after '@'. */
    public static final Duration MIN_PROMPT_DELAY = Duration.ofMillis(50);

    public AtEngineOptions {
        if (minCommandGap == null || minCommandGap.isNegative()) {
            throw new IllegalArgumentException("minCommandGap must be zero or more");
        }
        if (promptDelay == null || promptDelay.compareTo(MIN_PROMPT_DELAY) < 0) {
            throw new IllegalArgumentException("promptDelay must be at least 50 ms: the module loses data sent sooner after '@'");
        }
        if (unresponsiveThreshold < 1) {
            throw new IllegalArgumentException("unresponsiveThreshold must be at least 1");
        }
        if (timeouts == null || guardTime == null || abortWait == null || payloadRules == null) {
            throw new IllegalArgumentException("timeouts, guardTime, abortWait and payloadRules are required");
        }
    }

    /** Defaults for u-blox SARA-R5 / SARA-R42: 20 ms gap, 50 ms prompt delay, 3 timeouts, 1 s guard time. */
    public static AtEngineOptions defaults() {
        return new AtEngineOptions(Duration.ofMillis(20), MIN_PROMPT_DELAY, 3, CommandTimeouts.ublox(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), PayloadRules.defaults());
    }

    public AtEngineOptions withMinCommandGap(Duration gap) {
        return new AtEngineOptions(gap, promptDelay, unresponsiveThreshold, timeouts, guardTime, abortWait, payloadRules);
    }

    public AtEngineOptions withTimeouts(CommandTimeouts t) {
        return new AtEngineOptions(minCommandGap, promptDelay, unresponsiveThreshold, t, guardTime, abortWait, payloadRules);
    }

    public AtEngineOptions withUnresponsiveThreshold(int n) {
        return new AtEngineOptions(minCommandGap, promptDelay, n, timeouts, guardTime, abortWait, payloadRules);
    }

    public AtEngineOptions withGuardTime(Duration g) {
        return new AtEngineOptions(minCommandGap, promptDelay, unresponsiveThreshold, timeouts, g, abortWait, payloadRules);
    }

    public AtEngineOptions withPromptDelay(Duration d) {
        return new AtEngineOptions(minCommandGap, d, unresponsiveThreshold, timeouts, guardTime, abortWait, payloadRules);
    }
}
