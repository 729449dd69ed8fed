package io.ucell.at;

/** The transport to the module is closed or failed; reopen it through {@link AtEngine#reopen()}. */
public class AtTransportException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtTransportException(String message) {
        super(message);
    }

    public AtTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
