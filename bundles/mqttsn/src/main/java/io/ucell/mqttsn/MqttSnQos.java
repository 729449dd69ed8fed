package io.ucell.mqttsn;

/**
 * MQTT-SN quality of service. {@link #MINUS_ONE} (QoS -1, MQTT-SN 1.2 section 6.8) publishes without a session, to
 * predefined topic ids and short topic names only; the AT interface takes it as 3 (u-blox AT commands manual, as
 * ubxlib sends it), the app note does not show it.
 */
public enum MqttSnQos {
    MINUS_ONE(3), AT_MOST_ONCE(0), AT_LEAST_ONCE(1), EXACTLY_ONCE(2);

    private final int atValue;

    MqttSnQos(int atValue) {
        this.atValue = atValue;
    }

    /** The number +UMQTTSNC takes. */
    public int atValue() {
        return atValue;
    }

    /** 0, 1 or 2 as the module reports it; -1 is never reported. */
    public static MqttSnQos of(int level) {
        switch (level) {
            case 0:
                return AT_MOST_ONCE;
            case 1:
                return AT_LEAST_ONCE;
            case 2:
                return EXACTLY_ONCE;
            case -1:
            case 3:
                return MINUS_ONE;
            default:
                throw new IllegalArgumentException("no MQTT-SN QoS " + level);
        }
    }
}
