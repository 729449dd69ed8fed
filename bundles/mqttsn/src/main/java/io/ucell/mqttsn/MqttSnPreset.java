package io.ucell.mqttsn;

/**
 * The u-blox Thingstream services on MQTT-SN (sections 7.11, 7.12). Neither works on SARA-R5 "00B" or SARA-R422.
 */
public enum MqttSnPreset {
    /** Plain MQTT-SN: the settings as given. */
    NONE,
    /**
     * MQTT Anywhere (7.11): the SN thing's identity as client id ("identity:..."), a connection duration (600 s in the
     * app note), clean session, and the IoT SIM's APN {@value MqttSnSettings#ANYWHERE_APN} on the modem service.
     */
    MQTT_ANYWHERE,
    /**
     * MQTT Flex (7.12): the device value as client id ("device:..."), the gateway
     * {@value MqttSnSettings#FLEX_GATEWAY}:{@value MqttSnSettings#FLEX_PORT}, DTLS with a security profile that uses
     * the device certificate and key imported into the module (+USECMNG, 7.12.1).
     */
    MQTT_FLEX
}
