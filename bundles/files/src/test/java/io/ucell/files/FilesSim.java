package io.ucell.files;

import static org.awaitility.Awaitility.await;

import io.ucell.files.client.AtModuleFiles;
import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;

/** A fast simulated module on TCP, the modem service on it and the file client. */
final class FilesSim implements AutoCloseable {
    final SimulatedModule module;
    final SimulatorTcpServer server;
    final ModemController modem;
    final AtModuleFiles files;

    FilesSim(ModuleModel model, int blockSize) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name",
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(30)));
        modem.start();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
        files = new AtModuleFiles(modem::at, blockSize);
    }

    FilesSim(ModuleModel model) throws Exception {
        this(model, AtModuleFiles.DEFAULT_BLOCK);
    }

    @Override
    public void close() throws Exception {
        files.close();
        modem.close();
        server.close();
        module.close();
    }
}
