package io.ucell.broker;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.util.Properties;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An MQTT broker (Moquette) for the standalone runtime, so that the simulated module's MQTT client has a real
 * broker to talk to out of the box: in memory, no persistence, no telemetry, loopback only by default.
 */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL, configurationPid = EmbeddedBroker.PID,
        service = EmbeddedBroker.class)
@Designate(ocd = BrokerConfig.class)
public final class EmbeddedBroker {
    public static final String PID = "io.ucell.broker";
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private Server server;

    @Activate
    @Modified
    synchronized void configure(BrokerConfig config) {
        stop();
        if (!config.enabled()) {
            LOG.info("embedded MQTT broker disabled");
            return;
        }
        Properties p = new Properties();
        p.setProperty("host", config.host());
        p.setProperty("port", Integer.toString(config.port()));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", Boolean.toString(config.allow_anonymous()));
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        p.setProperty("immediate_buffer_flush", "true");
        Server s = new Server();
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try {
            // Moquette and netty look some classes up through the context class loader
            Thread.currentThread().setContextClassLoader(EmbeddedBroker.class.getClassLoader());
            s.startServer(new MemoryConfig(p));
            server = s;
            LOG.info("embedded MQTT broker listening on {}:{}", config.host(), config.port());
        } catch (Exception | LinkageError e) {
            LOG.error("embedded MQTT broker did not start on {}:{}: {}", config.host(), config.port(), e.toString());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Deactivate
    synchronized void stop() {
        if (server != null) {
            server.stopServer();
            server = null;
        }
    }
}
