package io.ucell.mqtt;

import static org.awaitility.Awaitility.await;

import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.mqtt.client.ModuleMqttClient;
import io.ucell.mqtt.client.MqttSettings;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.time.Duration;

/** A fast simulated module on TCP, the modem service on it (up to DATA_ACTIVE) and the MQTT client. */
/** Shared by the client and the cloud-connection tests. */
public final class MqttSim implements AutoCloseable {
    public final SimulatedModule module;
    public final SimulatorTcpServer server;
    public final ModemController modem;
    public final ModuleMqttClient mqtt;

    public MqttSim(ModuleModel model, MqttSettings settings) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name",
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(5))); // health check every 5 s: a silent reboot is noticed soon
        modem.start();
        awaitDataActive();
        mqtt = new ModuleMqttClient(modem, settings);
    }

    public void awaitDataActive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
    }

    /** Fast reconnects for the tests. */
    public static MqttSettings settings(TestBroker broker) {
        return MqttSettings.defaults().withServer("127.0.0.1", broker.port)
                .withReconnect(Duration.ofMillis(200), Duration.ofSeconds(2));
    }

    @Override
    public void close() throws Exception {
        mqtt.close();
        modem.close();
        server.close();
        module.close();
    }
}
