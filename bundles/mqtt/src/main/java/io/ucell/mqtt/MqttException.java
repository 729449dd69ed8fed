package io.ucell.mqtt;

import io.ucell.at.ModuleErrorException;

/**
 * An MQTT operation failed. Where the module reported it, {@link #errorClass()} and {@link #errorCode()} are the
 * +UMQTTER values (-1 otherwise) and the message says what they mean.
 */
public class MqttException extends ModuleErrorException {
    private static final long serialVersionUID = 1L;

    public MqttException(String message) {
        this(message, -1, -1, null);
    }

    public MqttException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public MqttException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, errorClass, errorCode, cause);
    }
}
