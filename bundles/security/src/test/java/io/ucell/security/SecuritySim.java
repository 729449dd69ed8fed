package io.ucell.security;

import static org.awaitility.Awaitility.await;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.security.client.ProfileController;
import io.ucell.security.client.ProfileDirectory;
import io.ucell.security.session.SessionStore;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A fast simulated module on TCP, the modem service on it (up to DATA_ACTIVE, health check every second so a
 * module reboot is noticed), a session store (encrypted with a CryptoService) and the profile directory.
 */
final class SecuritySim implements AutoCloseable {
    final SimulatedModule module;
    final SimulatorTcpServer server;
    final ModemController modem;
    final AesCrypto crypto = new AesCrypto();
    final SessionStore sessions;
    final ProfileDirectory directory = new ProfileDirectory();

    SecuritySim(ModuleModel model, Path dir) throws Exception {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name",
                PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                Duration.ofSeconds(1), 3, 6, Duration.ofSeconds(1)));
        modem.start();
        awaitDataActive();
        sessions = new SessionStore(dir, () -> crypto);
    }

    void awaitDataActive() {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
    }

    ProfileController profile(String pid) {
        ProfileController c = new ProfileController(pid, modem, sessions, Clock.systemUTC());
        directory.add(c);
        return c;
    }

    AtEngine at() {
        return modem.at();
    }

    /** A secure TCP socket through the module (+USOCR, +USOSEC, +USOCO); the +USOCO answer. */
    AtResponse connect(int profile, int port) {
        int id = at().executeOk(AtCommand.set("+USOCR").param(6).build()).require("+USOCR").intParam(0);
        at().executeOk(AtCommand.set("+USOSEC").param(id).param(1).param(profile).build());
        AtResponse r = at().execute(AtCommand.set("+USOCO").param(id).param("127.0.0.1").param(port)
                .timeout(Duration.ofSeconds(30)).build());
        if (r.isOk()) {
            at().executeOk(AtCommand.set("+USOCL").param(id).build());
        }
        return r;
    }

    @Override
    public void close() throws Exception {
        modem.close();
        server.close();
        module.close();
    }
}
