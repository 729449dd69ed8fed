package io.ucell.simulator.mqttsn;

/**
 * +UMQTTSNER codes. The app note gives one (14,21 "Timeout error": the gateway did not reply, section 7.9) and
 * ubxlib retries on 22 ("no radio service"); the simulator keeps class 14 and picks the other codes.
 */
enum MqttSnError {
    NONE(0, 0, "no error"),
    TIMEOUT(14, 21, "timeout: the gateway did not reply"),
    NO_NETWORK(14, 22, "no network service: no PDP context active"),
    NOT_CONNECTED(14, 23, "no MQTT-SN session"),
    ALREADY_CONNECTED(14, 24, "an MQTT-SN session is already up"),
    GATEWAY_UNREACHABLE(14, 25, "gateway unreachable or connection refused"),
    GATEWAY_NOT_SET(14, 26, "no gateway configured"),
    NAME_NOT_RESOLVED(14, 27, "gateway name not resolved"),
    INVALID_TOPIC(14, 28, "invalid topic id or topic name"),
    REJECTED(14, 29, "rejected by the gateway"),
    PAYLOAD(14, 30, "message too long or not valid hexadecimal"),
    CONNECTION_LOST(14, 31, "connection to the gateway lost");

    final int errorClass;
    final int code;
    final String text;

    MqttSnError(int errorClass, int code, String text) {
        this.errorClass = errorClass;
        this.code = code;
        this.text = text;
    }

    String line() {
        return "+UMQTTSNER: " + errorClass + "," + code;
    }
}
