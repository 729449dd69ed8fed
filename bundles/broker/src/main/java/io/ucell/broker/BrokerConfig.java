package io.ucell.broker;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of the embedded broker (PID io.ucell.broker). */
@ObjectClassDefinition(id = EmbeddedBroker.PID, name = "ucell embedded MQTT broker",
        description = "Moquette, the default broker of the standalone runtime (not for a gateway)")
public @interface BrokerConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Listen address", description = "127.0.0.1 keeps the broker to this machine")
    String host() default "127.0.0.1";

    @AttributeDefinition(name = "Port", type = AttributeType.INTEGER, min = "1", max = "65535")
    int port() default 1883;

    @AttributeDefinition(name = "Anonymous clients", description = "Accept clients without a user name")
    boolean allow_anonymous() default true;
}
