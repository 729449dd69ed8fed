package io.ucell.modem.bringup;

/** A bring-up step failed; {@link #fatal()} ones are not retried (unsupported module, refused configuration). */
public class BringUpException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final boolean fatal;
    private final boolean configError;

    public BringUpException(String message, boolean fatal, boolean configError, Throwable cause) {
        super(message, cause);
        this.fatal = fatal;
        this.configError = configError;
    }

    public static BringUpException retry(String message, Throwable cause) {
        return new BringUpException(message, false, false, cause);
    }

    public static BringUpException retry(String message) {
        return new BringUpException(message, false, false, null);
    }

    public static BringUpException fatal(String message) {
        return new BringUpException(message, true, false, null);
    }

    public static BringUpException config(String message) {
        return new BringUpException(message, true, true, null);
    }

    public boolean fatal() {
        return fatal;
    }

    public boolean configError() {
        return configError;
    }
}
