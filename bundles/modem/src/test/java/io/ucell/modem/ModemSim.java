package io.ucell.modem;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.CommandTimeouts;
import io.ucell.at.transport.TcpTransport;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;

/** A simulated module on TCP and a controller on it, with short times; records every command sent. */
final class ModemSim implements AutoCloseable {

    SimulatedModule module;
    private final Path nvm;
    SimulatorTcpServer server;
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<ModemStatus> statuses = new CopyOnWriteArrayList<>();
    ModemController controller;
    /** The engine's timeouts: short uniform ones, or the module's ({@link CommandTimeouts#ublox()}). */
    volatile boolean moduleTimeouts;
    /** Runs with each command line just before it goes on the wire (on the sending thread). */
    volatile java.util.function.Consumer<String> beforeSend = line -> { };

    ModemSim(ModuleModel model, Path nvm) throws IOException, InterruptedException {
        this.nvm = nvm;
        serve(model, 0);
    }

    private void serve(ModuleModel model, int port) throws IOException, InterruptedException {
        module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).nvmFile(nvm).build());
        server = SimulatorTcpServer.start(module, port);
        module.awaitReady(Duration.ofSeconds(10));
    }

    ModemSettings settings() {
        return new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name", PdpType.IP, 1, -1, "", "",
                "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofSeconds(1), 3, 6,
                Duration.ofMillis(500));
    }

    private static int port(ModemSettings s) {
        return Integer.parseInt(s.endpoint().substring(s.endpoint().lastIndexOf(':') + 1));
    }

    ModemController start(ModemSettings s) {
        controller = new ModemController(s, st -> new RecordingEngine(port(s), sent, moduleTimeouts ? CommandTimeouts.ublox()
                : CommandTimeouts.uniform(Duration.ofSeconds(2)).put(Duration.ofSeconds(10), "+COPS", "+CGACT", "+UPSDA",
                        "+CFUN", "+UDNSRN", "+UPING"), line -> beforeSend.accept(line)).engine);
        controller.addListener((prev, cur) -> statuses.add(cur));
        controller.start();
        return controller;
    }

    /** The module and its TCP port go away (a USB module unplugged, a simulator restarted). */
    void dropLink() {
        server.close();
    }

    /** A (possibly different) module comes back on the same port. */
    void relisten(ModuleModel model, int port) throws IOException, InterruptedException {
        serve(model, port);
    }

    long count(String prefix) {
        return sent.stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Override
    public void close() throws IOException {
        if (controller != null) {
            controller.close();
        }
        server.close();
        module.close();
    }

    /** An engine whose commands are recorded (through a URC-free wrapper: the transport's written bytes). */
    static final class RecordingEngine {
        final AtEngine engine;

        RecordingEngine(int port, List<String> sent, CommandTimeouts timeouts,
                java.util.function.Consumer<String> beforeSend) {
            TcpTransport tcp = new TcpTransport("127.0.0.1", port, 20);
            io.ucell.at.transport.Transport recording = new io.ucell.at.transport.Transport() {
                private final StringBuilder line = new StringBuilder();

                @Override
                public void open() throws IOException {
                    tcp.open();
                }

                @Override
                public boolean isOpen() {
                    return tcp.isOpen();
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    return tcp.read(buf, off, len);
                }

                @Override
                public void write(byte[] buf, int off, int len) throws IOException {
                    synchronized (line) {
                        for (int i = off; i < off + len; i++) {
                            char c = (char) (buf[i] & 0xFF);
                            if (c == '\r') {
                                sent.add(line.toString());
                                beforeSend.accept(line.toString());
                                line.setLength(0);
                            } else {
                                line.append(c);
                            }
                        }
                    }
                    tcp.write(buf, off, len);
                }

                @Override
                public void close() {
                    tcp.close();
                }

                @Override
                public String describe() {
                    return tcp.describe();
                }
            };
            engine = new AtEngine(recording, AtEngineOptions.defaults().withTimeouts(timeouts));
        }
    }

    static AtCommand cmd(String raw) {
        return AtCommand.raw(raw);
    }
}
