package io.ucell.mqtt.cloud;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of a cloud subscriber on the module's cloud endpoint. */
@ObjectClassDefinition(id = CloudPids.SUBSCRIBER_FACTORY, name = "ucell MQTT cloud subscriber",
        description = "Delivers the messages of one topic filter, received through the module's cloud connection")
public @interface CloudSubscriberConfig {

    @AttributeDefinition(name = "CloudEndpoint target", description = "The cloud endpoint (connection) to receive through")
    String CloudEndpoint_target() default "(kura.service.pid=" + CloudPids.ENDPOINT_FACTORY + ")";

    @AttributeDefinition(name = "Topic filter", description = "MQTT filter ('+', '#'); may hold #account-name and #client-id")
    String topic_filter() default "#account-name/#client-id/control/#";

    @AttributeDefinition(name = "QoS", options = {@Option(label = "0", value = "0"), @Option(label = "1", value = "1"),
            @Option(label = "2", value = "2") })
    int qos() default 0;
}
