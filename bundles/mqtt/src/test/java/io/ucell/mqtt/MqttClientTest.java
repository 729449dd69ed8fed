package io.ucell.mqtt;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.mqtt.client.MqttSettings;
import io.ucell.security.CredentialType;
import io.ucell.security.credentials.CredentialManager;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import io.ucell.testsupport.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The MQTT client against the simulated module and a Moquette broker, with an independent Paho peer. */
class MqttClientTest {

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static MqttMessage next(BlockingQueue<MqttMessage> q) throws InterruptedException {
        MqttMessage m = q.poll(15, TimeUnit.SECONDS);
        assertNotNull(m, "the module received nothing");
        return m;
    }

    @Test
    void publishAndSubscribeBothWaysAsTextHexAndBinary() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            sim.mqtt.connect();
            assertTrue(sim.mqtt.isConnected());
            assertEquals(sim.module.config().imei(), sim.mqtt.clientId(), "the client id defaults to the IMEI");
            peer.subscribe("from/module/#");

            byte[] text = "temperature=21.5 {ok}".getBytes(StandardCharsets.US_ASCII);
            byte[] shortBinary = {0, '"', '\r', '\n', (byte) 0xFF, 0x1A, 0x1B};
            byte[] all = allBytes();
            assertEquals(PublishMode.TEXT, PublishMode.choose(text));
            assertEquals(PublishMode.HEX, PublishMode.choose(shortBinary));
            assertEquals(PublishMode.BINARY, PublishMode.choose(all));
            sim.mqtt.publish("from/module/text", text, 0, false);
            assertArrayEquals(text, peer.next().getPayload());
            sim.mqtt.publish("from/module/hex", shortBinary, 1, false);
            assertArrayEquals(shortBinary, peer.next().getPayload());
            sim.mqtt.publish("from/module/binary", all, 1, false);
            org.eclipse.paho.client.mqttv3.MqttMessage got = peer.next();
            assertArrayEquals(all, got.getPayload());
            assertEquals(1, got.getQos());

            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            assertEquals(1, sim.mqtt.subscribe("to/module/+", 1, in::add));
            peer.publish("to/module/a", text, 0, false);
            peer.publish("to/module/b", all, 1, false);
            peer.publish("to/module/c", shortBinary, 1, false);
            MqttMessage a = next(in);
            assertEquals("to/module/a", a.topic());
            assertArrayEquals(text, a.payload());
            MqttMessage b = next(in);
            assertEquals("to/module/b", b.topic());
            assertArrayEquals(all, b.payload());
            assertEquals(1, b.qos());
            assertArrayEquals(shortBinary, next(in).payload());

