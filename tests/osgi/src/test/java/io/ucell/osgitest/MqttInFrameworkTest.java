package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.service.cm.Configuration;

/**
 * The distribution's MQTT bundles in Felix: the embedded broker, the simulated module (Paho inside), the modem
 * service, the MQTT component configured through ConfigurationAdmin, and a cloud connection created through our
 * CloudConnectionFactory, with a CloudPublisher and a CloudSubscriber, checked from outside by a Paho client.
 */
class MqttInFrameworkTest {
    static final String ENDPOINT_PID = "io.ucell.mqtt.cloud.CloudEndpoint-test";
    static OsgiRuntime runtime;
    static int brokerPort;
    static MqttClient peer;
    static final BlockingQueue<String[]> peerReceived = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        runtime = new OsgiRuntime();
        brokerPort = OsgiRuntime.freePort();
        runtime.configure("io.ucell.broker", Map.of("port", brokerPort));
        runtime.configure("io.ucell.mqtt.demo", Map.of("enabled", false));
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("mqtt.apn"));
        runtime.configure("io.ucell.mqtt", Map.of("server", "127.0.0.1", "port", brokerPort, "connect", true,
                "reconnect.base", 200, "reconnect.cap", 2000));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object mqtt = runtime.service("io.ucell.mqtt.MqttService");
            return mqtt != null && (Boolean) call(mqtt, "isConnected");
        });
        peer = new MqttClient("tcp://127.0.0.1:" + brokerPort, "osgi-test-peer", new MemoryPersistence());
        peer.connect(new MqttConnectOptions());
        peer.subscribe("#", 1, (topic, msg) -> peerReceived.add(new String[] {topic, new String(msg.getPayload(), StandardCharsets.ISO_8859_1)}));
    }

    @AfterAll
    static void stop() throws Exception {
        if (peer != null) {
            peer.disconnectForcibly(100, 100);
            peer.close();
        }
        if (runtime != null) {
            runtime.close();
        }
    }

    private static Bundle bundle(String bsn) {
        for (Bundle b : runtime.context.getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new IllegalStateException(bsn + " not installed");
    }

    private static void createFactoryConfiguration(String factoryPid, Map<String, Object> values) throws Exception {
        Configuration c = runtime.configAdmin().createFactoryConfiguration(factoryPid, "?");
        Dictionary<String, Object> d = new Hashtable<>(values);
        c.update(d);
    }

    @Test
    void mqttServiceThroughTheComponent() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object mqtt = runtime.service("io.ucell.mqtt.MqttService");
        String clientId = (String) call(mqtt, "clientId");
        assertTrue(clientId.matches("\\d{15}"), "the IMEI: " + clientId);
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        call(mqtt, "publish", "osgi/direct", all, 1, false);
        String[] got = next("osgi/direct");
        assertArrayEquals(all, got[1].getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void cloudConnectionCreatedByTheFactory() throws Exception {
        Object factory = runtime.service("org.eclipse.kura.cloudconnection.factory.CloudConnectionFactory");
        assertNotNull(factory);
        assertEquals("io.ucell.mqtt.cloud.CloudEndpoint", call(factory, "getFactoryPid"));
        call(factory, "createConfiguration", ENDPOINT_PID);
        assertEquals(List.of(ENDPOINT_PID, "org.eclipse.kura.data.DataService-test", "io.ucell.mqtt.cloud.DataTransport-test"),
                call(factory, "getStackComponentsPids", ENDPOINT_PID));
        assertEquals(Set.of(ENDPOINT_PID), call(factory, "getManagedCloudConnectionPids"));
        // started from the metatype defaults, as Kura's ConfigurationService does
        Configuration[] transport = runtime.configAdmin().listConfigurations("(kura.service.pid=io.ucell.mqtt.cloud.DataTransport-test)");
        assertEquals("account-name", transport[0].getProperties().get("topic.context.account-name"));
        assertEquals(100, transport[0].getProperties().get("max.inflight"));

        String target = "(kura.service.pid=" + ENDPOINT_PID + ")";
        Map<String, Object> pub = new HashMap<>();
        pub.put("kura.service.pid", "osgi-publisher");
        pub.put("CloudEndpoint.target", target);
        pub.put("topic", "#account-name/#client-id/telemetry");
        pub.put("qos", 1);
        createFactoryConfiguration("io.ucell.mqtt.cloud.CloudPublisher", pub);
        Map<String, Object> sub = new HashMap<>();
        sub.put("kura.service.pid", "osgi-subscriber");
        sub.put("CloudEndpoint.target", target);
        sub.put("topic.filter", "#account-name/#client-id/control/#");
        sub.put("qos", 1);
        createFactoryConfiguration("io.ucell.mqtt.cloud.CloudSubscriber", sub);

        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.service("org.eclipse.kura.cloudconnection.publisher.CloudPublisher") != null
                && runtime.service("org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber") != null);
        Object endpoint = runtime.service("org.eclipse.kura.cloudconnection.CloudEndpoint");
        // no Kura DataService in this runtime: the endpoint works straight on the module's transport
        await().atMost(Duration.ofSeconds(20)).until(() -> (Boolean) call(endpoint, "isConnected"));

        Bundle api = bundle("io.ucell.kura.api");
        Class<?> listenerType = api.loadClass("org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener");
        BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        Object listener = Proxy.newProxyInstance(listenerType.getClassLoader(), new Class<?>[] {listenerType}, (p, m, a) -> {
            if (m.getName().equals("onMessageArrived")) {
                received.add(a[0]);
            }
            return null;
        });
        Object subscriber = runtime.service("org.eclipse.kura.cloudconnection.subscriber.CloudSubscriber");
        call(subscriber, "registerCloudSubscriberListener", listener);

        Object mqtt = runtime.service("io.ucell.mqtt.MqttService");
        String clientId = (String) call(mqtt, "clientId");
        String base = "account-name/" + clientId;
        await().atMost(Duration.ofSeconds(20)).until(() -> ((Set<?>) call(mqtt, "subscriptions")).contains(base + "/control/#"));

        Object payload = api.loadClass("org.eclipse.kura.message.KuraPayload").getConstructor().newInstance();
        call(payload, "setBody", (Object) "{\"t\":21.5}".getBytes(StandardCharsets.US_ASCII));
        Object message = api.loadClass("org.eclipse.kura.cloudconnection.message.KuraMessage")
                .getConstructor(payload.getClass()).newInstance(payload);
        Object publisher = runtime.service("org.eclipse.kura.cloudconnection.publisher.CloudPublisher");
        assertNotNull(call(publisher, "publish", message), "QoS 1: a message id");
        assertEquals("{\"t\":21.5}", next(base + "/telemetry")[1]);

        peer.publish(base + "/control/led", new MqttMessage("on".getBytes(StandardCharsets.US_ASCII)));
        Object arrived = received.poll(15, TimeUnit.SECONDS);
        assertNotNull(arrived, "the subscriber received nothing");
        assertEquals(base + "/control/led", ((Map<?, ?>) call(arrived, "getProperties")).get("topic"));
        assertArrayEquals("on".getBytes(StandardCharsets.US_ASCII), (byte[]) call(call(arrived, "getPayload"), "getBody"));

        call(factory, "deleteConfiguration", ENDPOINT_PID);
        assertEquals(Set.of(), call(factory, "getManagedCloudConnectionPids"));
    }

    @Test
    void theDemoPublishesTheSignalQualityThroughTheModule() throws Exception {
        runtime.configure("io.ucell.mqtt.demo", Map.of("enabled", true, "interval", 1, "qos", 1));
        try {
            String clientId = (String) call(runtime.service("io.ucell.mqtt.MqttService"), "clientId");
            String json = next("ucell/" + clientId + "/signal")[1];
            assertTrue(json.contains("\"rssi\":") && json.contains("\"csq\":"), json);
        } finally {
            runtime.configure("io.ucell.mqtt.demo", Map.of("enabled", false));
        }
    }

    private static String[] next(String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            String[] m = peerReceived.poll(500, TimeUnit.MILLISECONDS);
            if (m != null && m[0].equals(topic)) {
                return m;
            }
        }
        throw new AssertionError("the peer received nothing on " + topic);
    }
}
