package io.ucell.mqtt.cloud;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of the cloud endpoint (the cloud connection Kura's UI shows). */
@ObjectClassDefinition(id = CloudPids.ENDPOINT_FACTORY, name = "ucell MQTT cloud endpoint",
        description = "A raw MQTT cloud connection through the module's embedded MQTT client: publishers send the "
                + "message body to their topic, subscribers receive message bodies")
public @interface CloudEndpointConfig {

    @AttributeDefinition(name = "DataService target", description = "Kura's DataService of this stack (absent in the "
            + "standalone runtime: the endpoint then uses the transport directly)")
    String DataService_target() default "(kura.service.pid=org.eclipse.kura.data.DataService)";

    @AttributeDefinition(name = "DataTransportService target", description = "The module's MQTT data transport of this stack")
    String DataTransportService_target() default "(kura.service.pid=" + CloudPids.TRANSPORT_FACTORY + ")";

    @AttributeDefinition(name = "Connect without a DataService", description = "Where Kura's DataService is absent, "
            + "connect the transport on start and keep it connected (Kura's DataService does that otherwise)")
    boolean connect_on_start() default true;
}
