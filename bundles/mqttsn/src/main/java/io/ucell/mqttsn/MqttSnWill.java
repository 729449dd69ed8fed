package io.ucell.mqttsn;

import java.util.Objects;

/**
 * The last will (7.1.2): published by the gateway when the module's session ends by an error (7.8). The module
 * takes the message as text (+UMQTTSN=7), so it holds printable characters without double quotes.
 */
public record MqttSnWill(String topic, String message, MqttSnQos qos, boolean retain) {

    public MqttSnWill {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(qos, "qos");
        if (topic.isEmpty() || topic.length() > 255 || topic.indexOf('+') >= 0 || topic.indexOf('#') >= 0) {
            throw new IllegalArgumentException("the will topic is a topic name of 1 to 255 characters without wildcards");
        }
        if (!printable(topic)) {
            throw new IllegalArgumentException("the will topic holds a double quote or a control character");
        }
        if (message.length() > 255 || !printable(message)) {
            throw new IllegalArgumentException("the will message is text of at most 255 printable characters without"
                    + " double quotes");
        }
        if (qos == MqttSnQos.MINUS_ONE) {
            throw new IllegalArgumentException("the will QoS is 0, 1 or 2");
        }
    }

    static boolean printable(String s) {
        return s.chars().allMatch(c -> c >= 0x20 && c != 0x7f && c != '"');
    }
}
