package io.ucell.http;

import io.ucell.at.ModuleErrorException;

/**
 * A request that did not give a response: refused before it reached the module (bad URL, invalid
 * configuration, HTTP not on this module, the profile still busy), or failed in the module, with the
 * +UHTTPER class and code.
 */
public class HttpException extends ModuleErrorException {
    private static final long serialVersionUID = 1L;

    public HttpException(String message) {
        this(message, -1, -1, null);
    }

    public HttpException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public HttpException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, errorClass, errorCode, cause);
    }
}
