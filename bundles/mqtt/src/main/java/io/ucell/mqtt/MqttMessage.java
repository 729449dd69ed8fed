package io.ucell.mqtt;

import java.util.Arrays;

/** A message received from the broker (+UMQTTC: 6). */
public record MqttMessage(String topic, byte[] payload, int qos) {
    public MqttMessage {
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MqttMessage m && m.topic.equals(topic) && m.qos == qos && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return topic.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "MqttMessage[" + topic + ", " + payload.length + " bytes, qos " + qos + "]";
    }
}
