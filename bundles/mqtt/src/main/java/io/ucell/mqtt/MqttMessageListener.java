package io.ucell.mqtt;

/** Receives messages; called on the client's reader thread, in arrival order. Must not block for long. */
@FunctionalInterface
public interface MqttMessageListener {
    void onMessage(MqttMessage message);
}
