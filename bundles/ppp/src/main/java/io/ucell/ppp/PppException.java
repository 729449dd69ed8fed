package io.ucell.ppp;

/** A dial-up that could not be made, configured or ended; the message says what was wrong. */
public class PppException extends Exception {
    private static final long serialVersionUID = 1L;

    public PppException(String message) {
        super(message);
    }

    public PppException(String message, Throwable cause) {
        super(message, cause);
    }
}
