package io.ucell.mqtt;

import java.nio.charset.StandardCharsets;

/** The last will (section 6.1.2): published by the broker when the module disappears without a DISCONNECT. */
public record MqttWill(String topic, String message, int qos, boolean retain) {
    public MqttWill {
        if (topic == null || topic.isEmpty() || topic.length() > 256 || topic.contains("#") || topic.contains("+")) {
            throw new IllegalArgumentException("will topic must be 1-256 characters without wildcards");
        }
        if (message == null || message.getBytes(StandardCharsets.UTF_8).length > 256) {
            throw new IllegalArgumentException("will message must be at most 256 bytes");
        }
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("will QoS must be 0, 1 or 2");
        }
    }
}
