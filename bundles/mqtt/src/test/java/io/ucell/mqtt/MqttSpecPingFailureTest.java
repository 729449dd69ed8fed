package io.ucell.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 6.6: "+UUMQTTC: 8,0" says the broker did not answer a ping, and nothing more is promised (no +UUMQTTC: 0 after
 * it). The client takes the session as lost and reconnects, its subscriptions with it.
 */
class MqttSpecPingFailureTest {

    @Test
    void aPingFailureAloneEndsTheSessionAndTheClientReconnects() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            BlockingQueue<String> events = new LinkedBlockingQueue<>();
            sim.mqtt.addConnectionListener(new MqttConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                    events.add(reconnect ? "reconnected" : "connected");
                }

                @Override
                public void connectionLost(String reason) {
                    events.add("lost: " + reason);
                }
            });
            sim.mqtt.connect();
            assertEquals("connected", events.poll(5, TimeUnit.SECONDS));
            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            sim.mqtt.subscribe("commands/#", 1, in::add);

            sim.module.emitUrc("+UUMQTTC: 8,0");
            String lost = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(lost);
            assertTrue(lost.contains("+UUMQTTC: 8,0"), lost);
            assertEquals("reconnected", events.poll(30, TimeUnit.SECONDS));
            assertTrue(sim.mqtt.isConnected());
            peer.publish("commands/reboot", "now".getBytes(StandardCharsets.US_ASCII), 1, false);
            MqttMessage m = in.poll(15, TimeUnit.SECONDS);
            assertNotNull(m, "subscription restored");
            assertEquals("now", new String(m.payload(), StandardCharsets.US_ASCII));
        }
    }
}
