package io.ucell.mqtt.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Metatype of the demo (PID io.ucell.mqtt.demo). */
@ObjectClassDefinition(id = SignalDemo.PID, name = "ucell MQTT demo",
        description = "Publishes the module's signal quality to ucell/<client id>/signal and logs what arrives on ucell/<client id>/#")
public @interface SignalDemoConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Interval (s)", type = AttributeType.INTEGER, min = "1")
    int interval() default 5;

    @AttributeDefinition(name = "QoS", type = AttributeType.INTEGER, min = "0", max = "2")
    int qos() default 1;
}
