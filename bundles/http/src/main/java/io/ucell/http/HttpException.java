package io.ucell.http;

/**
 * A request that did not give a response: refused before it reached the module (bad URL, invalid
 * configuration, HTTP not on this module, the profile still busy), or failed in the module, with the
 * +UHTTPER class and code.
 */
public class HttpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;

    public HttpException(String message) {
        this(message, -1, -1, null);
    }

    public HttpException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public HttpException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** +UHTTPER error class, -1 when the module did not report one. */
    public int errorClass() {
        return errorClass;
    }

    /** +UHTTPER error code, -1 when the module did not report one. */
    public int errorCode() {
        return errorCode;
    }
}
