package io.ucell.simulator.mqtt;

/**
 * +UMQTTER: &lt;error class&gt;,&lt;error code&gt;. The app note gives one pair (13,50 "PSD or CSD connection not
 * established", section 6.8) and refers to the AT manual for the rest; the simulator keeps class 13 and picks
 * the other codes (listed in the simulator README). Codes 21-25 carry the broker's CONNACK refusal (20 + return
 * code of MQTT 3.1).
 */
public enum MqttError {
    NONE(0, 0, "no error"),
    UNKNOWN(13, 1, "unknown error"),
    BUSY(13, 4, "an operation is in progress"),
    NOT_CONNECTED(13, 7, "not connected to the broker"),
    ALREADY_CONNECTED(13, 8, "already connected"),
    NO_SERVER(13, 10, "no broker address or name configured"),
    DNS(13, 11, "broker name not resolved"),
    CONNECT_FAILED(13, 12, "TCP connection to the broker failed"),
    TLS(13, 14, "TLS handshake failed"),
    TIMEOUT(13, 15, "the broker did not answer in time"),
    SUBSCRIBE_REFUSED(13, 16, "subscription refused by the broker"),
    NO_MESSAGE(13, 17, "no unread message"),
    INVALID_PARAMETER(13, 18, "invalid parameter"),
    CONNECTION_LOST(13, 19, "connection to the broker lost"),
    REFUSED_PROTOCOL(13, 21, "connection refused: unacceptable protocol version"),
    REFUSED_CLIENT_ID(13, 22, "connection refused: identifier rejected"),
    REFUSED_UNAVAILABLE(13, 23, "connection refused: server unavailable"),
    REFUSED_CREDENTIALS(13, 24, "connection refused: bad user name or password"),
    REFUSED_NOT_AUTHORIZED(13, 25, "connection refused: not authorized"),
    NO_CONTEXT(13, 50, "PSD or CSD connection not established");

    final int errorClass;
    final int code;
    final String text;

    MqttError(int errorClass, int code, String text) {
        this.errorClass = errorClass;
        this.code = code;
        this.text = text;
    }

    String line() {
        return "+UMQTTER: " + errorClass + "," + code;
    }
}
