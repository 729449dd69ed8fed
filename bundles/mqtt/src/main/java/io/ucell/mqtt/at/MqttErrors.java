package io.ucell.mqtt.at;

import java.util.Map;

/**
 * What +UMQTTER: &lt;class&gt;,&lt;code&gt; means. The app note names one pair (13,50 "PSD or CSD connection not
 * established", section 6.8); the others are the simulated module's (see its README). Unknown pairs are shown
 * as numbers, so a real module's codes still reach the user verbatim.
 */
public final class MqttErrors {
    public static final int CLASS_MQTT = 13;
    public static final int NOT_CONNECTED = 7;
    public static final int ALREADY_CONNECTED = 8;
    public static final int NO_CONTEXT = 50;
    public static final int NO_MESSAGE = 17;

    private static final Map<Integer, String> MQTT = Map.ofEntries(
            Map.entry(1, "unknown error"),
            Map.entry(4, "an operation is in progress"),
            Map.entry(NOT_CONNECTED, "not connected to the broker"),
            Map.entry(ALREADY_CONNECTED, "already connected"),
            Map.entry(10, "no broker address or name configured"),
            Map.entry(11, "broker name not resolved"),
            Map.entry(12, "TCP connection to the broker failed"),
            Map.entry(14, "TLS handshake failed"),
            Map.entry(15, "the broker did not answer in time"),
            Map.entry(16, "subscription refused by the broker"),
            Map.entry(NO_MESSAGE, "no unread message"),
            Map.entry(18, "invalid parameter"),
            Map.entry(19, "connection to the broker lost"),
            Map.entry(21, "connection refused: unacceptable protocol version"),
            Map.entry(22, "connection refused: identifier rejected"),
            Map.entry(23, "connection refused: server unavailable"),
            Map.entry(24, "connection refused: bad user name or password"),
            Map.entry(25, "connection refused: not authorized"),
            Map.entry(NO_CONTEXT, "PSD or CSD connection not established (no active PDP context)"));

    private MqttErrors() {
    }

    /** "TLS handshake failed (+UMQTTER 13,14)"; "+UMQTTER 13,99" for a pair not in the table. */
    public static String describe(int errorClass, int code) {
        String text = errorClass == CLASS_MQTT ? MQTT.get(code) : null;
        String pair = "+UMQTTER " + errorClass + "," + code;
        return text == null ? pair : text + " (" + pair + ")";
    }

    /** The module says the session is not there (not connected, or no PDP context). */
    public static boolean meansNotConnected(int errorClass, int code) {
        return errorClass == CLASS_MQTT && (code == NOT_CONNECTED || code == NO_CONTEXT || code == 19);
    }
}
