package io.ucell.mqtt.cloud;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.mqtt.MqttSim;
import io.ucell.mqtt.Peer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.message.KuraPayload;
import org.junit.jupiter.api.Test;

/**
 * The cloud stack without Kura's DataService (the standalone runtime): endpoint straight on the module's
 * transport, a publisher and a subscriber with Kura's topic variables, against Moquette and a Paho peer.
 */
class CloudEndpointTest {

    static CloudPublisherConfig publisher(String topic, int qos) {
        return new CloudPublisherConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CloudPublisherConfig.class;
            }

            @Override
            public String CloudEndpoint_target() {
                return "";
            }

            @Override
            public String topic() {
                return topic;
            }

            @Override
            public int qos() {
                return qos;
            }

            @Override
            public boolean retain() {
                return false;
            }

            @Override
            public int priority() {
                return 4;
            }
        };
    }

    static CloudSubscriberConfig subscriber(String filter, int qos) {
        return new CloudSubscriberConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CloudSubscriberConfig.class;
            }

            @Override
            public String CloudEndpoint_target() {
                return "";
            }

            @Override
            public String topic_filter() {
                return filter;
            }

            @Override
            public int qos() {
                return qos;
            }
        };
    }

    @Test
    void publishAndSubscribeWithTopicVariablesWithoutADataService() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            ModuleDataTransport transport = new ModuleDataTransport(sim.mqtt, "acme");
            ModuleCloudEndpoint endpoint = new ModuleCloudEndpoint(transport, null, true);
            try {
                String imei = sim.module.config().imei();
                ModuleCloudSubscriber sub = new ModuleCloudSubscriber(endpoint, subscriber("#account-name/#client-id/control/#", 1));
                BlockingQueue<KuraMessage> in = new LinkedBlockingQueue<>();
                sub.registerCloudSubscriberListener(in::add);
                // the endpoint connects by itself where no DataService does
                Awaitility.await().atMost(Duration.ofSeconds(20)).until(endpoint::isConnected);
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sim.mqtt.subscriptions().contains("acme/" + imei + "/control/#"));

                ModuleCloudPublisher pub = new ModuleCloudPublisher(endpoint, publisher("#account-name/#client-id/data", 1));
                BlockingQueue<String> confirmed = new LinkedBlockingQueue<>();
                pub.registerCloudDeliveryListener(confirmed::add);
                peer.subscribe("acme/+/data");
                KuraPayload p = new KuraPayload();
                p.setBody("{\"rssi\":-71}".getBytes(StandardCharsets.US_ASCII));
                String id = pub.publish(new KuraMessage(p));
                assertNotNull(id, "QoS 1: a message id to confirm");
                assertEquals("{\"rssi\":-71}", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
                assertEquals("acme/" + imei + "/data", peer.topics.poll());
                assertEquals(id, confirmed.poll(10, TimeUnit.SECONDS));

                byte[] all = new byte[256];
                for (int i = 0; i < 256; i++) {
                    all[i] = (byte) i;
                }
                peer.publish("acme/" + imei + "/control/firmware", all, 1, false);
                KuraMessage m = in.poll(10, TimeUnit.SECONDS);
                assertNotNull(m);
                assertEquals("acme/" + imei + "/control/firmware", m.getProperties().get("topic"));
                assertArrayEquals(all, m.getPayload().getBody());

                // a message without a topic is refused with a reason
                assertThrows(KuraException.class, () -> endpoint.publish(new KuraMessage(new KuraPayload())));
                assertEquals("none (straight on the module's client)", endpoint.getInfo().get("Store-and-forward"));
            } finally {
                endpoint.deactivate();
                transport.deactivate();
            }
        }
    }

    @Test
    void throughKurasDataService() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            ModuleDataTransport transport = new ModuleDataTransport(sim.mqtt, "acme");
            ForwardingDataService dataService = new ForwardingDataService(transport);
            // with a DataService the endpoint leaves connecting to it
            ModuleCloudEndpoint endpoint = new ModuleCloudEndpoint(transport, dataService, true);
            try {
                String imei = sim.module.config().imei();
                ModuleCloudSubscriber sub = new ModuleCloudSubscriber(endpoint, subscriber("#account-name/#client-id/in", 1));
                BlockingQueue<KuraMessage> in = new LinkedBlockingQueue<>();
                sub.registerCloudSubscriberListener(in::add);
                assertEquals(false, endpoint.isConnected());
                endpoint.connect();
                Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> sim.mqtt.subscriptions().contains("acme/" + imei + "/in"));

                ModuleCloudPublisher pub = new ModuleCloudPublisher(endpoint, publisher("#account-name/#client-id/out", 1));
                BlockingQueue<String> confirmed = new LinkedBlockingQueue<>();
                pub.registerCloudDeliveryListener(confirmed::add);
                peer.subscribe("acme/" + imei + "/out");
                KuraPayload p = new KuraPayload();
                p.setBody(new byte[] {0, 1, 2, (byte) 0xFF});
                String id = pub.publish(new KuraMessage(p));
                assertEquals("1", id, "the DataService's message id");
                assertArrayEquals(new byte[] {0, 1, 2, (byte) 0xFF}, peer.next().getPayload());
                assertEquals("1", confirmed.poll(10, TimeUnit.SECONDS), "confirmed by the DataService's id");

                peer.publish("acme/" + imei + "/in", "cmd".getBytes(StandardCharsets.US_ASCII), 1, false);
                KuraMessage m = in.poll(10, TimeUnit.SECONDS);
                assertNotNull(m);
                assertEquals("cmd", new String(m.getPayload().getBody(), StandardCharsets.US_ASCII));
                assertEquals("Kura DataService", endpoint.getInfo().get("Store-and-forward"));
                endpoint.disconnect();
                Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !endpoint.isConnected());
            } finally {
                endpoint.deactivate();
                transport.deactivate();
            }
        }
    }

    @Test
    void topicVariables() {
        assertEquals("a/c1/x", TopicVariables.expand("#account-name/#client-id/x", "a", "c1"));
        assertEquals("plain/topic", TopicVariables.expand("plain/topic", null, null));
        assertThrows(IllegalStateException.class, () -> TopicVariables.expand("#client-id/x", "a", null));
        assertThrows(IllegalStateException.class, () -> TopicVariables.expand("#account-name/x", "a/b", "c"));
    }
}
