package io.ucell.mqtt.cloud;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of the data transport on the module's MQTT client (broker settings are in io.ucell.mqtt). */
@ObjectClassDefinition(id = CloudPids.TRANSPORT_FACTORY, name = "ucell MQTT data transport",
        description = "Kura DataTransportService on the module's embedded MQTT client; the broker, credentials, will "
                + "and TLS are set in 'ucell MQTT' (io.ucell.mqtt)")
public @interface DataTransportConfig {

    @AttributeDefinition(name = "Account name", description = "Value of #account-name in topics",
            required = false)
    String topic_context_account$_$name() default "account-name";

    @AttributeDefinition(name = "Max in-flight messages", description = "Publishes queued towards the module before "
            + "publish() refuses more", type = AttributeType.INTEGER, min = "1")
    int max_inflight() default 100;
}
