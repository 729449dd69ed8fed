package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 6: the module's MQTT client against a Moquette broker, with an independent Paho client as the peer. */
class MqttTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(10);

    /** The other side: a plain Paho client that records what it receives. */
    static final class Peer implements AutoCloseable {
        final MqttClient client;
        final BlockingQueue<MqttMessage> received = new LinkedBlockingQueue<>();
        final BlockingQueue<String> topics = new LinkedBlockingQueue<>();

        Peer(TestBroker broker) throws Exception {
            client = new MqttClient(broker.uri(), "peer-" + System.nanoTime(), new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            client.connect(o);
        }

        void subscribe(String filter) throws Exception {
            client.subscribe(filter, 1, (topic, msg) -> {
                topics.add(topic);
                received.add(msg);
            });
        }

        MqttMessage next() throws InterruptedException {
            MqttMessage m = received.poll(10, TimeUnit.SECONDS);
            assertNotNull(m, "the peer received nothing");
            return m;
        }

        @Override
        public void close() throws Exception {
            client.disconnectForcibly(100, 100);
            client.close();
        }
    }

    static void connect(Sim s, TestBroker broker) throws Exception {
        s.ok("ATE0");
        s.ok("AT+CMEE=2");
        s.awaitRegistered();
        s.ok("AT+UMQTT=2,\"127.0.0.1\"," + broker.port);
        s.at.skipUrcs();
        s.ok("AT+UMQTTC=1");
        assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
    }

    /** Parses +UMQTTC: 6,qos,total,topicLength,"topic",length,"bytes" from a response (raw bytes kept). */
    record Read(int qos, String topic, byte[] payload) {
        static Read parse(String response) {
            int i = response.indexOf("+UMQTTC: 6,");
            assertTrue(i >= 0, "no +UMQTTC: 6 in " + AtClient.escape(response));
            String rest = response.substring(i + "+UMQTTC: 6,".length());
            String[] head = rest.split(",", 4);
            int qos = Integer.parseInt(head[0]);
            int total = Integer.parseInt(head[1]);
            int topicLength = Integer.parseInt(head[2]);
            String afterTopicQuote = head[3].substring(1);
            String topic = afterTopicQuote.substring(0, topicLength);
            String tail = afterTopicQuote.substring(topicLength + 2); // past '",'
            int comma = tail.indexOf(',');
            int length = Integer.parseInt(tail.substring(0, comma));
            assertEquals(total, topicLength + length, "total = topic length + message length");
            byte[] payload = tail.substring(comma + 2, comma + 2 + length).getBytes(StandardCharsets.ISO_8859_1);
            assertEquals('"', tail.charAt(comma + 2 + length));
            return new Read(qos, topic, payload);
        }
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void profileReadDefaultsSetAndNvm(@TempDir Path dir) throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B, dir.resolve("nvm"))) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            String imei = s.module.config().imei();
            List<String> lines = AtClient.lines(s.ok("AT+UMQTT?"));
            assertEquals(List.of("+UMQTT: 0,\"" + imei + "\"", "+UMQTT: 2,\"\",1883", "+UMQTT: 3,\"\",1883",
                    "+UMQTT: 4,\"\"", "+UMQTT: 6,0", "+UMQTT: 7,0", "+UMQTT: 8,\"\"", "+UMQTT: 9,0,\"\"",
                    "+UMQTT: 10,0", "+UMQTT: 11,0"), lines);
            s.ok("AT+UMQTT=2,\"185.215.193.15\",1883");
            s.ok("AT+UMQTT=4,\"user\",\"secret\"");
            s.ok("AT+UMQTT=6,1");
            s.ok("AT+UMQTT=8,\"u-blox/publish\"");
            s.ok("AT+UMQTT=9, \"Unrequested disconnect.\"");
            s.ok("AT+UMQTT=10,30,5");
            s.ok("AT+UMQTT=11,1,2");
            s.ok("AT+UMQTT=20,2,1");
            lines = AtClient.lines(s.ok("AT+UMQTT?"));
            assertTrue(lines.contains("+UMQTT: 2,\"185.215.193.15\",1883"), lines.toString());
            assertTrue(lines.contains("+UMQTT: 4,\"user\""), "the password is never shown");
            assertTrue(lines.contains("+UMQTT: 9,0,\"Unrequested disconnect.\""), lines.toString());
            assertTrue(lines.contains("+UMQTT: 11,1,2"), lines.toString());
            assertEquals("+UMQTT: 10,30,5", AtClient.lines(s.ok("AT+UMQTT=10")).get(0));
            assertEquals("+UMQTT: 20,2,1", AtClient.lines(s.ok("AT+UMQTT=20")).get(0));
            s.ok("AT+UMQTT=3,\"broker.example\",8883");
            assertTrue(AtClient.lines(s.ok("AT+UMQTT?")).contains("+UMQTT: 2,\"\",8883"), "one server: the name replaced the IP");

            s.ok("AT+UMQTTNV=2");
            s.ok("AT+UMQTTNV=0");
            assertEquals("+UMQTT: 3,\"\",1883", AtClient.lines(s.ok("AT+UMQTT=3")).get(0));
            s.ok("AT+UMQTTNV=1");
            assertEquals("+UMQTT: 3,\"broker.example\",8883", AtClient.lines(s.ok("AT+UMQTT=3")).get(0));

            // stored profiles survive a reboot; the current one does not
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            assertEquals("+UMQTT: 3,\"\",1883", AtClient.lines(s.ok("AT+UMQTT=3")).get(0));
            s.ok("AT+UMQTTNV=1");
            assertEquals("+UMQTT: 3,\"broker.example\",8883", AtClient.lines(s.ok("AT+UMQTT=3")).get(0));

            assertTrue(s.at.send("AT+UMQTT=2,\"not an ip\"").contains("+CME ERROR"));
            assertTrue(s.at.send("AT+UMQTT=6,3").contains("+CME ERROR"));
        }
    }

    @Test
    void pdpMappingOnlyWhereSupported() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            // section 6.1.4: not on SARA-R5 00B/01B and SARA-R42
            assertEquals("+CME ERROR: operation not supported", s.at.send("AT+UMQTT=20,2,1").trim());
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            s.ok("ATE0");
            s.error("AT+UMQTT?");
        }
    }

    @Test
    void subscribePublishAndReadTextHexAndBinary() throws Exception {
        try (TestBroker broker = TestBroker.start(); Sim s = Sim.start(ModuleModel.SARA_R5_02B); Peer peer = new Peer(broker)) {
            connect(s, broker);
            peer.subscribe("module/#");

            // section 6.3: subscribe, publish to the same topic, read it back
            s.ok("AT+UMQTTC=4,0,\"dev/lights\"");
            assertEquals("+UUMQTTC: 4,1,0,\"dev/lights\"", s.at.awaitUrc("+UUMQTTC: 4,", URC_WAIT));
            s.ok("AT+UMQTTC=2,0,0,0,\"dev/lights\",\"light_1 is red\"");
            assertEquals("+UUMQTTC: 2,1", s.at.awaitUrc("+UUMQTTC: 2,", URC_WAIT));
            assertEquals("+UUMQTTC: 6,1", s.at.awaitUrc("+UUMQTTC: 6,", URC_WAIT));
            String r = s.ok("AT+UMQTTC=6,1");
            assertTrue(r.contains("+UMQTTC: 6,0,24,10,\"dev/lights\",14,\"light_1 is red\""), AtClient.escape(r));
            assertTrue(s.at.send("AT+UMQTTC=6,1").contains("+CME ERROR"), "nothing left to read");
            assertEquals("+UMQTTER: 13,17", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            s.ok("AT+UMQTTC=5,\"dev/lights\"");
            assertEquals("+UUMQTTC: 5,1", s.at.awaitUrc("+UUMQTTC: 5,", URC_WAIT));

            // section 6.4: text and hex mode, seen by the peer
            s.ok("AT+UMQTTC=2,0,0,0,\"module/ascii\",\"ABCD3031\"");
            assertArrayEquals("ABCD3031".getBytes(StandardCharsets.US_ASCII), peer.next().getPayload());
            s.ok("AT+UMQTTC=2,1,0,1,\"module/hex\",\"ABCD3031\"");
            assertEquals("+UUMQTTC: 2,1", s.at.awaitUrc("+UUMQTTC: 2,", URC_WAIT));
            MqttMessage hex = peer.next();
            assertArrayEquals(new byte[] {(byte) 0xAB, (byte) 0xCD, 0x30, 0x31}, hex.getPayload());
            assertEquals(1, hex.getQos());

            // section 6.5: binary through '>' with every byte value
            byte[] all = allBytes();
            String b = s.at.sendWithTextPrompt("AT+UMQTTC=9,1,0,\"module/binary\",256", all);
            assertEquals("OK", AtClient.finalCode(b), AtClient.escape(b));
            assertEquals("+UUMQTTC: 2,1", s.at.awaitUrc("+UUMQTTC: 2,", URC_WAIT));
            assertArrayEquals(all, peer.next().getPayload());

            // the other way: the peer publishes every byte value, the module reads it exactly
            s.ok("AT+UMQTTC=4,1,\"to/module\"");
            assertEquals("+UUMQTTC: 4,1,1,\"to/module\"", s.at.awaitUrc("+UUMQTTC: 4,", URC_WAIT));
            s.at.skipUrcs();
            peer.client.publish("to/module", all, 1, false);
            assertEquals("+UUMQTTC: 6,1", s.at.awaitUrc("+UUMQTTC: 6,", URC_WAIT));
            Read read = Read.parse(s.ok("AT+UMQTTC=6,1"));
            assertEquals("to/module", read.topic());
            assertEquals(1, read.qos());
            assertArrayEquals(all, read.payload());
        }
    }

    @Test
    void retainedMessageReachesALaterSubscriber() throws Exception {
        try (TestBroker broker = TestBroker.start(); Sim s = Sim.start(ModuleModel.SARA_R5_02B); Peer peer = new Peer(broker)) {
            connect(s, broker);
            s.ok("AT+UMQTTC=2,1,1,0,\"state/door\",\"open\"");
            assertEquals("+UUMQTTC: 2,1", s.at.awaitUrc("+UUMQTTC: 2,", URC_WAIT));
            // a later subscriber gets it from the broker's retained store; Moquette may update that store
            // just after its PUBACK, so a subscriber that came too early tries again with a fresh session
            MqttMessage m = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (m == null && System.nanoTime() < deadline) {
                try (Peer later = new Peer(broker)) {
                    later.subscribe("state/door");
                    m = later.received.poll(2, TimeUnit.SECONDS);
                }
            }
            assertNotNull(m, "no later subscriber received the retained message");
            assertEquals("open", new String(m.getPayload(), StandardCharsets.US_ASCII));

            peer.client.publish("state/window", "closed".getBytes(StandardCharsets.US_ASCII), 1, true);
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=4,1,\"state/window\"");
            assertEquals("+UUMQTTC: 6,1", s.at.awaitUrc("+UUMQTTC: 6,", URC_WAIT));
            assertEquals("closed", new String(Read.parse(s.ok("AT+UMQTTC=6,1")).payload(), StandardCharsets.US_ASCII));
        }
    }

    @Test
    void lostNetworkSends101AndTheBrokerDeliversTheWill() throws Exception {
        try (TestBroker broker = TestBroker.start(); Sim s = Sim.start(ModuleModel.SARA_R5_02B); Peer peer = new Peer(broker)) {
            s.ok("AT+UMQTT=6,1");
            s.ok("AT+UMQTT=8,\"u-blox/publish\"");
            s.ok("AT+UMQTT=9,\"Unrequested disconnect.\"");
            s.ok("AT+UMQTT=10,30");
            connect(s, broker);
            s.ok("AT+UMQTTC=8,1");
            peer.subscribe("u-blox/publish");
            s.module.loseRegistration();
            assertEquals("+UUMQTTC: 0,101", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));
            MqttMessage will = peer.next();
            assertEquals("Unrequested disconnect.", new String(will.getPayload(), StandardCharsets.US_ASCII));
            assertEquals(1, will.getQos());
            // publishing now fails at once with the reason
            assertEquals("+CME ERROR: operation not allowed", s.at.send("AT+UMQTTC=2,1,0,0,\"a/b\",\"x\"").trim());
            assertEquals("+UMQTTER: 13,50", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            // no network: connecting fails the way section 6.8 shows
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,0", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            assertEquals("+UMQTTER: 13,50", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            // coverage back: connect again
            s.module.regainRegistration();
            s.awaitRegistered();
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            // a clean disconnect: no will
            s.ok("AT+UMQTTC=0");
            assertEquals("+UUMQTTC: 0,1", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));
            assertEquals(null, peer.received.poll(500, TimeUnit.MILLISECONDS));
        }
    }

    @Test
    void brokerGoingAwaySends100AndBinaryPublishIsRefusedBeforeThePrompt() throws Exception {
        TestBroker broker = TestBroker.start();
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            connect(s, broker);
            s.at.skipUrcs();
            broker.close();
            assertEquals("+UUMQTTC: 0,100", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));
            assertEquals("+UMQTTER: 13,19", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            // not connected: refused at once, no '>' prompt
            String r = s.at.sendWithTextPrompt("AT+UMQTTC=9,1,0,\"a/b\",3", new byte[0]);
            assertEquals("+CME ERROR: operation not allowed", r.trim());
            assertEquals("+UMQTTER: 13,7", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
        } finally {
            broker.close();
        }
    }

    @Test
    void connectFailuresAreExplainedByUmqtter() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.awaitRegistered();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,0", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            assertEquals("+UMQTTER: 13,10", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            s.ok("AT+UMQTT=3,\"no-such-host.invalid\",1883");
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,0", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            assertEquals("+UMQTTER: 13,11", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
            assertEquals("+CME ERROR: operation not allowed", s.at.send("AT+UMQTTC=4,0,\"a\"").trim());
            assertEquals("+UMQTTER: 13,7", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
        }
    }

    private static void importCa(Sim s, String name, TestPki.Issued ca) throws Exception {
        byte[] pem = ca.certPem().getBytes(StandardCharsets.US_ASCII);
        String answer = s.at.sendWithPrompt("AT+USECMNG=0,0,\"" + name + "\"," + pem.length, pem, '>');
        assertTrue(answer.contains("+USECMNG: 0,0,\"" + name + "\"") && answer.contains("OK"), answer);
    }

    private static void connectFails(Sim s) throws Exception {
        s.at.skipUrcs();
        s.ok("AT+UMQTTC=1");
        assertEquals("+UUMQTTC: 1,0", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
        // 13,14: the TLS handshake failed
        assertEquals("+UMQTTER: 13,14", AtClient.lines(s.at.send("AT+UMQTTER")).get(0));
        assertEquals(0, s.module.securityProfiles().openTlsConnections(), "a failed connection holds no TLS slot");
    }

    @Test
    void secureMqttTrustsTheCaImportedWithUsecmng(@TempDir Path dir) throws Exception {
        String host = "broker.test";
        TestPki.Issued ca = TestPki.ca("ucell broker CA");
        TestPki.Issued otherCa = TestPki.ca("some other CA");
        TestPki.Issued certificate = TestPki.leaf(ca, host, TestPki.rsa(2048), List.of(host));
        try (TestBroker broker = TestBroker.startWithTls(dir, certificate, ca); Sim s = Sim.start(ModuleModel.SARA_R5_02B);
                Peer peer = new Peer(broker)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.awaitRegistered();
            s.module.setDnsOverride(host, "127.0.0.1");
            peer.subscribe("secure/#");
            importCa(s, "broker-ca", ca);
            importCa(s, "other-ca", otherCa);
            s.ok("AT+UMQTT=11,1,2");
            s.ok("AT+UMQTT=3,\"" + host + "\"," + broker.tlsPort);

            // level 1 with a CA that did not sign the broker's certificate: refused
            s.ok("AT+USECPRF=2,0,1");
            s.ok("AT+USECPRF=2,3,\"other-ca\"");
            connectFails(s);
            // level 1, no CA named: every imported CA is trusted, the broker's among them
            s.ok("AT+USECPRF=2,3,\"\"");
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            s.ok("AT+UMQTTC=0");
            assertEquals("+UUMQTTC: 0,1", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));

            // level 3 with the broker's CA: chain, the name broker.test (+UMQTT op 3) and the dates checked
            s.ok("AT+USECPRF=2,0,3");
            s.ok("AT+USECPRF=2,3,\"broker-ca\"");
            s.ok("AT+USECPRF=2,13,0,1");
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            // with session resumption on, the handshake reports the session (3.4) before the connection result
            assertEquals("+UUSECPRF: 2,13,1,0", s.at.awaitUrc("+UUSECPRF: 2,13,1", URC_WAIT));
            assertTrue(s.at.awaitUrc("+UUSECPRF: 2,13,2,", URC_WAIT).matches("\\+UUSECPRF: 2,13,2,\"[^\"]+\",\"[^\"]+\""));
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            // the broker connection holds one of the module's 4 TLS connections while it lasts
            assertEquals(1, s.module.securityProfiles().openTlsConnections());
            s.ok("AT+UMQTTC=2,1,0,0,\"secure/hello\",\"over TLS\"");
            assertEquals("+UUMQTTC: 2,1", s.at.awaitUrc("+UUMQTTC: 2,", URC_WAIT));
            assertEquals("over TLS", new String(peer.next().getPayload(), StandardCharsets.US_ASCII));
            s.ok("AT+UMQTTC=0");
            assertEquals("+UUMQTTC: 0,1", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));
            assertEquals(0, s.module.securityProfiles().openTlsConnections());

            // the same broker by address: its certificate does not name 127.0.0.1, so level 2 refuses it
            s.ok("AT+UMQTT=2,\"127.0.0.1\"," + broker.tlsPort);
            s.ok("AT+USECPRF=2,0,2");
            connectFails(s);
            // ... unless the profile says which name to expect (op 4)
            s.ok("AT+USECPRF=2,4,\"" + host + "\"");
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
            s.ok("AT+UMQTTC=0");
            assertEquals("+UUMQTTC: 0,1", s.at.awaitUrc("+UUMQTTC: 0,", URC_WAIT));

            // level 0: encrypted, not validated, whatever CA the profile names
            s.ok("AT+USECPRF=2,0,0");
            s.ok("AT+USECPRF=2,3,\"other-ca\"");
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", URC_WAIT));
        }
    }
}
