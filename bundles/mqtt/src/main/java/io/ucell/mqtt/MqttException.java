package io.ucell.mqtt;

/**
 * An MQTT operation failed. Where the module reported it, {@link #errorClass()} and {@link #errorCode()} are the
 * +UMQTTER values (-1 otherwise) and the message says what they mean.
 */
public class MqttException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errorClass;
    private final int errorCode;

    public MqttException(String message) {
        this(message, -1, -1, null);
    }

    public MqttException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public MqttException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    public int errorClass() {
        return errorClass;
    }

    public int errorCode() {
        return errorCode;
    }
}
