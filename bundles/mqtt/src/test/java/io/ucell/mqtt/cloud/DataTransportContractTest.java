package io.ucell.mqtt.cloud;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.mqtt.MqttSim;
import io.ucell.mqtt.Peer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.data.DataTransportToken;
import org.eclipse.kura.data.transport.listener.DataTransportListener;
import org.junit.jupiter.api.Test;

/**
 * Drives {@link ModuleDataTransport} the way Kura's DataService does: registers as its listener, connects,
 * publishes and records each token after publish() returned, expects every confirmation to name a recorded
 * token, and only once the module reported the publish done (the peer has the message by then).
 */
class DataTransportContractTest {

    /** What Kura's DataService keeps: the in-flight tokens and the events it was told. */
    static final class DataServiceDouble implements DataTransportListener {
        final Set<DataTransportToken> inFlight = ConcurrentHashMap.newKeySet();
        final BlockingQueue<DataTransportToken> confirmed = new LinkedBlockingQueue<>();
        final List<DataTransportToken> unknownConfirmations = new ArrayList<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();
        final BlockingQueue<String[]> arrived = new LinkedBlockingQueue<>();

        @Override
        public void onConnectionEstablished(boolean newSession) {
            events.add("established " + newSession);
        }

        @Override
        public void onDisconnecting() {
            events.add("disconnecting");
        }

        @Override
        public void onDisconnected() {
            events.add("disconnected");
        }

        @Override
        public void onConfigurationUpdating(boolean wasConnected) {
        }

        @Override
        public void onConfigurationUpdated(boolean wasConnected) {
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            events.add("lost");
        }

        @Override
        public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained) {
            arrived.add(new String[] {topic, new String(payload, StandardCharsets.ISO_8859_1), Integer.toString(qos)});
        }

        @Override
        public void onMessageConfirmed(DataTransportToken token) {
            synchronized (this) {
                if (!inFlight.remove(token)) {
                    unknownConfirmations.add(token);
                    return;
                }
            }
            confirmed.add(token);
        }

        /** As the DataService does: publish, then record the token. */
        synchronized DataTransportToken publish(ModuleDataTransport t, String topic, String payload, int qos) throws Exception {
            DataTransportToken token = t.publish(topic, payload.getBytes(StandardCharsets.ISO_8859_1), qos, false);
            if (token != null) {
                inFlight.add(token);
            }
            return token;
        }
    }

    @Test
    void kuraDataServiceContract() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            ModuleDataTransport transport = new ModuleDataTransport(sim.mqtt, "acme");
            DataServiceDouble ds = new DataServiceDouble();
            transport.addDataTransportListener(ds);
            try {
                assertEquals("acme", transport.getAccountName());
                assertEquals("tcp://127.0.0.1:" + broker.port, transport.getBrokerUrl());
                assertThrows(KuraNotConnectedException.class, () -> ds.publish(transport, "a/b", "x", 1));

                transport.connect();
                assertTrue(transport.isConnected());
                assertEquals("established true", ds.events.poll(5, TimeUnit.SECONDS));
                assertEquals(sim.module.config().imei(), transport.getClientId());

                // QoS 1: a token each, confirmed after the broker acknowledged; the peer has the message by then
                peer.subscribe("acme/data/#");
                List<DataTransportToken> tokens = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    DataTransportToken t = ds.publish(transport, "acme/data/" + i, "m" + i, 1);
                    assertNotNull(t, "QoS 1 gets a token");
                    tokens.add(t);
                }
                assertEquals(5, Set.copyOf(tokens).size(), "distinct tokens");
                for (int i = 0; i < 5; i++) {
                    DataTransportToken c = ds.confirmed.poll(10, TimeUnit.SECONDS);
                    assertEquals(tokens.get(i), c, "confirmed in order");
                }
                for (int i = 0; i < 5; i++) {
                    assertEquals("m" + i, new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
                    assertEquals("acme/data/" + i, peer.topics.poll());
                }
                assertTrue(ds.unknownConfirmations.isEmpty(), "every confirmation named a recorded token");
                // QoS 0: no token (as Kura's own transport), still delivered
                assertNull(ds.publish(transport, "acme/data/q0", "zero", 0));
                assertEquals("zero", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));

                // subscriptions and arriving messages
                transport.subscribe("acme/cmd/#", 1);
                peer.publish("acme/cmd/led", "on".getBytes(StandardCharsets.US_ASCII), 1, false);
                String[] m = ds.arrived.poll(10, TimeUnit.SECONDS);
                assertNotNull(m);
                assertEquals("acme/cmd/led", m[0]);
                assertEquals("on", m[1]);

                // a publish the module could not do is never confirmed: the network goes while it waits in the module
                sim.module.setResponseDelay(Duration.ofMillis(400));
                DataTransportToken lostOne = ds.publish(transport, "acme/data/lost", "never", 1);
                sim.module.loseRegistration();
                assertEquals("lost", ds.events.poll(10, TimeUnit.SECONDS));
                assertNull(ds.confirmed.poll(1500, TimeUnit.MILLISECONDS), "not confirmed");
                assertTrue(ds.inFlight.contains(lostOne), "still in flight for the DataService to republish");
                assertThrows(KuraNotConnectedException.class, () -> ds.publish(transport, "acme/data/x", "x", 1));
                sim.module.setResponseDelay(Duration.ZERO);

                // the module's client reconnects by itself and says so: a new session
                sim.module.regainRegistration();
                assertEquals("established true", ds.events.poll(30, TimeUnit.SECONDS));
                // the DataService republishes its in-flight message on the new session; now it is confirmed
                DataTransportToken again = ds.publish(transport, "acme/data/lost", "never", 1);
                assertEquals(again, ds.confirmed.poll(10, TimeUnit.SECONDS));
                assertEquals("never", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));

                transport.disconnect(1000);
                assertEquals("disconnecting", ds.events.poll(5, TimeUnit.SECONDS));
                assertEquals("disconnected", ds.events.poll(5, TimeUnit.SECONDS));
                await().atMost(Duration.ofSeconds(5)).until(() -> !transport.isConnected());
            } finally {
                transport.deactivate();
            }
        }
    }

    @Test
    void allByteValuesThroughTheTransport() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            ModuleDataTransport transport = new ModuleDataTransport(sim.mqtt, "acme");
            DataServiceDouble ds = new DataServiceDouble();
            transport.addDataTransportListener(ds);
            try {
                transport.connect();
                peer.subscribe("bin");
                byte[] all = new byte[256];
                for (int i = 0; i < 256; i++) {
                    all[i] = (byte) i;
                }
                DataTransportToken t = transport.publish("bin", all, 1, false);
                synchronized (ds) {
                    ds.inFlight.add(t);
                }
                assertArrayEquals(all, peer.next().getPayload());
                assertEquals(t, ds.confirmed.poll(10, TimeUnit.SECONDS));
            } finally {
                transport.deactivate();
            }
        }
    }
}
