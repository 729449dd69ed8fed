package io.ucell.mqttsn;

/**
 * An MQTT-SN operation failed. Where the module said why (+UMQTTSNER, section 7.9), {@link #errorClass()} and
 * {@link #errorCode()} hold its numbers (-1 otherwise) and the message says what they mean where the app note or
 * u-blox's ubxlib tells.
 */
public class MqttSnException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errorClass;
    private final int errorCode;

    public MqttSnException(String message) {
        this(message, -1, -1, null);
    }

    public MqttSnException(String message, Throwable cause) {
        this(message, -1, -1, cause);
    }

    public MqttSnException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** +UMQTTSNER error class (14 in the app note's example), -1 when unknown. */
    public int errorClass() {
        return errorClass;
    }

    /** +UMQTTSNER error code (21 = the gateway did not reply), -1 when unknown. */
    public int errorCode() {
        return errorCode;
    }
}
