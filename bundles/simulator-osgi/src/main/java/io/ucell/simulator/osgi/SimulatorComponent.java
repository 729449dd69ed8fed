package io.ucell.simulator.osgi;

import io.ucell.simulator.ControlConsole;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SimulatedModule} behind a {@link SimulatorTcpServer} while configured. A configuration change
 * restarts the module with the new settings (a new model, port or NVM file); the NVM file, if any, survives.
 * <p>
 * Also a Gogo command: {@code ucell:sim <console command>} runs one fault-injection console command
 * ({@code sim status}, {@code sim reboot}, {@code sim lose-registration}, {@code sim help}...).
 */
@Component(name = SimulatorComponent.PID, configurationPid = SimulatorComponent.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        service = { SimulatorComponent.class, ConfigurableComponent.class },
        property = { "kura.service.pid=" + SimulatorComponent.PID, "osgi.command.scope=ucell",
                "osgi.command.function=sim" })
@Designate(ocd = SimulatorComponentConfig.class)
public final class SimulatorComponent implements ConfigurableComponent {
    public static final String PID = "io.ucell.simulator";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorComponent.class);
    private static final Duration BIND_RETRY = Duration.ofSeconds(5);

    private SimulatorTcpServer server;
    private ControlConsole console;

    @Activate
    public synchronized void activate(SimulatorComponentConfig config) throws IOException {
        start(config);
    }

    @Modified
    public synchronized void modified(SimulatorComponentConfig config) throws IOException {
        LOG.info("configuration changed, restarting the simulated module");
        stop();
        start(config);
    }

    @Deactivate
    public synchronized void deactivate() {
        stop();
    }

    /** The TCP port the module listens on, or -1 when it is not running. */
    public synchronized int port() {
        return server == null ? -1 : server.port();
    }

    /** The running module, or null. */
    public synchronized SimulatedModule module() {
        return server == null ? null : server.module();
    }

    /** Gogo command {@code ucell:sim}: one fault-injection console command. */
    public synchronized String sim(String... words) {
        if (console == null) {
            return "the simulated module is not running (enabled=false?)";
        }
        if (words == null || words.length == 0) {
            return ControlConsole.HELP;
        }
        return console.execute(String.join(" ", words));
    }

    static SimulatorConfig toSimulatorConfig(SimulatorComponentConfig c) {
        SimulatorConfig.Builder b = SimulatorConfig.builder()
                .model(ModuleModel.fromName(c.model()))
                .baud(c.baud())
                .bootTime(Duration.ofMillis(nonNegative(c.boot_time_ms(), "boot.time.ms")))
                .registrationDelay(Duration.ofMillis(nonNegative(c.registration_delay_ms(), "registration.delay.ms")))
                .processingDelay(Duration.ofMillis(nonNegative(c.processing_delay_ms(), "processing.delay.ms")))
                .networkGrants(true, c.ipv6());
        if (c.mqttsn_predefined_topics() != null) {
            b.mqttSnPredefinedTopics(java.util.Arrays.asList(c.mqttsn_predefined_topics()));
        }
        String nvm = c.nvm_file() == null ? "" : c.nvm_file().trim();
        if (!nvm.isEmpty()) {
            b.nvmFile(Path.of(nvm));
        }
        return b.build();
    }

    private void start(SimulatorComponentConfig config) throws IOException {
        if (!config.enabled()) {
            LOG.info("simulated module disabled by configuration");
            return;
        }
        int port = config.port();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        SimulatedModule module = new SimulatedModule(toSimulatorConfig(config));
        String bind = config.bind_address() == null ? "" : config.bind_address().trim();
        InetAddress address = bind.isEmpty() ? InetAddress.getLoopbackAddress() : InetAddress.getByName(bind);
        try {
            server = startServer(module, address, port);
        } catch (IOException | RuntimeException e) {
            module.close();
            throw e;
        }
        console = new ControlConsole(module);
        LOG.info("simulated {} on tcp://{}:{}", module.model(), address.getHostAddress(), server.port());
    }

    /**
     * Binds the port, retrying for a few seconds when it is taken: after a restart on the same port a modem
     * service retrying its connection may briefly hold it (a TCP connect to a free port of the ephemeral range can
     * meet itself before the client notices and closes it).
     */
    private static SimulatorTcpServer startServer(SimulatedModule module, InetAddress address, int port)
            throws IOException {
        long deadline = System.nanoTime() + BIND_RETRY.toNanos();
        while (true) {
            try {
                return SimulatorTcpServer.start(module, address, port);
            } catch (BindException e) {
                if (port == 0 || System.nanoTime() > deadline) {
                    throw e;
                }
                LOG.info("port {} is taken ({}), retrying", port, e.getMessage());
                try {
                    Thread.sleep(100);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void stop() {
        console = null;
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static int nonNegative(int v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + v);
        }
        return v;
    }
}
