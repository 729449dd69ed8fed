package io.ucell.mqtt;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.ucell.testsupport.TestBroker;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** The other side: an independent Paho client on the same broker that records what it receives. */
/** Shared by the client and the cloud-connection tests. */
public final class Peer implements AutoCloseable {
    public final MqttClient client;
    public final BlockingQueue<org.eclipse.paho.client.mqttv3.MqttMessage> received = new LinkedBlockingQueue<>();
    public final BlockingQueue<String> topics = new LinkedBlockingQueue<>();

    public Peer(TestBroker broker) throws Exception {
        client = new MqttClient(broker.uri(), "peer-" + System.nanoTime(), new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
    }

    public void subscribe(String filter) throws Exception {
        client.subscribe(filter, 1, (topic, msg) -> {
            topics.add(topic);
            received.add(msg);
        });
    }

    public void publish(String topic, byte[] payload, int qos, boolean retain) throws Exception {
        client.publish(topic, payload, qos, retain);
    }

    public org.eclipse.paho.client.mqttv3.MqttMessage next() throws InterruptedException {
        org.eclipse.paho.client.mqttv3.MqttMessage m = received.poll(15, TimeUnit.SECONDS);
        assertNotNull(m, "the peer received nothing");
        return m;
    }

    @Override
    public void close() throws Exception {
        client.disconnectForcibly(100, 100);
        client.close();
    }
}
