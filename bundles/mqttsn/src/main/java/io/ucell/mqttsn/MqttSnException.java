package io.ucell.mqttsn;

import io.ucell.at.ModuleErrorException;

/**
 * An MQTT-SN operation failed. Where the module said why (+UMQTTSNER, section 7.9), {@link #errorClass()} and
 * {@link #errorCode()} hold its numbers (-1 otherwise; class 14 in the app note's example, code 21 = the gateway
 * did not reply) and the message says what they mean where the app note or u-blox's ubxlib tells.
 */
public class MqttSnException extends ModuleErrorException {
    private static final long serialVersionUID = 1L;

    public MqttSnException(String message) {
        this(message, -1, -1, null);
    }

    public MqttSnException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public MqttSnException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, errorClass, errorCode, cause);
    }
}
