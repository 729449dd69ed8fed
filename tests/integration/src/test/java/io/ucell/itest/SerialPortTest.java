package io.ucell.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fazecast.jSerialComm.SerialPort;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.transport.SerialSettings;
import io.ucell.at.transport.Transports;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.model.ModuleModel;

/**
 * The engine on a real serial device: socat makes a pseudo-terminal pair, the simulated module sits on
 * one end (through jSerialComm) and the engine opens the other through its serial transport.
 */
class SerialPortTest {

    @TempDir
    Path dir;

    @Test
    void engineOverPseudoTerminalPair() throws Exception {
        boolean haveSocat = Files.isExecutable(Path.of("/usr/bin/socat"));
        if (System.getenv("UCELL_REQUIRE_SOCAT") == null) {
            assumeTrue(haveSocat, "socat not installed (.ci/run installs it)");
        }
        Path moduleEnd = dir.resolve("module-tty");
        Path hostEnd = dir.resolve("host-tty");
        Process socat = new ProcessBuilder("socat", "-d", "pty,raw,echo=0,link=" + moduleEnd,
                "pty,raw,echo=0,link=" + hostEnd).redirectErrorStream(true).start();
        try {
            waitFor(moduleEnd);
            waitFor(hostEnd);
            SimulatorConfig config = SimulatorConfig.builder().model(ModuleModel.SARA_R42_01B).baud(115200)
                    .bootTime(Duration.ofMillis(200)).processingDelay(Duration.ofMillis(1)).build();
            SerialPort modulePort = SerialPort.getCommPort(moduleEnd.toRealPath().toString());
            modulePort.setComPortParameters(115200, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            modulePort.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
            assertTrue(modulePort.openPort(), "open " + moduleEnd);
            try (SimulatedModule module = new SimulatedModule(config)) {
                module.attach(modulePort.getInputStream(), modulePort.getOutputStream());
                module.awaitReady(Duration.ofSeconds(10));
                try (AtEngine engine = new AtEngine(Transports.create(hostEnd.toRealPath().toString(),
                        SerialSettings.of("ignored", 115200, false)), AtEngineOptions.defaults()).start()) {
                    SimHarnessSync.synchronise(engine);
                    engine.executeOk(AtCommand.basic("E0").build());
                    String model = engine.executeOk(AtCommand.action("+CGMM").build()).firstText();
                    assertTrue(model.contains("R42"), model);
                    assertEquals(15, engine.executeOk(AtCommand.action("+CGSN").build()).firstText().length());
                }
            } finally {
                modulePort.closePort();
            }
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void waitFor(Path link) throws IOException, InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!Files.exists(link)) {
            if (System.nanoTime() > end) {
                throw new IOException("socat did not create " + link);
            }
            Thread.sleep(20);
        }
    }
}
