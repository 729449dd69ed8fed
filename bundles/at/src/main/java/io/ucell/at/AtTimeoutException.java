package io.ucell.at;

import java.time.Duration;

/** The module gave no final result code within the command's timeout. */
public class AtTimeoutException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtTimeoutException(String command, Duration timeout) {
        super("no final result code for " + command + " within " + timeout.toMillis() + " ms");
    }
}
