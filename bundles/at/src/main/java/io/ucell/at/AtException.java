package io.ucell.at;

/** Base of every failure the AT engine reports. */
public class AtException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AtException(String message) {
        super(message);
    }

    public AtException(String message, Throwable cause) {
        super(message, cause);
    }
}
