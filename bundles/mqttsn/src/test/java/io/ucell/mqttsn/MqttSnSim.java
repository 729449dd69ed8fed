package io.ucell.mqttsn;

import static org.awaitility.Awaitility.await;

import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.mqttsn.client.MqttSnClient;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;
import java.util.Map;

/** A fast simulated module on TCP (its gateway's predefined topics given), the modem service up to DATA_ACTIVE, a client. */
final class MqttSnSim implements AutoCloseable {
    static final int PREDEFINED_ID = 7;
    static final String PREDEFINED_TOPIC = "ucell/predefined/seven";

    final SimulatedModule module;
    final SimulatorTcpServer server;
    final ModemController modem;
    final MqttSnClient client;

    MqttSnSim(ModuleModel model, String apn, MqttSnSettings settings) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200))
                .mqttSnPredefinedTopics(Map.of(PREDEFINED_ID, PREDEFINED_TOPIC)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, apn,
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(2)));
        modem.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
        client = new MqttSnClient(modem, settings);
    }

    MqttSnSim(ModuleModel model, MqttSnSettings settings) throws Exception {
        this(model, "apn_name", settings);
    }

    @Override
    public void close() throws Exception {
        client.close();
        modem.close();
        server.close();
        module.close();
    }
}
