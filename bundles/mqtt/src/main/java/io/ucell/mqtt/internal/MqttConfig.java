package io.ucell.mqtt.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the MQTT client (PID io.ucell.mqtt; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = MqttComponent.PID, name = "ucell MQTT",
        description = "MQTT through the module's embedded client (u-blox app note section 6)")
public @interface MqttConfig {

    @AttributeDefinition(name = "Broker", description = "IP address (+UMQTT=2) or host name (+UMQTT=3, resolved by the module)")
    String server() default "127.0.0.1";

    @AttributeDefinition(name = "Port", description = "1883 for MQTT, 8883 for MQTT over TLS", type = AttributeType.INTEGER,
            min = "1", max = "65535")
    int port() default 1883;

    @AttributeDefinition(name = "Client id", description = "Empty for the module's IMEI (the module's default)", required = false)
    String client_id() default "";

    @AttributeDefinition(name = "User name", required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Keepalive (s)", description = "Inactivity timeout; the ping loop runs when it is above 0",
            type = AttributeType.INTEGER, min = "0", max = "65535")
    int keepalive() default 60;

    @AttributeDefinition(name = "Linger (s)", description = "0 leaves the module's default", type = AttributeType.INTEGER,
            min = "0", max = "65535")
    int linger() default 0;

    @AttributeDefinition(name = "Clean session")
    boolean clean_session() default true;

    @AttributeDefinition(name = "Will topic", description = "Empty for no last will", required = false)
    String will_topic() default "";

    @AttributeDefinition(name = "Will message", required = false)
    String will_message() default "";

    @AttributeDefinition(name = "Will QoS", options = {@Option(label = "0", value = "0"), @Option(label = "1", value = "1"),
            @Option(label = "2", value = "2") })
    int will_qos() default 0;

    @AttributeDefinition(name = "Will retain")
    boolean will_retain() default false;

    @AttributeDefinition(name = "Secure (TLS)", description = "MQTT over TLS with the security profile below (+UMQTT=11)")
    boolean secure() default false;

    @AttributeDefinition(name = "Security profile", description = "+USECMNG/+USECPRF profile 0-4", type = AttributeType.INTEGER,
            min = "0", max = "4")
    int security_profile() default 0;

    @AttributeDefinition(name = "PDP context", description = "-1 for the default; mapping only on SARA-R5 02B and LEXI-R520 (+UMQTT=20)",
            type = AttributeType.INTEGER, min = "-1", max = "11")
    int pdp_cid() default -1;

    @AttributeDefinition(name = "PDP protocol type", options = {@Option(label = "IPv4", value = "0"),
            @Option(label = "IPv6", value = "1") })
    int pdp_ip_type() default 0;

    @AttributeDefinition(name = "Connect on start", description = "Connect when the module has data, and keep connected")
    boolean connect() default false;

    @AttributeDefinition(name = "Response timeout (s)", type = AttributeType.INTEGER, min = "1")
    int response_timeout() default 30;

    @AttributeDefinition(name = "Reconnect delay (ms)", description = "First delay after a lost connection; doubles up to the cap",
            type = AttributeType.INTEGER, min = "1")
    int reconnect_base() default 1000;

    @AttributeDefinition(name = "Reconnect cap (ms)", type = AttributeType.INTEGER, min = "1")
    int reconnect_cap() default 60000;
}
