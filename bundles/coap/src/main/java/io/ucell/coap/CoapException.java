package io.ucell.coap;

/**
 * A request that did not give a response: refused before it reached the module (bad URI, CoAP not on this
 * module, another transmission in progress), or failed in the module, with the +UCOAPER class and code.
 */
public class CoapException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;

    public CoapException(String message) {
        this(message, -1, -1, null);
    }

    public CoapException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public CoapException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** +UCOAPER error class, -1 when the module did not report one. */
    public int errorClass() {
        return errorClass;
    }

    /** +UCOAPER error code, -1 when the module did not report one. */
    public int errorCode() {
        return errorCode;
    }
}
