package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.ucell.simulator.model.ModuleModel;
import java.net.ServerSocket;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unmodified MQTT library (Eclipse Paho) over the module's TCP socket, against a real broker (Moquette). */
class PahoOverModuleTest {

    @Test
    void publishAndSubscribeThroughTheModule(@TempDir java.nio.file.Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty(BrokerConstants.HOST_PROPERTY_NAME, "127.0.0.1");
        p.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(port));
        p.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        p.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        p.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "false");
        p.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dir.toString());
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p));
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B)) {
            MqttClient client = new MqttClient("tcp://127.0.0.1:" + port, "ucell-module", new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setSocketFactory(sim.sockets.socketFactory());
            o.setCleanSession(true);
            o.setConnectionTimeout(20);
            client.connect(o);
            BlockingQueue<MqttMessage> got = new LinkedBlockingQueue<>();
            client.subscribe("ucell/test/#", 1, (topic, m) -> got.add(m));
            for (int qos = 0; qos <= 2; qos++) {
                byte[] body = Peers.payload(300 + qos * 700, qos);
                MqttMessage m = new MqttMessage(body);
                m.setQos(qos);
                client.publish("ucell/test/q" + qos, m);
                MqttMessage back = got.poll(20, TimeUnit.SECONDS);
                assertArrayEquals(body, back == null ? null : back.getPayload(), "qos " + qos);
            }
            client.disconnect();
            client.close();
            assertEquals(0, got.size());
        } finally {
            broker.stopServer();
        }
    }
}
