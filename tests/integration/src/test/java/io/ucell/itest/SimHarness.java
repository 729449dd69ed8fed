package io.ucell.itest;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineEvent;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.AtResponse;
import io.ucell.at.CommandTimeouts;
import io.ucell.at.Urc;
import io.ucell.at.transport.TcpTransport;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;

/** A simulated module served over TCP and an AT engine connected to it, as a test fixture. */
final class SimHarness implements AutoCloseable {

    final SimulatedModule module;
    final SimulatorTcpServer server;
    final AtEngine engine;
    final List<Urc> urcs = new CopyOnWriteArrayList<>();
    final List<AtEngineEvent> events = new CopyOnWriteArrayList<>();

    SimHarness(ModuleModel model, Path nvm) throws IOException, InterruptedException {
        this(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).nvmFile(nvm).build());
    }

    SimHarness(SimulatorConfig config) throws IOException, InterruptedException {
        module = new SimulatedModule(config);
        server = SimulatorTcpServer.start(module, 0);
        module.awaitReady(Duration.ofSeconds(10));
        engine = new AtEngine(new TcpTransport("127.0.0.1", server.port(), 20),
                AtEngineOptions.defaults().withTimeouts(CommandTimeouts.uniform(Duration.ofSeconds(2))
                        .put(Duration.ofSeconds(20), "+COPS", "+CGACT", "+UPSDA", "+CFUN")));
        engine.subscribe("", urcs::add);
        engine.addListener(events::add);
        engine.start();
        synchronise();
        engine.executeOk(AtCommand.basic("E0").build());
        engine.executeOk(AtCommand.set("+CMEE").param(2).build());
    }

    /** Sends AT until the module answers OK, as after power-on or a reboot. */
    void synchronise() {
        SimHarnessSync.synchronise(engine);
    }

    AtResponse ok(AtCommand c) {
        return engine.executeOk(c);
    }

    /** Radio on and registered (+CEREG stat 1 or 5), seen through the +CEREG URC. */
    void register() {
        ok(AtCommand.set("+CEREG").param(2).build());
        ok(AtCommand.set("+CFUN").param(1).build());
        await().atMost(Duration.ofSeconds(10)).until(() -> urcs.stream()
                .anyMatch(u -> u.line().hasPrefix("+CEREG") && isRegistered(u.line().param(0))));
    }

    static boolean isRegistered(String stat) {
        return stat.equals("1") || stat.equals("5");
    }

    /** Reboots through +CFUN=16 and waits until the module answers again; echo and +CMEE are set again. */
    void reboot() {
        ok(AtCommand.set("+CFUN").param(16).build());
        synchronise();
        engine.executeOk(AtCommand.basic("E0").build());
        engine.executeOk(AtCommand.set("+CMEE").param(2).build());
        urcs.clear();
    }

    @Override
    public void close() throws IOException {
        engine.close();
        server.close();
        module.close();
    }
}
