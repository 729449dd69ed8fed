package io.ucell.mqtt.demo;

import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.SignalQuality;
import io.ucell.mqtt.MqttException;
import io.ucell.mqtt.MqttMessage;
import io.ucell.mqtt.MqttService;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The standalone runtime's end-to-end demo: every few seconds the module's signal quality (+CSQ/+CESQ through
 * the modem service) goes out through the module's MQTT client to {@code ucell/<client id>/signal}; the demo
 * subscribes to {@code ucell/<client id>/#}, so the same message comes back from the broker through the module
 * and is logged, as is anything another client publishes there.
 */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.OPTIONAL, configurationPid = SignalDemo.PID)
@Designate(ocd = SignalDemoConfig.class)
public final class SignalDemo {
    public static final String PID = "io.ucell.mqtt.demo";
    private static final Logger LOG = LoggerFactory.getLogger(SignalDemo.class);

    @Reference
    private ModemService modem;

    @Reference
    private MqttService mqtt;

    private ScheduledExecutorService timer;
    private volatile String subscribed;
    private volatile SignalDemoConfig config;

    @Activate
    @Modified
    synchronized void configure(SignalDemoConfig c) {
        stop();
        config = c;
        if (!c.enabled()) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ucell-mqtt-demo");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::tick, c.interval(), c.interval(), TimeUnit.SECONDS);
        LOG.info("MQTT demo: publishing the signal quality every {} s once the module is connected", c.interval());
    }

    @Deactivate
    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    private void tick() {
        try {
            if (modem.status().state() != ModemState.DATA_ACTIVE || !mqtt.isConnected()) {
                return; // the MQTT component connects and reconnects by itself
            }
            String base = "ucell/" + mqtt.clientId();
            if (!(base + "/#").equals(subscribed) || !mqtt.subscriptions().contains(base + "/#")) {
                mqtt.subscribe(base + "/#", 1, this::received);
                subscribed = base + "/#";
                LOG.info("MQTT demo: subscribed to {}/#", base);
            }
            ModemStatus s = modem.refreshStatus();
            String json = json(s.signal(), s.rat());
            mqtt.publish(base + "/signal", json.getBytes(StandardCharsets.UTF_8), config.qos(), false);
            LOG.info("MQTT demo: published {} to {}/signal", json, base);
        } catch (MqttException | RuntimeException e) {
            LOG.info("MQTT demo: {}", e.getMessage());
        }
    }

    private void received(MqttMessage m) {
        LOG.info("MQTT demo: received on {} (QoS {}): {}", m.topic(), m.qos(), new String(m.payload(), StandardCharsets.UTF_8));
    }

    static String json(SignalQuality q, String rat) {
        StringBuilder sb = new StringBuilder("{\"time\":").append(System.currentTimeMillis());
        if (q != null) {
            field(sb, "csq", q.csq());
            field(sb, "rssi", q.rssiDbm());
            field(sb, "rsrp", q.rsrpDbm());
            field(sb, "rsrq", q.rsrqDb());
        }
        if (rat != null) {
            sb.append(",\"rat\":\"").append(rat.replace("\"", "")).append('"');
        }
        return sb.append('}').toString();
    }

    private static void field(StringBuilder sb, String name, Object value) {
        if (value != null) {
            sb.append(",\"").append(name).append("\":").append(value);
        }
    }
}
