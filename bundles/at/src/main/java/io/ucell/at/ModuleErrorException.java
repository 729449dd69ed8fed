package io.ucell.at;

/**
 * Base of the exceptions of the module's internet applications (CoAP, FTP, HTTP, MQTT-SN...): an operation refused
 * before it reached the module, or failed in the module with the error class and code the application's error
 * command (+UCOAPER, +UFTPER, +UHTTPER, +UMQTTSNER...) reported. Each subclass says which command.
 */
public abstract class ModuleErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;

    /** With -1 for the class and code when the module reported none. */
    protected ModuleErrorException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** The error class the module reported, -1 when it did not report one. */
    public int errorClass() {
        return errorClass;
    }

    /** The error code the module reported, -1 when it did not report one. */
    public int errorCode() {
        return errorCode;
    }
}
