package io.ucell.mqtt;

/** The module has no broker session now (never connected, or the network is lost and it is reconnecting). */
public class MqttNotConnectedException extends MqttException {
    private static final long serialVersionUID = 1L;

    public MqttNotConnectedException(String message) {
        super(message);
    }

    public MqttNotConnectedException(String message, int errorClass, int errorCode) {
        super(message, errorClass, errorCode, null);
    }
}
