package io.ucell.ftp;

import static org.awaitility.Awaitility.await;

import io.ucell.files.client.AtModuleFiles;
import io.ucell.ftp.client.FtpClient;
import io.ucell.ftp.client.FtpSettings;
import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.FtpTestServer;
import java.time.Duration;

/** A fast simulated module on TCP, the modem service on it (up to DATA_ACTIVE), the file and FTP clients. */
final class FtpSim implements AutoCloseable {
    final SimulatedModule module;
    final SimulatorTcpServer server;
    final ModemController modem;
    final AtModuleFiles files;
    final FtpClient ftp;

    FtpSim(ModuleModel model, FtpSettings settings) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name",
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(30)));
        modem.start();
        awaitDataActive();
        files = new AtModuleFiles(modem::at);
        ftp = new FtpClient(modem, files, settings);
    }

    void awaitDataActive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
    }

    static FtpSettings settings(FtpTestServer server) {
        return FtpSettings.defaults().withServer("127.0.0.1", server.port)
                .withLogin(FtpTestServer.USER, FtpTestServer.PASSWORD).withDirectIdle(Duration.ofMillis(1500));
    }

    @Override
    public void close() throws Exception {
        ftp.close();
        files.close();
        modem.close();
        server.close();
        module.close();
    }
}
