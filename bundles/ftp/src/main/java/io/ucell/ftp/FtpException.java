package io.ucell.ftp;

/**
 * An FTP operation that did not succeed: refused before it reached the module (invalid name, FTP not on this
 * module, invalid configuration), or failed in the module, with the +UFTPER class and code when it gave one.
 */
public class FtpException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;

    public FtpException(String message) {
        this(message, -1, -1, null);
    }

    public FtpException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public FtpException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** +UFTPER error class, -1 when the module did not report one. */
    public int errorClass() {
        return errorClass;
    }

    /** +UFTPER error code, -1 when the module did not report one. */
    public int errorCode() {
        return errorCode;
    }
}
