package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's MQTT-SN component in Felix: the modem service on the simulated module (whose MQTT-SN gateway
 * runs on the Paho bundle of the runtime), MqttSnService configured through ConfigurationAdmin to keep a session with
 * Moquette, and a Paho client in the test on the broker's other side.
 */
class MqttSnInFrameworkTest {
    static OsgiRuntime runtime;
    static Server broker;
    static int brokerPort;

    @BeforeAll
    static void start() throws Exception {
        brokerPort = OsgiRuntime.freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(brokerPort));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", Files.createTempDirectory("moquette").toString());
        p.setProperty("netty.epoll", "false");
        broker = new Server();
        broker.startServer(new MemoryConfig(p));

        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("mqttsn.apn"));
        runtime.configure("io.ucell.mqttsn", Map.of("gateway.host", "127.0.0.1", "gateway.port", brokerPort,
                "connect", true, "client.id", "ucell-osgi"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object mqttsn = runtime.service("io.ucell.mqttsn.MqttSnService");
            return mqttsn != null && (Boolean) call(mqttsn, "isConnected");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (broker != null) {
            broker.stopServer();
        }
    }

    @Test
    void publishesThroughTheComponent() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object mqttsn = runtime.service("io.ucell.mqttsn.MqttSnService");
        ClassLoader api = mqttsn.getClass().getClassLoader();
        Object topic = api.loadClass("io.ucell.mqttsn.MqttSnTopic").getMethod("name", String.class).invoke(null, "osgi/up");
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object qos = Enum.valueOf((Class) api.loadClass("io.ucell.mqttsn.MqttSnQos"), "AT_LEAST_ONCE");
        BlockingQueue<byte[]> got = new LinkedBlockingQueue<>();
        MqttClient peer = new MqttClient("tcp://127.0.0.1:" + brokerPort, "peer", new MemoryPersistence());
        try {
            peer.connect();
            peer.subscribe("osgi/up", 1, (t, m) -> got.add(m.getPayload()));
            byte[] all = new byte[256];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            call(mqttsn, "publish", topic, all, qos, false);
            assertArrayEquals(all, got.poll(15, TimeUnit.SECONDS));
        } finally {
            peer.disconnect();
            peer.close();
        }
    }
}