            sim.mqtt.unsubscribe("to/module/+");
            peer.publish("to/module/a", text, 1, false);
            assertEquals(null, in.poll(700, TimeUnit.MILLISECONDS), "unsubscribed");
            sim.mqtt.disconnect();
            assertFalse(sim.mqtt.isConnected());
        }
    }

    @Test
    void retainedMessagesBothWays() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            sim.mqtt.connect();
            sim.mqtt.publish("state/module", "online".getBytes(StandardCharsets.US_ASCII), 1, true);
            peer.subscribe("state/module");
            assertEquals("online", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));

            peer.publish("config/module", allBytes(), 1, true);
            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            sim.mqtt.subscribe("config/module", 1, in::add);
            assertArrayEquals(allBytes(), next(in).payload());
        }
    }

    @Test
    void lostNetworkDeliversTheWillRefusesPublishesAndReconnectsWithTheSubscriptions() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker)
                        .withWill(new MqttWill("devices/gone", "Unrequested disconnect.", 1, false)))) {
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
            peer.subscribe("devices/gone");

            sim.module.loseRegistration();
            assertEquals("Unrequested disconnect.", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
            String lost = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(lost);
            assertTrue(lost.startsWith("lost: "), lost);
            // a QoS 1 publish while the network is down fails loudly, never silently
            MqttNotConnectedException e = assertThrows(MqttNotConnectedException.class,
                    () -> sim.mqtt.publish("telemetry", "t=1".getBytes(StandardCharsets.US_ASCII), 1, false));
            assertTrue(e.getMessage().contains("not connected"), e.getMessage());

            sim.module.regainRegistration();
            assertEquals("reconnected", events.poll(30, TimeUnit.SECONDS));
            assertTrue(sim.mqtt.isConnected());
            assertEquals(java.util.Set.of("commands/#"), sim.mqtt.subscriptions());
            peer.publish("commands/reboot", "now".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("now", new String(next(in).payload(), StandardCharsets.US_ASCII), "subscription restored");
            // the publish that failed is the caller's to repeat; now it goes through
            peer.subscribe("telemetry");
            sim.mqtt.publish("telemetry", "t=1".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("t=1", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void aModemRestartOrAModuleRebootIsRecoveredFrom() throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            sim.mqtt.connect();
            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            sim.mqtt.subscribe("cmd/#", 1, in::add);
            // the modem service starts over: the module may keep its MQTT session, the client reconnects anyway
            sim.modem.restart();
            sim.awaitDataActive();
            await().atMost(Duration.ofSeconds(30)).until(sim.mqtt::isConnected);
            peer.publish("cmd/a", "1".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("1", new String(next(in).payload(), StandardCharsets.US_ASCII));
            // the module reboots: its profile and session are gone; the client writes the profile again
            sim.module.reboot();
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> !sim.mqtt.isConnected() || sim.modem.status().state() != io.ucell.modem.ModemState.DATA_ACTIVE);
            sim.awaitDataActive();
            await().atMost(Duration.ofSeconds(30)).until(sim.mqtt::isConnected);
            peer.publish("cmd/b", "2".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("2", new String(next(in).payload(), StandardCharsets.US_ASCII));
            peer.subscribe("after/reboot");
            sim.mqtt.publish("after/reboot", "ok".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("ok", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void theBrokerGoesAwayAndComesBack() throws Exception {
        TestBroker broker = TestBroker.start();
        int port = broker.port;
        try (MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker))) {
            sim.mqtt.connect();
            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            sim.mqtt.subscribe("back/#", 1, in::add);
            broker.close(); // +UUMQTTC: 0,100
            await().atMost(Duration.ofSeconds(10)).until(() -> !sim.mqtt.isConnected());
            assertThrows(MqttNotConnectedException.class, () -> sim.mqtt.publish("x", new byte[] {1}, 1, false));
            Thread.sleep(1500); // a few refused reconnects (+UMQTTER 13,12) under the backoff
            broker = TestBroker.startOn(port);
            await().atMost(Duration.ofSeconds(30)).until(sim.mqtt::isConnected);
            try (Peer peer = new Peer(broker)) {
                peer.publish("back/again", "hi".getBytes(StandardCharsets.US_ASCII), 1, false);
                assertEquals("hi", new String(next(in).payload(), StandardCharsets.US_ASCII), "subscription restored");
            }
        } finally {
            broker.close();
        }
    }

    /** Each family reaches the network its own way (PSD profile, default context, +CGACT); the will holds a quote (hex). */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "SARA_R42_01B", "LEXI_R520"})
    void otherModelsRoundTripAndWill(ModuleModel model) throws Exception {
        try (TestBroker broker = TestBroker.start(); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(model, MqttSim.settings(broker)
                        .withWill(new MqttWill("gone/" + model, "bye \"now\"\r\n", 1, false)))) {
            sim.mqtt.connect();
            BlockingQueue<MqttMessage> in = new LinkedBlockingQueue<>();
            sim.mqtt.subscribe("loop/#", 1, in::add);
            sim.mqtt.publish("loop/x", allBytes(), 1, false);
            assertArrayEquals(allBytes(), next(in).payload());
            peer.subscribe("gone/#");
            sim.module.loseRegistration();
            assertEquals("bye \"now\"\r\n", new String(peer.next().getPayload(), StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> !sim.mqtt.isConnected());
            sim.module.regainRegistration();
            await().atMost(Duration.ofSeconds(40)).until(sim.mqtt::isConnected);
            sim.mqtt.publish("loop/y", "back".getBytes(StandardCharsets.US_ASCII), 1, false);
            assertEquals("back", new String(next(in).payload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void moduleErrorsBecomeExceptionsThatSayWhatHappened() throws Exception {
        try (MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSettings.defaults().withServer("127.0.0.1", 1))) {
            MqttException e = assertThrows(MqttException.class, sim.mqtt::connect);
            assertEquals(13, e.errorClass());
            assertEquals(12, e.errorCode());
            assertTrue(e.getMessage().contains("TCP connection to the broker failed (+UMQTTER 13,12)"), e.getMessage());
            sim.mqtt.disconnect();

            sim.mqtt.update(MqttSettings.defaults().withServer("no-such-broker.invalid", 1883));
            e = assertThrows(MqttException.class, sim.mqtt::connect);
            assertTrue(e.getMessage().contains("broker name not resolved (+UMQTTER 13,11)"), e.getMessage());
            sim.mqtt.disconnect();

            assertThrows(MqttNotConnectedException.class, () -> sim.mqtt.publish("a", new byte[1], 0, false));
            assertThrows(IllegalArgumentException.class, () -> sim.mqtt.publish("a/#", new byte[1], 0, false));
            assertThrows(IllegalArgumentException.class,
                    () -> sim.mqtt.update(MqttSettings.defaults().withClientId("evil\",\"x")));
        }
    }

    @Test
    void secureMqttTrustsTheBrokersCaImportedIntoTheModule(@TempDir Path dir) throws Exception {
        TestPki.Issued ca = TestPki.ca("ucell test broker CA");
        TestPki.Issued certificate = TestPki.leaf(ca, "localhost", TestPki.rsa(2048), List.of("localhost", "127.0.0.1"));
        try (TestBroker broker = TestBroker.startWithTls(dir, certificate, ca); Peer peer = new Peer(broker);
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B,
                        MqttSim.settings(broker).withServer("127.0.0.1", broker.tlsPort).withSecurity(true, 1))) {
            // the broker's CA and an unrelated one into the module's store (+USECMNG), checked first
            CredentialManager credentials = new CredentialManager(sim.modem);
            credentials.importCredential(CredentialType.CA_CERTIFICATE, "broker-ca",
                    ca.certPem().getBytes(StandardCharsets.US_ASCII), null);
            credentials.importCredential(CredentialType.CA_CERTIFICATE, "other-ca",
                    TestPki.ca("some other CA").certPem().getBytes(StandardCharsets.US_ASCII), null);
            // profile 1 validates the chain (level 1) against a CA that did not sign the broker's certificate
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(1).param(0).param(1).build());
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(1).param(3).param("other-ca").build());
            MqttException e = assertThrows(MqttException.class, sim.mqtt::connect);
            assertTrue(e.getMessage().contains("TLS handshake failed"), e.getMessage());
            sim.mqtt.disconnect();
            // against the broker's CA, with the host name checked too (level 2: the certificate names 127.0.0.1)
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(1).param(3).param("broker-ca").build());
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(1).param(0).param(2).build());
            sim.mqtt.connect();
            peer.subscribe("secure/#");
            sim.mqtt.publish("secure/data", allBytes(), 1, false);
            assertArrayEquals(allBytes(), peer.next().getPayload());
        }
    }

    @Test
    void sara422HasNoMqttClient() throws Exception {
        try (MqttSim sim = new MqttSim(ModuleModel.SARA_R422, MqttSettings.defaults())) {
            MqttException e = assertThrows(MqttException.class, sim.mqtt::connect);
            assertTrue(e.getMessage().contains("has no MQTT client"), e.getMessage());
        }
    }

    @Test
    void pdpMappingIsWrittenWhereSupported() throws Exception {
        try (TestBroker broker = TestBroker.start();
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_02B, MqttSim.settings(broker).withPdp(1, 0))) {
            sim.mqtt.connect();
            assertEquals("+UMQTT: 20,1,0", sim.modem.at().executeOk(io.ucell.at.AtCommand.set("+UMQTT").param(20).build())
                    .require("+UMQTT").text());
        }
        try (TestBroker broker = TestBroker.start();
                MqttSim sim = new MqttSim(ModuleModel.SARA_R5_01B, MqttSim.settings(broker).withPdp(1, 0))) {
            sim.mqtt.connect(); // no +UMQTT=20 on 01B (section 6.1.4): left out, the default context is used
            assertTrue(sim.mqtt.isConnected());
        }
        await().pollDelay(Duration.ZERO).until(() -> true);
    }
}
