package io.ucell.mqttsn;

import io.ucell.testsupport.TestBroker;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** An independent MQTT client (Paho) on the broker: what the module's messages reach and where they come from. */
final class Peer implements AutoCloseable {
    record Received(String topic, byte[] payload, int qos, boolean retained) {
    }

    final MqttClient client;
    final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();

    Peer(TestBroker broker, String id) throws MqttException {
        client = new MqttClient("tcp://127.0.0.1:" + broker.port, id, new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        client.connect(o);
    }

    void subscribe(String filter) throws MqttException {
        client.subscribe(filter, 1, (topic, m) -> inbox.add(new Received(topic, m.getPayload(), m.getQos(), m.isRetained())));
    }

    void publish(String topic, byte[] payload, int qos) throws MqttException {
        client.publish(topic, payload, qos, false);
    }

    Received next() throws InterruptedException {
        Received r = inbox.poll(15, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("the peer received nothing within 15 s");
        }
        return r;
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
