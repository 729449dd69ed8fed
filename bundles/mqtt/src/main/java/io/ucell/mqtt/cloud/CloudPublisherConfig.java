package io.ucell.mqtt.cloud;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of a cloud publisher on the module's cloud endpoint. */
@ObjectClassDefinition(id = CloudPids.PUBLISHER_FACTORY, name = "ucell MQTT cloud publisher",
        description = "Publishes the bodies of an application's messages to one topic through the module's cloud connection")
public @interface CloudPublisherConfig {

    @AttributeDefinition(name = "CloudEndpoint target", description = "The cloud endpoint (connection) to publish through")
    String CloudEndpoint_target() default "(kura.service.pid=" + CloudPids.ENDPOINT_FACTORY + ")";

    @AttributeDefinition(name = "Topic", description = "May hold #account-name and #client-id")
    String topic() default "#account-name/#client-id/data";

    @AttributeDefinition(name = "QoS", options = {@Option(label = "0", value = "0"), @Option(label = "1", value = "1"),
            @Option(label = "2", value = "2") })
    int qos() default 0;

    @AttributeDefinition(name = "Retain")
    boolean retain() default false;

    @AttributeDefinition(name = "Priority", description = "Kura DataService priority (0 highest)", type = AttributeType.INTEGER,
            min = "0")
    int priority() default 4;
}
