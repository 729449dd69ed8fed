package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/** Test fixture: a fast module (short boot, high baud) on an ephemeral TCP port with a connected client. */
final class Sim implements AutoCloseable {
    final SimulatedModule module;
    final SimulatorTcpServer server;
    final AtClient at;

    private Sim(SimulatorConfig cfg) throws Exception {
        module = new SimulatedModule(cfg);
        server = SimulatorTcpServer.start(module, 0);
        at = new AtClient(server.port());
        assertTrue(module.awaitReady(Duration.ofSeconds(5)), "boot");
    }

    static SimulatorConfig.Builder fast(ModuleModel model) {
        return SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(150))
                .processingDelay(Duration.ofMillis(1))
                // room for ATE0 and +CGDCONT before the attach activates cid 1 (it cannot be redefined then), even under load
                .registrationDelay(Duration.ofMillis(200));
    }

    static Sim start(ModuleModel model) throws Exception {
        return new Sim(fast(model).build());
    }

    static Sim start(ModuleModel model, Consumer<SimulatorConfig.Builder> tweak) throws Exception {
        SimulatorConfig.Builder b = fast(model);
        tweak.accept(b);
        return new Sim(b.build());
    }

    static Sim start(ModuleModel model, Path nvm) throws Exception {
        return new Sim(fast(model).nvmFile(nvm).build());
    }

    String ok(String cmd) throws Exception {
        String r = at.send(cmd);
        assertEquals("OK", AtClient.finalCode(r), cmd + " -> " + AtClient.escape(r));
        return r;
    }

    void error(String cmd) throws Exception {
        String r = at.send(cmd);
        assertEquals("ERROR", AtClient.finalCode(r), cmd + " -> " + AtClient.escape(r));
    }

    String fin(String cmd) throws Exception {
        return AtClient.finalCode(at.send(cmd));
    }

    /** Waits for registration by polling +CEREG? like a host would. */
    void awaitRegistered() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            String r = at.send("AT+CEREG?");
            if (r.contains("+CEREG: 0,1") || r.contains("+CEREG: 1,1") || r.contains("+CEREG: 2,1")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not registered");
    }

    /**
     * Waits until the module answers AT again after a reboot, polling like a host does: the reboot starts
     * only once the OK has left the wire, so a command sent at once may still be swallowed by the boot.
     */
    void awaitAnswering() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("OK".equals(AtClient.finalCode(at.send("AT", Duration.ofMillis(200))))) {
                    assertTrue(module.awaitReady(Duration.ofSeconds(1)));
                    return;
                }
            } catch (AssertionError timeout) {
                // still booting
            }
        }
        throw new AssertionError("module did not come back");
    }

    @Override
    public void close() throws Exception {
        at.close();
        server.close();
    }
}
