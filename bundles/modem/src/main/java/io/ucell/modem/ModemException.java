package io.ucell.modem;

/** A modem operation failed: module error, not ready, timeout. */
public class ModemException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ModemException(String message) {
        super(message);
    }

    public ModemException(String message, Throwable cause) {
        super(message, cause);
    }
}
