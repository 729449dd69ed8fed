package io.ucell.ftp;

import io.ucell.at.ModuleErrorException;

/**
 * An FTP operation that did not succeed: refused before it reached the module (invalid name, FTP not on this
 * module, invalid configuration), or failed in the module, with the +UFTPER class and code when it gave one.
 */
public class FtpException extends ModuleErrorException {
    private static final long serialVersionUID = 1L;

    public FtpException(String message) {
        this(message, -1, -1, null);
    }

    public FtpException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public FtpException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, errorClass, errorCode, cause);
    }
}
