package io.ucell.coap;

import io.ucell.at.ModuleErrorException;

/**
 * A request that did not give a response: refused before it reached the module (bad URI, CoAP not on this
 * module, another transmission in progress), or failed in the module, with the +UCOAPER class and code.
 */
public class CoapException extends ModuleErrorException {
    private static final long serialVersionUID = 1L;

    public CoapException(String message) {
        this(message, -1, -1, null);
    }

    public CoapException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public CoapException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, errorClass, errorCode, cause);
    }
}
