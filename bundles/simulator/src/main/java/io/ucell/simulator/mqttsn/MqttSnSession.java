package io.ucell.simulator.mqttsn;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT-SN session as the simulated gateway runs it: an MQTT connection (Paho) to the broker at the configured
 * gateway address, with the session's topic table and subscriptions. Every call blocks up to {@link #TIMEOUT_MS};
 * callers run it off the AT interpreter's thread.
 */
final class MqttSnSession {
    /** How long the gateway waits for the broker before answering with a timeout (+UMQTTSNER 14,21). */
    static final long TIMEOUT_MS = 10_000;

    /** What the session tells its owner; called on Paho's threads. */
    interface Listener {
        void message(MqttSnSession session, String topic, MqttMessage message);

        void lost(MqttSnSession session, Throwable cause);
    }

    /** A failure with the +UMQTTSNER code it maps to. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        final MqttSnError error;

        Failure(MqttSnError error, Throwable cause) {
            super(error.text, cause);
            this.error = error;
        }
    }

    final MqttSnTopics topics;
    final int cid;
    /** The context comes from +UMQTTSN=20, not from the internal stack's route. */
    final boolean mapped;
    private final String serverUri;
    private final Listener listener;
    /** Subscribed MQTT topic filters and their granted QoS, to subscribe again after a will update. */
    private final Map<String, Integer> subscriptions = new LinkedHashMap<>();
    private volatile MqttSnProfile profile;
    private volatile MqttAsyncClient client;
    private volatile boolean closed;

    MqttSnSession(MqttSnProfile profile, String host, MqttSnTopics topics, int cid, boolean mapped, Listener listener) {
        this.profile = profile.copy();
        this.topics = topics;
        this.cid = cid;
        this.mapped = mapped;
        this.listener = listener;
        this.serverUri = "tcp://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + profile.gatewayPort();
    }

    void connect() throws Failure {
        MqttAsyncClient c;
        try {
            c = new MqttAsyncClient(serverUri, profile.clientId, new MemoryPersistence());
        } catch (MqttException | IllegalArgumentException e) {
            throw new Failure(MqttSnError.GATEWAY_UNREACHABLE, e);
        }
        c.setCallback(new MqttCallback() {
            @Override
            public void connectionLost(Throwable cause) {
                if (client == c && !closed) {
                    listener.lost(MqttSnSession.this, cause);
                }
            }

            @Override
            public void messageArrived(String topic, MqttMessage message) {
                if (client == c && !closed) {
                    listener.message(MqttSnSession.this, topic, message);
                }
            }

            @Override
            public void deliveryComplete(IMqttDeliveryToken token) {
                // the publisher waits on its token
            }
        });
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(profile.cleanSession);
        o.setKeepAliveInterval(profile.duration);
        o.setConnectionTimeout((int) (TIMEOUT_MS / 1000));
        o.setAutomaticReconnect(false);
        o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (!profile.willTopic.isEmpty()) {
            o.setWill(profile.willTopic, profile.willMessage.getBytes(StandardCharsets.ISO_8859_1), profile.willQos,
                    profile.willRetain);
        }
        client = c;
        try {
            c.connect(o).waitForCompletion(TIMEOUT_MS + 1000);
        } catch (MqttException e) {
            closeQuietly(c);
            throw failure(e, MqttSnError.GATEWAY_UNREACHABLE);
        }
    }

    void publish(String topic, byte[] payload, int qos, boolean retain) throws Failure {
        try {
            client.publish(topic, payload, qos, retain).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw failure(e, MqttSnError.REJECTED);
        }
    }

    /** @return the QoS the broker granted */
    int subscribe(String filter, int qos) throws Failure {
        int granted;
        try {
            IMqttToken t = client.subscribe(filter, qos);
            t.waitForCompletion(TIMEOUT_MS);
            int[] g = t.getGrantedQos();
            granted = g == null || g.length == 0 ? qos : g[0];
        } catch (MqttException e) {
            throw failure(e, MqttSnError.REJECTED);
        }
        if (granted < 0 || granted > 2) {
            throw new Failure(MqttSnError.REJECTED, null);
        }
        synchronized (subscriptions) {
            subscriptions.put(filter, granted);
        }
        return granted;
    }

    void unsubscribe(String filter) throws Failure {
        try {
            client.unsubscribe(filter).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            throw failure(e, MqttSnError.REJECTED);
        }
        synchronized (subscriptions) {
            subscriptions.remove(filter);
        }
    }

    boolean subscribed(String filter) {
        synchronized (subscriptions) {
            return subscriptions.containsKey(filter);
        }
    }

    /**
     * A will update (+UMQTTSNC=7/8, MQTT-SN WILLTOPICUPD/WILLMSGUPD): MQTT fixes the will at CONNECT, so the gateway
     * ends the broker connection cleanly (the old will is not sent), connects again with the new will and subscribes
     * again; the topic table stays.
     */
    void updateWill(MqttSnProfile updated) throws Failure {
        MqttAsyncClient old = client;
        client = null;
        try {
            old.disconnect(TIMEOUT_MS).waitForCompletion(TIMEOUT_MS);
        } catch (MqttException e) {
            // gone anyway
        }
        closeQuietly(old);
        profile = updated.copy();
        connect();
        Map<String, Integer> again;
        synchronized (subscriptions) {
            again = new LinkedHashMap<>(subscriptions);
        }
        for (Map.Entry<String, Integer> e : again.entrySet()) {
            subscribe(e.getKey(), e.getValue());
        }
    }

    /** +UMQTTSNC=0: DISCONNECT, no will. */
    void disconnect() {
        closed = true;
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.disconnect(2000).waitForCompletion(3000);
        } catch (MqttException e) {
            // closing anyway
        }
        closeQuietly(c);
    }

    /** The network went away: the connection drops without DISCONNECT, so the broker publishes the will. */
    void kill() {
        closed = true;
        MqttAsyncClient c = client;
        if (c == null) {
            return;
        }
        try {
            c.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            // closing anyway
        }
        closeQuietly(c);
    }

    private static void closeQuietly(MqttAsyncClient c) {
        try {
            c.close(true);
        } catch (MqttException | RuntimeException e) {
            // nothing left to do
        }
    }

    private static Failure failure(MqttException e, MqttSnError otherwise) {
        if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT) {
            return new Failure(MqttSnError.TIMEOUT, e);
        }
        if (e.getReasonCode() == MqttException.REASON_CODE_CLIENT_NOT_CONNECTED
                || e.getReasonCode() == MqttException.REASON_CODE_CONNECTION_LOST) {
            return new Failure(MqttSnError.CONNECTION_LOST, e);
        }
        return new Failure(otherwise, e);
    }
}
