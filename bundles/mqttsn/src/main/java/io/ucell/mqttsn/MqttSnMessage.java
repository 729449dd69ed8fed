package io.ucell.mqttsn;

/**
 * A message the module received (+UMQTTSNC: 9).
 *
 * @param topic     how the module named the topic: a normal id, a predefined id or a short name
 * @param topicName the topic name when the client knows it (ids it registered or subscribed to), else null
 * @param payload   the bytes, any values
 * @param qos       the QoS the message came with
 */
public record MqttSnMessage(MqttSnTopic topic, String topicName, byte[] payload, MqttSnQos qos) {

    public MqttSnMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload as UTF-8 text. */
    public String text() {
        return new String(payload, java.nio.charset.StandardCharsets.UTF_8);
    }
}
