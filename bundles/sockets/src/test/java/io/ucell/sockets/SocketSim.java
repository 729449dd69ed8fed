package io.ucell.sockets;

import static org.awaitility.Awaitility.await;

import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.sockets.client.SocketStack;
import io.ucell.sockets.client.StackSettings;
import java.time.Duration;

/** A fast simulated module on TCP, the modem service on it (up to DATA_ACTIVE) and the socket client. */
final class SocketSim implements AutoCloseable {
    static final int BAUD = 921600;
    final SimulatedModule module;
    final SimulatorTcpServer server;
    final ModemController modem;
    final SocketStack sockets;

    SocketSim(ModuleModel model, StackSettings settings) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(BAUD).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), BAUD, false, "apn_name",
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(30)));
        modem.start();
        awaitDataActive();
        sockets = new SocketStack(modem, settings);
    }

    SocketSim(ModuleModel model) throws Exception {
        this(model, StackSettings.defaults().withBaud(BAUD));
    }

    void awaitDataActive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
    }

    @Override
    public void close() throws Exception {
        sockets.close();
        modem.close();
        server.close();
        module.close();
    }
}
