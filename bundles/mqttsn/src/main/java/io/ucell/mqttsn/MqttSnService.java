package io.ucell.mqttsn;

import java.nio.charset.StandardCharsets;
import org.osgi.annotation.versioning.ProviderType;

/**
 * MQTT-SN through the module's embedded client (app note section 7). Operations wait for the gateway's answer
 * (+UUMQTTSNC) and throw {@link MqttSnException} with the module's +UMQTTSNER code when it fails. One operation at a
 * time; concurrent callers queue.
 */
@ProviderType
public interface MqttSnService {

    /**
     * Writes the profile and starts the session (+UMQTTSNC=1). After a session the module ended (network lost,
     * reboot) it also subscribes again to what was subscribed through this service.
     */
    void connect() throws MqttSnException;

    /** Ends the session (+UMQTTSNC=0); the will is not published, the subscriptions are forgotten. */
    void disconnect() throws MqttSnException;

    /** Whether the session is up, as far as the client knows (URCs included). */
    boolean isConnected();

    /** Registers a topic name (+UMQTTSNC=2) and returns the topic id the gateway gave it. */
    int register(String topicName) throws MqttSnException;

    /**
     * Publishes (+UMQTTSNC=4): to a normal topic id, a predefined id or a short name; a {@link MqttSnTopic.Kind#NAME}
     * is registered first (once per session). Text goes as text, any other bytes in hex mode. {@link MqttSnQos#MINUS_ONE}
     * needs no session but only predefined ids and short names. Returns when the gateway confirmed.
     */
    void publish(MqttSnTopic topic, byte[] payload, MqttSnQos qos, boolean retain) throws MqttSnException;

    default void publish(MqttSnTopic topic, String text, MqttSnQos qos) throws MqttSnException {
        publish(topic, text.getBytes(StandardCharsets.UTF_8), qos, false);
    }

    /**
     * Subscribes (+UMQTTSNC=5) to a topic name (wildcards allowed), a predefined id or a short name; messages on the
     * topic go to the listener (and to every general listener).
     */
    MqttSnSubscription subscribe(MqttSnTopic topic, MqttSnQos qos, MqttSnMessageListener listener) throws MqttSnException;

    /** Unsubscribes (+UMQTTSNC=6) and drops the listener. */
    void unsubscribe(MqttSnTopic topic) throws MqttSnException;

    /** Changes the will during the session (+UMQTTSNC=7 topic/QoS/retain, +UMQTTSNC=8 message). */
    void updateWill(MqttSnWill will) throws MqttSnException;

    /** Stores the profile written by the last connect in the module's NVM (+UMQTTSNNV=2). */
    void storeProfile() throws MqttSnException;

    /** Makes the stored profile the current one (+UMQTTSNNV=1); the next connect writes the settings again. */
    void restoreProfile() throws MqttSnException;

    /** Every message received, whatever the subscription. */
    void addMessageListener(MqttSnMessageListener listener);

    void removeMessageListener(MqttSnMessageListener listener);

    void addConnectionListener(MqttSnConnectionListener listener);

    void removeConnectionListener(MqttSnConnectionListener listener);
}
