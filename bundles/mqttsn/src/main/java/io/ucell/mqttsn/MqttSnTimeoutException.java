package io.ucell.mqttsn;

/** The gateway did not answer in time (+UMQTTSNER code 21, section 7.9), or the module's URC did not come. */
public class MqttSnTimeoutException extends MqttSnException {
    private static final long serialVersionUID = 1L;

    public MqttSnTimeoutException(String message, int errorClass, int errorCode) {
        super(message, errorClass, errorCode, null);
    }
}
