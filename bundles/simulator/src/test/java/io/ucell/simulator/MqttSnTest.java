package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.ucell.simulator.model.ModuleModel;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Section 7's transcripts against the simulated module, whose MQTT-SN gateway talks to Moquette on loopback. */
class MqttSnTest {
    private static final Duration URC = Duration.ofSeconds(15);
    private Server broker;
    private int port;

    @BeforeEach
    void startBroker() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", Files.createTempDirectory("moquette").toString());
        p.setProperty("netty.epoll", "false");
        broker = new Server();
        broker.startServer(new MemoryConfig(p));
    }

    @AfterEach
    void stopBroker() {
        broker.stopServer();
    }

    /** SARA-R5 01B with its PSD profile active, as section 2 leaves it. */
    private static Sim up(ModuleModel model) throws Exception {
        Sim s = Sim.start(model, b -> b.mqttSnPredefinedTopics(Map.of(7, "ucell/seven")));
        s.ok("ATE0");
        s.ok("AT+CMEE=2");
        // radio off first: the module may have attached (and activated cid 1, which cannot be redefined) already
        s.ok("AT+CFUN=0");
        s.ok("AT+CGDCONT=1,\"IP\",\"apn\"");
        s.ok("AT+CFUN=1");
        s.awaitRegistered();
        if (model.capabilities().upsdaSupported()) {
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSDA=0,3");
            s.at.awaitUrc("+UUPSDA", URC);
            s.ok("AT");
        }
        return s;
    }

    @Test
    void profileReadStoreAndRestoreAsIn71() throws Exception {
        try (Sim s = up(ModuleModel.SARA_R5_01B)) {
            String imei = s.module.config().imei();
            List<String> factory = List.of("+UMQTTSN: 0,\"" + imei + "\"", "+UMQTTSN: 1,\"\",1883", "+UMQTTSN: 2,\"\",1883",
                    "+UMQTTSN: 4,0", "+UMQTTSN: 5,0", "+UMQTTSN: 6,\"\"", "+UMQTTSN: 7,0,\"\"", "+UMQTTSN: 8,0", "+UMQTTSN: 9,0");
            assertEquals(factory, AtClient.lines(s.ok("AT+UMQTTSN?")));
            s.ok("AT+UMQTTSN=2,\"192.168.105.30\", 10000");
            s.ok("AT+UMQTTSN=4,1");
            s.ok("AT+UMQTTSN=6,\"u-blox/publish\"");
            s.ok("AT+UMQTTSN=7, \"Unrequested disconnect.\"");
            assertEquals(List.of("+UMQTTSN: 7,23,\"Unrequested disconnect.\""), AtClient.lines(s.ok("AT+UMQTTSN=7")));
            s.ok("AT+UMQTTSNNV=2");
            s.ok("AT+UMQTTSNNV=0");
            assertEquals(factory, AtClient.lines(s.ok("AT+UMQTTSN?")));
            s.ok("AT+UMQTTSNNV=1");
            assertTrue(AtClient.lines(s.ok("AT+UMQTTSN?")).contains("+UMQTTSN: 2,\"192.168.105.30\",10000"));
            // 7.10, 7.11
            s.ok("AT+UMQTTSN=9,1,2");
            assertEquals(List.of("+UMQTTSN: 9,1,2"), AtClient.lines(s.ok("AT+UMQTTSN=9")));
            s.ok("AT+UMQTTSN=0,\"identity:01234567-89ab-cdef-0123-456789abcdef\"");
            s.ok("AT+UMQTTSN=8,600");
            s.ok("AT+UMQTTSN=10,1");
            assertEquals(List.of("+UMQTTSN: 10,1"), AtClient.lines(s.ok("AT+UMQTTSN=10")));
            // 7.1.4: no PDP mapping on "x1B"
            assertTrue(s.at.send("AT+UMQTTSN=20,2,1").contains("+CME ERROR: operation not supported"));
            // a reboot starts from the stored profile
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            assertTrue(AtClient.lines(s.ok("AT+UMQTTSN?")).contains("+UMQTTSN: 2,\"192.168.105.30\",10000"));
        }
    }

    @Test
    void sessionSubscribePublishReadAndShortTopicsAsIn72To77() throws Exception {
        try (Sim s = up(ModuleModel.SARA_R5_01B)) {
            s.ok("AT+UMQTTSN=2,\"127.0.0.1\"," + port);
            s.ok("AT+UMQTTSNC=1");
            assertEquals("+UUMQTTSNC: 1,1", s.at.awaitUrc("+UUMQTTSNC: 1", URC));
            s.ok("AT+UMQTTSNC=5,0,0,\"room/temperature\"");
            assertEquals("+UUMQTTSNC: 5,1,0,1", s.at.awaitUrc("+UUMQTTSNC: 5", URC));
            s.ok("AT+UMQTTSNC=4,0,0,0,0,\"1\",\"20 degrees Celsius\"");
            assertEquals("+UUMQTTSNC: 4,1", s.at.awaitUrc("+UUMQTTSNC: 4", URC));
            assertEquals("+UUMQTTSNC: 9,1", s.at.awaitUrc("+UUMQTTSNC: 9", URC));
            assertEquals(List.of("+UMQTTSNC: 9,0,0,19,1,\"1\",18,\"20 degrees Celsius\""), AtClient.lines(s.ok("AT+UMQTTSNC=9,1")));
            s.ok("AT+UMQTTSNC=6,0,\"1\"");
            assertEquals("+UUMQTTSNC: 6,1", s.at.awaitUrc("+UUMQTTSNC: 6", URC));
            // 7.6
            s.ok("AT+UMQTTSNC=2,\"kitchen/temperature\"");
            assertEquals("+UUMQTTSNC: 2,1,2", s.at.awaitUrc("+UUMQTTSNC: 2", URC));
            s.ok("AT+UMQTTSNC=4,1,0,0,0,\"2\",\"25 degrees Celsius\"");
            assertEquals("+UUMQTTSNC: 4,1", s.at.awaitUrc("+UUMQTTSNC: 4", URC));
            // 7.7
            s.ok("AT+UMQTTSNC=5,0,2,\"aa\"");
            assertEquals("+UUMQTTSNC: 5,1,2,0", s.at.awaitUrc("+UUMQTTSNC: 5", URC));
            s.ok("AT+UMQTTSNC=4,1,0,0,2,\"aa\",\"test\"");
            assertEquals("+UUMQTTSNC: 4,1", s.at.awaitUrc("+UUMQTTSNC: 4", URC));
            assertEquals("+UUMQTTSNC: 9,1", s.at.awaitUrc("+UUMQTTSNC: 9", URC));
            assertEquals(List.of("+UMQTTSNC: 9,0,2,6,2,\"aa\",4,\"test\""), AtClient.lines(s.ok("AT+UMQTTSNC=9,1")));
            // hex: CR, LF, a quote, NUL and 0xFF come back as counted bytes
            s.ok("AT+UMQTTSNC=4,0,0,1,2,\"aa\",\"000D0A22FF\"");
            s.at.awaitUrc("+UUMQTTSNC: 9", URC);
            String r = s.ok("AT+UMQTTSNC=9,1");
            assertTrue(r.contains("+UMQTTSNC: 9,0,2,7,2,\"aa\",5,\"\u0000\r\n\"\u00ff\"\r\n"), AtClient.escape(r));
            s.ok("AT+UMQTTSNC=6,2,\"aa\"");
            assertEquals("+UUMQTTSNC: 6,1", s.at.awaitUrc("+UUMQTTSNC: 6", URC));
            // predefined id 7 is the gateway's "ucell/seven"
            s.ok("AT+UMQTTSNC=5,1,1,\"7\"");
            assertEquals("+UUMQTTSNC: 5,1,1,1", s.at.awaitUrc("+UUMQTTSNC: 5", URC));
            s.ok("AT+UMQTTSNC=4,1,0,0,1,\"7\",\"seven\"");
            s.at.awaitUrc("+UUMQTTSNC: 9", URC);
            assertEquals(List.of("+UMQTTSNC: 9,1,1,6,1,\"7\",5,\"seven\""), AtClient.lines(s.ok("AT+UMQTTSNC=9,1")));
            assertEquals(List.of(), AtClient.lines(s.ok("AT+UMQTTSNC=9,1")), "nothing left to read");
            s.ok("AT+UMQTTSNC=0");
            assertEquals("+UUMQTTSNC: 0,1", s.at.awaitUrc("+UUMQTTSNC: 0", URC));
        }
    }

    @Test
    void lastWillAsIn78() throws Exception {
        try (Sim one = up(ModuleModel.SARA_R5_01B); Sim two = up(ModuleModel.SARA_R5_02B)) {
            one.ok("AT+UMQTTSN=0,\"module1\"");
            one.ok("AT+UMQTTSN=2,\"127.0.0.1\"," + port);
            one.ok("AT+UMQTTSN=4,1");
            one.ok("AT+UMQTTSN=6,\"u-blox/publish\"");
            one.ok("AT+UMQTTSN=7,\"Unrequested disconnect.\"");
            one.ok("AT+UMQTTSNC=1");
            assertEquals("+UUMQTTSNC: 1,1", one.at.awaitUrc("+UUMQTTSNC: 1", URC));
            two.ok("AT+UMQTTSN=0,\"module2\"");
            two.ok("AT+UMQTTSN=2,\"127.0.0.1\"," + port);
            two.ok("AT+UMQTTSNC=1");
            assertEquals("+UUMQTTSNC: 1,1", two.at.awaitUrc("+UUMQTTSNC: 1", URC));
            two.ok("AT+UMQTTSNC=5,0,0,\"u-blox/publish\"");
            assertEquals("+UUMQTTSNC: 5,1,0,1", two.at.awaitUrc("+UUMQTTSNC: 5", URC));
            one.ok("AT+UPSDA=0,4");
            assertEquals("+UUMQTTSNC: 0,101", one.at.awaitUrc("+UUMQTTSNC: 0", URC));
            assertEquals("+UUMQTTSNC: 9,1", two.at.awaitUrc("+UUMQTTSNC: 9", URC));
            assertEquals(List.of("+UMQTTSNC: 9,0,0,24,1,\"1\",23,\"Unrequested disconnect.\""),
                    AtClient.lines(two.ok("AT+UMQTTSNC=9,1")));
        }
    }

    @Test
    void aKeptSessionGetsWhatCameWhileTheModuleWasAway() throws Exception {
        try (Sim s = up(ModuleModel.SARA_R5_02B)) {
            s.ok("AT+UMQTTSN=0,\"kept\"");
            s.ok("AT+UMQTTSN=2,\"127.0.0.1\"," + port);
            s.ok("AT+UMQTTSN=10,0");
            s.ok("AT+UMQTTSNC=1");
            s.at.awaitUrc("+UUMQTTSNC: 1,1", URC);
            s.ok("AT+UMQTTSNC=5,1,0,\"away/topic\"");
            s.at.awaitUrc("+UUMQTTSNC: 5,1", URC);
            // the module's network goes away: the broker keeps the session (clean session 0)
            s.ok("AT+CGACT=0,1");
            s.at.awaitUrc("+UUMQTTSNC: 0,101", URC);
            org.eclipse.paho.client.mqttv3.MqttClient peer = new org.eclipse.paho.client.mqttv3.MqttClient(
                    "tcp://127.0.0.1:" + port, "peer", new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            peer.connect();
            peer.publish("away/topic", "while away".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1, false);
            peer.disconnect();
            peer.close();
            s.ok("AT+CGACT=1,1");
            s.ok("AT+UMQTTSNC=1");
            assertEquals("+UUMQTTSNC: 1,1", s.at.awaitUrc("+UUMQTTSNC: 1", URC));
            assertEquals("+UUMQTTSNC: 9,1", s.at.awaitUrc("+UUMQTTSNC: 9", URC), "announced after the connect");
            String r = s.ok("AT+UMQTTSNC=9,1");
            assertTrue(r.contains(",10,\"while away\""), AtClient.escape(r));
        }
    }

    @Test
    void errorsAsIn79() throws Exception {
        try (Sim s = up(ModuleModel.SARA_R5_02B)) {
            assertEquals(List.of("+UMQTTSNER: 0,0"), AtClient.lines(s.ok("AT+UMQTTSNER")));
            // no gateway, no session: refused at once, with the reason
            assertTrue(s.at.send("AT+UMQTTSNC=1").contains("+CME ERROR: operation not allowed"));
            assertEquals(List.of("+UMQTTSNER: 14,26"), AtClient.lines(s.ok("AT+UMQTTSNER")));
            assertTrue(s.at.send("AT+UMQTTSNC=2,\"a\"").contains("+CME ERROR"));
            assertEquals(List.of("+UMQTTSNER: 14,23"), AtClient.lines(s.ok("AT+UMQTTSNER")));
            // what the gateway refuses comes as <op>,0
            s.ok("AT+UMQTTSN=2,\"127.0.0.1\"," + port);
            s.ok("AT+UMQTTSNC=1");
            s.at.awaitUrc("+UUMQTTSNC: 1,1", URC);
            s.ok("AT+UMQTTSNC=4,0,0,0,0,\"99\",\"x\"");
            assertEquals("+UUMQTTSNC: 4,0", s.at.awaitUrc("+UUMQTTSNC: 4", URC));
            assertEquals(List.of("+UMQTTSNER: 14,28"), AtClient.lines(s.ok("AT+UMQTTSNER")));
            s.ok("AT+UMQTTSNC=2,\"a/#\"");
            assertEquals("+UUMQTTSNC: 2,0", s.at.awaitUrc("+UUMQTTSNC: 2", URC));
            // bad hex, a payload over 512 bytes
            assertTrue(s.at.send("AT+UMQTTSNC=4,0,0,1,2,\"aa\",\"0G\"").contains("+CME ERROR: incorrect parameters"));
            assertTrue(s.at.send("AT+UMQTTSNC=4,0,0,0,2,\"aa\",\"" + "x".repeat(513) + "\"").contains("+CME ERROR"));
            assertEquals(List.of("+UMQTTSNER: 14,30"), AtClient.lines(s.ok("AT+UMQTTSNER")));
            // 7.1.4 on a 02B
            s.ok("AT+UMQTTSN=20,2,1");
            assertEquals(List.of("+UMQTTSN: 20,2,1"), AtClient.lines(s.ok("AT+UMQTTSN=20")));
        }
    }

    @Test
    void notOnSaraR422() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            s.error("AT+UMQTTSN?");
            s.error("AT+UMQTTSNC=1");
            s.error("AT+UMQTTSNER");
        }
    }
}
