package io.ucell.mqtt;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * MQTT through the module's embedded client (app note section 6). One broker session per module. Calls block
 * until the module reports the outcome (+UUMQTTC) or the operation times out; failures throw
 * {@link MqttException} with the +UMQTTER class and code decoded. While the network is lost the client
 * reconnects by itself with a capped backoff and subscribes again to every filter it had.
 */
@ProviderType
public interface MqttService {

    /** Writes the configured profile and connects (+UMQTTC=1); returns once +UUMQTTC: 1,1 arrived. */
    void connect() throws MqttException;

    /** Disconnects (+UMQTTC=0) and stops reconnecting; subscriptions are forgotten. */
    void disconnect() throws MqttException;

    boolean isConnected();

    /**
     * Publishes and returns once the module reports the publish done (+UUMQTTC: 2,1: for QoS 1 and 2 the broker
     * acknowledged it). The payload goes as text, hex or binary (+UMQTTC=9 and the '>' prompt), whichever carries
     * it: see {@link PublishMode#choose(byte[])}. While not connected it throws {@link MqttNotConnectedException}:
     * nothing is queued or dropped silently.
     */
    void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException;

    /** Subscribes (+UMQTTC=4) and returns the QoS the broker granted; messages on it go to {@code listener}. */
    int subscribe(String topicFilter, int qos, MqttMessageListener listener) throws MqttException;

    void unsubscribe(String topicFilter) throws MqttException;

    /** The filters subscribed to (restored after every reconnect). */
    Set<String> subscriptions();

    /** Every received message, whichever subscription it matched. */
    void addMessageListener(MqttMessageListener listener);

    void removeMessageListener(MqttMessageListener listener);

    void addConnectionListener(MqttConnectionListener listener);

    void removeConnectionListener(MqttConnectionListener listener);

    /** The client id in use (the configured one, else the module's IMEI); null before the module answered. */
    String clientId();

    /** The configured user name ("" for none). */
    String userName();

    /** "tcp://host:port" or "ssl://host:port" of the configured broker. */
    String brokerUrl();

    /** +UMQTTNV=2: stores the module's current profile in its NVM. */
    void storeProfile() throws MqttException;

    /** +UMQTTNV=1 (or 0 for the factory profile): loads the module's stored profile. */
    void restoreProfile(boolean factory) throws MqttException;
}
