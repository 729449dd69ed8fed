package io.ucell.security;

/** A certificate or key refused before upload (the message says what is wrong) or a module error. */
public class CredentialException extends Exception {
    private static final long serialVersionUID = 1L;

    public CredentialException(String message) {
        super(message);
    }

    public CredentialException(String message, Throwable cause) {
        super(message, cause);
    }
}
