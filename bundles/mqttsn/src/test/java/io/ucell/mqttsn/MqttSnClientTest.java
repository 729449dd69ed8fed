package io.ucell.mqttsn;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MQTT-SN client against the simulated module, whose gateway talks to Moquette on loopback, with an independent
 * Paho client on the broker's other side: section 7's register, publish, subscribe, short and predefined topics, read,
 * will and errors.
 */
class MqttSnClientTest {
    private TestBroker broker;
    private Peer peer;

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start();
        peer = new Peer(broker, "peer");
    }

    @AfterEach
    void stop() throws Exception {
        peer.close();
        broker.close();
    }

    private MqttSnSettings gateway() {
        return MqttSnSettings.gateway("127.0.0.1", broker.port).withResponseTimeout(Duration.ofSeconds(20));
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static MqttSnMessage next(BlockingQueue<MqttSnMessage> q) throws InterruptedException {
        MqttSnMessage m = q.poll(15, TimeUnit.SECONDS);
        if (m == null) {
            throw new AssertionError("the module delivered nothing within 15 s");
        }
        return m;
    }

    @Test
    void registerAndPublishToANormalTopic() throws Exception {
        peer.subscribe("kitchen/temperature");
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            sim.client.connect();
            assertTrue(sim.client.isConnected());
            int id = sim.client.register("kitchen/temperature"); // 7.6
            assertTrue(id > 0);
            sim.client.publish(MqttSnTopic.id(id), "25 degrees Celsius".getBytes(StandardCharsets.US_ASCII),
                    MqttSnQos.AT_LEAST_ONCE, false);
            Peer.Received r = peer.next();
            assertEquals("kitchen/temperature", r.topic());
            assertEquals("25 degrees Celsius", new String(r.payload(), StandardCharsets.US_ASCII));
            assertEquals(1, r.qos());
            // by name: registered once, then published by id
            sim.client.publish(MqttSnTopic.name("kitchen/temperature"), "26", MqttSnQos.EXACTLY_ONCE);
            assertEquals("26", new String(peer.next().payload(), StandardCharsets.US_ASCII));
            assertEquals(id, sim.client.register("kitchen/temperature"), "the gateway keeps the id of a registered name");
            sim.client.disconnect();
            assertFalse(sim.client.isConnected());
        }
    }

    @Test
    void subscribeToANormalTopicReceivesThePeersMessagesAndItsOwn() throws Exception {
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.connect();
            MqttSnSubscription s = sim.client.subscribe(MqttSnTopic.name("room/temperature"), MqttSnQos.AT_LEAST_ONCE, got::add);
            assertTrue(s.topicId() > 0, "7.3: the gateway gives the topic an id");
            assertEquals(MqttSnQos.AT_LEAST_ONCE, s.grantedQos());
            peer.publish("room/temperature", "20 degrees Celsius".getBytes(StandardCharsets.US_ASCII), 1);
            MqttSnMessage m = next(got);
            assertEquals(MqttSnTopic.id(s.topicId()), m.topic());
            assertEquals("room/temperature", m.topicName());
            assertEquals("20 degrees Celsius", m.text());
            assertEquals(MqttSnQos.AT_LEAST_ONCE, m.qos());
            // 7.4: publishing to the subscribed topic id comes back to the module
            sim.client.publish(MqttSnTopic.id(s.topicId()), "21 degrees Celsius", MqttSnQos.AT_MOST_ONCE);
            assertEquals("21 degrees Celsius", next(got).text());
            // 7.5: unsubscribed, nothing more arrives
            sim.client.unsubscribe(MqttSnTopic.name("room/temperature"));
            peer.publish("room/temperature", "gone".getBytes(StandardCharsets.US_ASCII), 1);
            assertNull(got.poll(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void shortTopicsBothWays() throws Exception {
        peer.subscribe("ab");
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.connect();
            MqttSnSubscription s = sim.client.subscribe(MqttSnTopic.shortName("aa"), MqttSnQos.AT_MOST_ONCE, got::add);
            assertEquals(MqttSnQos.AT_MOST_ONCE, s.grantedQos(), "7.7: granted QoS 0");
            peer.publish("aa", "test".getBytes(StandardCharsets.US_ASCII), 0);
            MqttSnMessage m = next(got);
            assertEquals(MqttSnTopic.shortName("aa"), m.topic());
            assertEquals("aa", m.topicName());
            assertEquals("test", m.text());
            // 7.7: the module publishes to its own short topic and reads it back
            sim.client.publish(MqttSnTopic.shortName("aa"), "te st", MqttSnQos.AT_LEAST_ONCE);
            assertEquals("te st", next(got).text());
            sim.client.publish(MqttSnTopic.shortName("ab"), "to the peer", MqttSnQos.AT_LEAST_ONCE);
            Peer.Received r = peer.next();
            assertEquals("ab", r.topic());
            assertEquals("to the peer", new String(r.payload(), StandardCharsets.US_ASCII));
            sim.client.unsubscribe(MqttSnTopic.shortName("aa"));
            peer.publish("aa", "gone".getBytes(StandardCharsets.US_ASCII), 0);
            assertNull(got.poll(1, TimeUnit.SECONDS));
        }
    }

    @Test
    void predefinedTopicsBothWays() throws Exception {
        peer.subscribe(MqttSnSim.PREDEFINED_TOPIC);
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.connect();
            MqttSnTopic seven = MqttSnTopic.predefined(MqttSnSim.PREDEFINED_ID);
            MqttSnSubscription s = sim.client.subscribe(seven, MqttSnQos.AT_LEAST_ONCE, got::add);
            assertEquals(MqttSnQos.AT_LEAST_ONCE, s.grantedQos());
            peer.publish(MqttSnSim.PREDEFINED_TOPIC, "from the peer".getBytes(StandardCharsets.US_ASCII), 1);
            MqttSnMessage m = next(got);
            assertEquals(seven, m.topic());
            assertEquals("from the peer", m.text());
            got.clear();
            assertEquals("from the peer", new String(peer.next().payload(), StandardCharsets.US_ASCII), "the peer's echo");
            sim.client.unsubscribe(seven);
            sim.client.publish(seven, "from the module", MqttSnQos.EXACTLY_ONCE);
            Peer.Received r = peer.next();
            assertEquals(MqttSnSim.PREDEFINED_TOPIC, r.topic());
            assertEquals("from the module", new String(r.payload(), StandardCharsets.US_ASCII));
            // an id the gateway does not know is refused, with the module's reason
            MqttSnException e = assertThrows(MqttSnException.class,
                    () -> sim.client.publish(MqttSnTopic.predefined(99), "x", MqttSnQos.AT_MOST_ONCE));
            assertEquals(14, e.errorClass());
            assertTrue(e.errorCode() > 0);
        }
    }

    @Test
    void everyByteValueBothWaysThroughHex() throws Exception {
        peer.subscribe("bytes/up");
        byte[] all = allBytes();
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.connect();
            sim.client.publish(MqttSnTopic.name("bytes/up"), all, MqttSnQos.AT_LEAST_ONCE, false);
            assertArrayEquals(all, peer.next().payload());
            sim.client.subscribe(MqttSnTopic.name("bytes/down"), MqttSnQos.AT_LEAST_ONCE, got::add);
            peer.publish("bytes/down", all, 1);
            assertArrayEquals(all, next(got).payload(), "the read's counted payload carries CR, LF, quotes and NUL");
            // reversed, through a short topic as well
            byte[] reversed = new byte[256];
            for (int i = 0; i < 256; i++) {
                reversed[i] = all[255 - i];
            }
            sim.client.subscribe(MqttSnTopic.shortName("zz"), MqttSnQos.AT_MOST_ONCE, got::add);
            peer.publish("zz", reversed, 0);
            assertArrayEquals(reversed, next(got).payload());
        }
    }

    @Test
    void wildcardSubscriptionsDeliverEveryMatchingTopic() throws Exception {
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R42_01B, gateway())) {
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            BlockingQueue<MqttSnMessage> all = new LinkedBlockingQueue<>();
            sim.client.addMessageListener(all::add);
            sim.client.connect();
            MqttSnSubscription s = sim.client.subscribe(MqttSnTopic.name("sensors/#"), MqttSnQos.AT_LEAST_ONCE, got::add);
            assertEquals(0, s.topicId(), "a filter with wildcards has no topic id");
            peer.publish("sensors/a/temp", "1".getBytes(StandardCharsets.US_ASCII), 1);
            peer.publish("sensors/b", "2".getBytes(StandardCharsets.US_ASCII), 1);
            assertEquals("1", next(got).text());
            assertEquals("2", next(got).text());
            assertEquals("1", next(all).text());
            assertEquals("2", next(all).text());
        }
    }

    @Test
    void qosMinusOnePublishesWithoutASession() throws Exception {
        peer.subscribe("ab");
        peer.subscribe(MqttSnSim.PREDEFINED_TOPIC);
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            // the profile is written by a connect; then the session ends and QoS -1 still goes out
            sim.client.connect();
            sim.client.disconnect();
            sim.client.publish(MqttSnTopic.shortName("ab"), "no session", MqttSnQos.MINUS_ONE);
            assertEquals("no session", new String(peer.next().payload(), StandardCharsets.US_ASCII));
            sim.client.publish(MqttSnTopic.predefined(MqttSnSim.PREDEFINED_ID), "predefined", MqttSnQos.MINUS_ONE);
            assertEquals("predefined", new String(peer.next().payload(), StandardCharsets.US_ASCII));
            assertThrows(IllegalArgumentException.class,
                    () -> sim.client.publish(MqttSnTopic.id(1), "x", MqttSnQos.MINUS_ONE));
        }
    }

    @Test
    void theWillReachesTheOtherSideWhenTheModuleLosesItsNetwork() throws Exception {
        peer.subscribe("u-blox/publish");
        MqttSnSettings s = gateway().withWill(new MqttSnWill("u-blox/publish", "Unrequested disconnect.",
                MqttSnQos.AT_LEAST_ONCE, false));
        // 7.8 on a SARA-R5 01B: AT+UPSDA=0,4 simulates the network error
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_01B, s)) {
            BlockingQueue<Integer> lost = new LinkedBlockingQueue<>();
            sim.client.addConnectionListener(lost::add);
            sim.client.connect();
            assertNull(peer.inbox.poll(500, TimeUnit.MILLISECONDS), "no will while the session is up");
            sim.modem.execute(io.ucell.at.AtCommand.raw("AT+UPSDA=0,4"));
            Peer.Received r = peer.next();
            assertEquals("u-blox/publish", r.topic());
            assertEquals("Unrequested disconnect.", new String(r.payload(), StandardCharsets.US_ASCII));
            assertEquals(101, lost.poll(15, TimeUnit.SECONDS), "+UUMQTTSNC: 0,101: the network connection is lost");
            assertFalse(sim.client.isConnected());
        }
    }

    @Test
    void anUpdatedWillIsTheOneSent() throws Exception {
        peer.subscribe("will/#");
        MqttSnSettings s = gateway().withWill(new MqttSnWill("will/old", "old", MqttSnQos.AT_MOST_ONCE, false));
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, s)) {
            sim.client.connect();
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.subscribe(MqttSnTopic.name("mine"), MqttSnQos.AT_MOST_ONCE, got::add);
            sim.client.updateWill(new MqttSnWill("will/new", "new will", MqttSnQos.AT_LEAST_ONCE, false));
            // the subscription survives the update
            peer.publish("mine", "still here".getBytes(StandardCharsets.US_ASCII), 0);
            assertEquals("still here", next(got).text());
            assertNull(peer.inbox.poll(300, TimeUnit.MILLISECONDS), "updating sends no will");
            // SARA-R5 02B: the default context going down is the network loss
            sim.modem.execute(io.ucell.at.AtCommand.raw("AT+CGACT=0,1"));
            Peer.Received r = peer.next();
            assertEquals("will/new", r.topic());
            assertEquals("new will", new String(r.payload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aSessionLeftInTheModuleByAnEarlierClientIsTakenOver() throws Exception {
        peer.subscribe("again");
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            sim.client.connect();
            // a new client (the component restarted): the module still has the session
            try (io.ucell.mqttsn.client.MqttSnClient second = new io.ucell.mqttsn.client.MqttSnClient(sim.modem, gateway())) {
                assertFalse(second.isConnected());
                second.connect();
                second.publish(MqttSnTopic.name("again"), "taken over", MqttSnQos.AT_LEAST_ONCE);
                assertEquals("taken over", new String(peer.next().payload(), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void anUnreachableGatewayIsDecodedFromUmqttsner() throws Exception {
        int closed = TestBroker.freePort();
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, MqttSnSettings.gateway("127.0.0.1", closed))) {
            MqttSnException e = assertThrows(MqttSnException.class, sim.client::connect);
            assertEquals(14, e.errorClass());
            assertTrue(e.getMessage().contains("+UMQTTSNER 14," + e.errorCode()), e.getMessage());
            assertFalse(sim.client.isConnected());
            // not connected: the module refuses and says why
            MqttSnException notConnected = assertThrows(MqttSnException.class, () -> sim.client.register("a/b"));
            assertEquals(14, notConnected.errorClass());
        }
    }

    @Test
    void aGatewayThatNeverAnswersIsATimeout() throws Exception {
        // 7.9: "Error code 21 is Timeout error": a TCP listener that never speaks MQTT
        try (ServerSocket silent = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress());
                MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B,
                        MqttSnSettings.gateway("127.0.0.1", silent.getLocalPort()).withResponseTimeout(Duration.ofSeconds(30)))) {
            MqttSnTimeoutException e = assertThrows(MqttSnTimeoutException.class, sim.client::connect);
            assertEquals(21, e.errorCode());
            assertEquals(14, e.errorClass());
            assertTrue(e.getMessage().contains("timeout"), e.getMessage());
        }
    }

    @Test
    void aGatewayByNameResolvedByTheModule() throws Exception {
        peer.subscribe("named");
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.LEXI_R520, MqttSnSettings.gateway("mqttsn.example.test", broker.port))) {
            sim.module.setDnsOverride("mqttsn.example.test", "127.0.0.1");
            sim.client.connect();
            sim.client.publish(MqttSnTopic.name("named"), "by name", MqttSnQos.AT_LEAST_ONCE);
            assertEquals("by name", new String(peer.next().payload(), StandardCharsets.US_ASCII));
            assertTrue(sim.client.currentProfile().contains("1,\"mqttsn.example.test\"," + broker.port));
        }
    }

    @Test
    void theProfileIsStoredAndRestored() throws Exception {
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway().withClientId("ucell-test").withDuration(60))) {
            sim.client.connect();
            sim.client.disconnect();
            sim.client.storeProfile();
            sim.modem.execute(io.ucell.at.AtCommand.raw("AT+UMQTTSNNV=0"));
            assertTrue(sim.client.currentProfile().contains("2,\"\",1883"), "factory values");
            sim.client.restoreProfile();
            var p = sim.client.currentProfile();
            assertTrue(p.contains("0,\"ucell-test\""), p.toString());
            assertTrue(p.contains("2,\"127.0.0.1\"," + broker.port), p.toString());
            assertTrue(p.contains("8,60"), p.toString());
        }
    }

    @Test
    void mqttFlexWritesTheDtlsProfileAndTheDeviceClientId() throws Exception {
        MqttSnSettings flex = MqttSnSettings.mqttFlex("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", 0)
                .withGateway("127.0.0.1", broker.port);
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, flex)) {
            sim.client.connect(); // the simulated gateway accepts the DTLS setting and runs the session in clear
            var p = sim.client.currentProfile();
            assertTrue(p.contains("0,\"device:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\""), p.toString());
            assertTrue(p.contains("9,1,0"), p.toString());
            var cert = sim.modem.execute(io.ucell.at.AtCommand.raw("AT+USECPRF=0,5"));
            assertTrue(cert.firstText().contains("MQTTFlex_cert"), cert.toString());
        }
    }

    @Test
    void mqttAnywhereNeedsItsApn() throws Exception {
        MqttSnSettings anywhere = MqttSnSettings.mqttAnywhere("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "127.0.0.1",
                broker.port);
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, "apn_name", anywhere)) {
            MqttSnException e = assertThrows(MqttSnException.class, sim.client::connect);
            assertTrue(e.getMessage().contains("tsudp"), e.getMessage());
        }
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, MqttSnSettings.ANYWHERE_APN, anywhere)) {
            sim.client.connect();
            var p = sim.client.currentProfile();
            assertTrue(p.contains("0,\"identity:0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\""), p.toString());
            assertTrue(p.contains("8,600"), p.toString());
            assertEquals("10,1", sim.modem.execute(io.ucell.at.AtCommand.raw("AT+UMQTTSN=10")).firstText()
                    .replace("+UMQTTSN:", "").trim());
        }
    }

    @Test
    void modelsWithoutMqttSnOrThePresetsAreRefused() throws Exception {
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R422, gateway())) {
            MqttSnException e = assertThrows(MqttSnException.class, sim.client::connect);
            assertTrue(e.getMessage().contains("SARA-R422"), e.getMessage());
            assertFalse(sim.modem.execute(io.ucell.at.AtCommand.raw("AT+UMQTTSN?")).isOk());
        }
        MqttSnSettings flex = MqttSnSettings.mqttFlex("device:x", 0).withGateway("127.0.0.1", broker.port);
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_00B, flex)) {
            MqttSnException e = assertThrows(MqttSnException.class, sim.client::connect);
            assertTrue(e.getMessage().contains("MQTT Flex is not supported"), e.getMessage());
        }
    }

    @Test
    void invalidSettingsAreRefusedAndThePreviousOnesStay() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> new MqttSnWill("a/+", "x", MqttSnQos.AT_MOST_ONCE, false));
        assertThrows(IllegalArgumentException.class, () -> new MqttSnWill("a", "say \"hi\"", MqttSnQos.AT_MOST_ONCE, false));
        assertThrows(IllegalArgumentException.class, () -> MqttSnTopic.shortName("abc"));
        assertThrows(IllegalArgumentException.class, () -> MqttSnTopic.id(0));
        assertThrows(IllegalArgumentException.class, () -> MqttSnTopic.predefined(65536));
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            MqttSnSettings before = sim.client.settings();
            for (MqttSnSettings bad : new MqttSnSettings[] {gateway().withGateway("127.0.0.1", 0),
                    gateway().withGateway("bad host\"", 1883), gateway().withClientId("quote\"d"),
                    gateway().withDuration(-1), gateway().withSecurityProfile(5), gateway().withPdpMapping(12, 0),
                    gateway().withResponseTimeout(Duration.ZERO), MqttSnSettings.mqttAnywhere("", "127.0.0.1", 1)}) {
                assertThrows(IllegalArgumentException.class, () -> sim.client.update(bad), bad.toString());
                assertEquals(before, sim.client.settings());
            }
            // the mapping needs a module that has it (7.1.4): refused before anything reaches the module
            MqttSnSettings mapped = gateway().withPdpMapping(2, 1);
            try (MqttSnSim r501 = new MqttSnSim(ModuleModel.SARA_R5_01B, mapped)) {
                MqttSnException e = assertThrows(MqttSnException.class, r501.client::connect);
                assertTrue(e.getMessage().contains("7.1.4"), e.getMessage());
            }
            assertThrows(IllegalArgumentException.class, () -> sim.client.publish(MqttSnTopic.name("a"),
                    new byte[513], MqttSnQos.AT_MOST_ONCE, false));
            assertThrows(IllegalArgumentException.class, () -> sim.client.publish(MqttSnTopic.name("a/#"),
                    new byte[1], MqttSnQos.AT_MOST_ONCE, false));
            assertThrows(IllegalArgumentException.class, () -> sim.client.subscribe(MqttSnTopic.id(1),
                    MqttSnQos.AT_MOST_ONCE, m -> { }));
            assertThrows(IllegalArgumentException.class, () -> sim.client.subscribe(MqttSnTopic.shortName("ab"),
                    MqttSnQos.MINUS_ONE, m -> { }));
        }
    }

    @Test
    void aRebootEndsTheSessionAndTheListenersHearIt() throws Exception {
        try (MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B, gateway())) {
            BlockingQueue<Integer> lost = new LinkedBlockingQueue<>();
            sim.client.addConnectionListener(lost::add);
            BlockingQueue<MqttSnMessage> got = new LinkedBlockingQueue<>();
            sim.client.connect();
            sim.client.subscribe(MqttSnTopic.name("kept/topic"), MqttSnQos.AT_LEAST_ONCE, got::add);
            sim.client.subscribe(MqttSnTopic.shortName("kt"), MqttSnQos.AT_LEAST_ONCE, got::add);
            sim.module.reboot();
            assertEquals(-1, lost.poll(20, TimeUnit.SECONDS));
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.modem.status().state() == io.ucell.modem.ModemState.DATA_ACTIVE);
            sim.client.connect();
            assertTrue(sim.client.isConnected());
            // the subscriptions came back with the new session
            peer.publish("kept/topic", "after the reboot".getBytes(StandardCharsets.US_ASCII), 1);
            MqttSnMessage m = next(got);
            assertEquals("after the reboot", m.text());
            assertEquals("kept/topic", m.topicName());
            peer.publish("kt", "short too".getBytes(StandardCharsets.US_ASCII), 1);
            assertEquals("short too", next(got).text());
            // an explicit disconnect forgets them
            sim.client.disconnect();
            sim.client.connect();
            peer.publish("kept/topic", "not any more".getBytes(StandardCharsets.US_ASCII), 1);
            assertNull(got.poll(1, TimeUnit.SECONDS));
        }
    }
}
