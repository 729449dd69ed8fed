package io.ucell.mqttsn.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the MQTT-SN client (PID io.ucell.mqttsn; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = MqttSnComponent.PID, name = "ucell MQTT-SN",
        description = "MQTT-SN through the module's embedded client (u-blox app note section 7), with the MQTT Anywhere "
                + "and MQTT Flex presets")
public @interface MqttSnConfig {

    @AttributeDefinition(name = "Preset", description = "MQTT Anywhere: identity client id, clean session, duration 600 s "
            + "unless set, APN tsudp on the modem (7.11). MQTT Flex: device client id, gateway mqtt-flex.thingstream.io:2443 "
            + "unless set, DTLS with the security profile set up for the device certificate and key (7.12). Neither on "
            + "SARA-R5 00B or SARA-R422", options = {@Option(label = "none", value = "none"),
                @Option(label = "MQTT Anywhere", value = "mqtt.anywhere"), @Option(label = "MQTT Flex", value = "mqtt.flex") })
    String preset() default "none";

    @AttributeDefinition(name = "Client id", description = "Empty: the module's IMEI. MQTT Anywhere: the SN thing's "
            + "identity; MQTT Flex: the Flex thing's device value (prefix added when missing)", required = false)
    String client_id() default "";

    @AttributeDefinition(name = "Gateway", description = "MQTT-SN gateway IP address or host name", required = false)
    String gateway_host() default "";

    @AttributeDefinition(name = "Gateway port", type = AttributeType.INTEGER, min = "1", max = "65535")
    int gateway_port() default 1883;

    @AttributeDefinition(name = "Connection duration (s)", description = "Keep-alive duration of the session, 0 for the "
            + "module's default", type = AttributeType.INTEGER, min = "0", max = "65535")
    int duration() default 0;

    @AttributeDefinition(name = "Clean session")
    boolean clean_session() default false;

    @AttributeDefinition(name = "Will topic", description = "Empty for no last will", required = false)
    String will_topic() default "";

    @AttributeDefinition(name = "Will message", description = "Text, no double quotes", required = false)
    String will_message() default "";

    @AttributeDefinition(name = "Will QoS", options = {@Option(label = "0", value = "0"), @Option(label = "1", value = "1"),
            @Option(label = "2", value = "2") })
    int will_qos() default 0;

    @AttributeDefinition(name = "Will retain")
    boolean will_retain() default false;

    @AttributeDefinition(name = "Secure (DTLS)", description = "DTLS with the security profile below (7.10)")
    boolean secure() default false;

    @AttributeDefinition(name = "Security profile", description = "USECMNG security profile 0-4",
            type = AttributeType.INTEGER, min = "0", max = "4")
    int security_profile() default 0;

    @AttributeDefinition(name = "MQTT Flex certificate", description = "Internal name of the imported device certificate",
            required = false)
    String flex_certificate() default "MQTTFlex_cert";

    @AttributeDefinition(name = "MQTT Flex key", description = "Internal name of the imported device key", required = false)
    String flex_key() default "MQTTFlex_key";

    @AttributeDefinition(name = "PDP context", description = "Context id the MQTT-SN client uses, -1 for the default "
            + "(mapping only on SARA-R5 02B and LEXI-R520)", type = AttributeType.INTEGER, min = "-1", max = "11")
    int pdp_cid() default -1;

    @AttributeDefinition(name = "PDP protocol type", options = {@Option(label = "IPv4", value = "0"),
            @Option(label = "IPv6", value = "1") })
    int pdp_ip_type() default 0;

    @AttributeDefinition(name = "Connect", description = "Keep a session up: connect when applied, and again when the "
            + "module reports the session lost")
    boolean connect() default false;

    @AttributeDefinition(name = "Response timeout (s)", type = AttributeType.INTEGER, min = "1")
    int response_timeout() default 30;
}
