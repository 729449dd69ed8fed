package io.ucell.mqtt;

/** Connection events of the module's MQTT session. */
public interface MqttConnectionListener {
    /** Connected (first time or after a reconnect); subscriptions are restored before this is called. */
    default void connected(boolean reconnect) {
    }

    /** The session ended without a disconnect() (network lost, broker gone); the client reconnects. */
    default void connectionLost(String reason) {
    }

    /** disconnect() finished. */
    default void disconnected() {
    }
}
