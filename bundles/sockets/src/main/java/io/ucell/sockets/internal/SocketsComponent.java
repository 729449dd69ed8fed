package io.ucell.sockets.internal;

import io.ucell.modem.ModemService;
import io.ucell.sockets.ModuleSockets;
import io.ucell.sockets.SocketOptions;
import io.ucell.sockets.TcpServer;
import io.ucell.sockets.TcpSocket;
import io.ucell.sockets.UdpSocket;
import io.ucell.sockets.WriteMode;
import io.ucell.sockets.client.SocketStack;
import io.ucell.sockets.client.StackSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.SocketFactory;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The socket client as a Kura-configurable DS component and the {@link ModuleSockets} service; the work is in {@link SocketStack}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = SocketsComponent.PID,
        service = {ModuleSockets.class, ConfigurableComponent.class}, property = "kura.service.pid=" + SocketsComponent.PID)
@Designate(ocd = SocketsConfig.class)
public final class SocketsComponent implements ModuleSockets, ConfigurableComponent {
    public static final String PID = "io.ucell.sockets";
    private static final Logger LOG = LoggerFactory.getLogger(SocketsComponent.class);
    static final int DEFAULT_BAUD = 115200;

    private ModemService modem;
    /** The modem service's "baud" property, when its configuration sets one. */
    private int modemBaud = DEFAULT_BAUD;
    private volatile SocketStack stack;
    private volatile String configError;

    @Reference
    void bindModem(ModemService m, Map<String, Object> properties) {
        this.modem = m;
        Object b = properties.get("baud");
        if (b instanceof Number n && n.intValue() > 0) {
            modemBaud = n.intValue();
        } else if (b instanceof String s && s.matches("\\d{3,7}")) {
            modemBaud = Integer.parseInt(s);
        }
    }

    @Activate
    void activate(SocketsConfig config) {
        List<String> errors = problems(config);
        StackSettings s;
        if (errors.isEmpty()) {
            configError = null;
            s = toSettings(config, modemBaud);
        } else {
            // refused: the module's defaults apply until a valid configuration arrives
            configError = String.join("; ", errors);
            LOG.error("socket configuration refused, module defaults apply: {}", configError);
            s = StackSettings.defaults().withBaud(modemBaud);
        }
        stack = new SocketStack(modem, s);
    }

    @Modified
    void modified(SocketsConfig config) {
        List<String> errors = problems(config);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("socket configuration refused, the previous one stays: {}", configError);
            return;
        }
        configError = null;
        stack.update(toSettings(config, modemBaud));
    }

    @Deactivate
    void deactivate() {
        stack.close();
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    static StackSettings toSettings(SocketsConfig c, int modemBaud) {
        SocketOptions o = new SocketOptions(c.keepalive(), c.linger(), c.no_delay(), SocketOptions.NOT_SECURE);
        return new StackSettings(o, writeMode(c.write_mode()), c.baud() > 0 ? c.baud() : modemBaud,
                Duration.ofMillis(c.poll_interval()), Duration.ofSeconds(c.write_timeout()),
                Duration.ofSeconds(c.connect_timeout()));
    }

    private static WriteMode writeMode(String s) {
        return WriteMode.valueOf(s == null ? "" : s.trim().toUpperCase(Locale.ROOT));
    }

    /** Everything wrong with a configuration (empty when valid). */
    static List<String> problems(SocketsConfig c) {
        List<String> errors = new ArrayList<>();
        try {
            new SocketOptions(c.keepalive(), c.linger(), c.no_delay(), SocketOptions.NOT_SECURE);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        try {
            writeMode(c.write_mode());
        } catch (IllegalArgumentException e) {
            errors.add("write mode must be auto, binary or hex: " + c.write_mode());
        }
        if (c.baud() != 0 && (c.baud() < 300 || c.baud() > 4_000_000)) {
            errors.add("baud must be 0 (the modem's) or 300..4000000: " + c.baud());
        }
        if (c.poll_interval() < 50) {
            errors.add("poll interval must be at least 50 ms");
        }
        if (c.write_timeout() < 1 || c.connect_timeout() < 1) {
            errors.add("write and connect timeouts must be at least 1 s");
        }
        if (errors.isEmpty()) {
            errors.addAll(toSettings(c, DEFAULT_BAUD).validate());
        }
        return errors;
    }

    @Override
    public TcpSocket connect(String host, int port, SocketOptions options) throws IOException {
        return stack.connect(host, port, options);
    }

    @Override
    public TcpServer listen(int port) throws IOException {
        return stack.listen(port);
    }

    @Override
    public UdpSocket openUdp(int localPort) throws IOException {
        return stack.openUdp(localPort);
    }

    @Override
    public UdpSocket openUdp(int localPort, SocketOptions options) throws IOException {
        return stack.openUdp(localPort, options);
    }

    @Override
    public SocketOptions defaults() {
        return stack.defaults();
    }

    @Override
    public SocketFactory socketFactory() {
        return stack.socketFactory();
    }

    @Override
    public SocketFactory socketFactory(SocketOptions options) {
        return stack.socketFactory(options);
    }
}
