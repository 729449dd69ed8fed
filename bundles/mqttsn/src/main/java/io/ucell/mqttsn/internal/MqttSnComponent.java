package io.ucell.mqttsn.internal;

import io.ucell.modem.ModemService;
import io.ucell.mqttsn.MqttSnConnectionListener;
import io.ucell.mqttsn.MqttSnException;
import io.ucell.mqttsn.MqttSnMessageListener;
import io.ucell.mqttsn.MqttSnPreset;
import io.ucell.mqttsn.MqttSnQos;
import io.ucell.mqttsn.MqttSnService;
import io.ucell.mqttsn.MqttSnSettings;
import io.ucell.mqttsn.MqttSnSubscription;
import io.ucell.mqttsn.MqttSnTopic;
import io.ucell.mqttsn.MqttSnWill;
import io.ucell.mqttsn.client.MqttSnClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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

/**
 * The MQTT-SN client as a Kura-configurable DS component and an {@link MqttSnService}; the work is in
 * {@link MqttSnClient}. With "connect" set it keeps a session up: connects when a configuration is applied and again
 * (after 5 s, doubling up to 2 min) when the module reports the session lost.
 */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = MqttSnComponent.PID,
        service = {MqttSnService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + MqttSnComponent.PID)
@Designate(ocd = MqttSnConfig.class)
public final class MqttSnComponent implements MqttSnService, ConfigurableComponent {
    public static final String PID = "io.ucell.mqttsn";
    private static final Logger LOG = LoggerFactory.getLogger(MqttSnComponent.class);
    private static final Duration RETRY_FIRST = Duration.ofSeconds(5);
    private static final Duration RETRY_CAP = Duration.ofMinutes(2);

    @Reference
    private ModemService modem;

    private volatile MqttSnClient client;
    private volatile String configError;
    /** A valid configuration has been applied (a refused one later leaves it in force). */
    private volatile boolean configured;
    private volatile boolean keepConnected;
    private volatile Duration retry = RETRY_FIRST;
    private final ScheduledExecutorService keeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ucell-mqttsn-keeper");
        t.setDaemon(true);
        return t;
    });
    private final MqttSnConnectionListener lost = reason -> {
        if (keepConnected) {
            schedule(retry);
        }
    };

    @Activate
    void activate(MqttSnConfig config) {
        List<String> errors = problems(config);
        if (!errors.isEmpty()) {
            // refused: operations fail with the reason until a valid configuration arrives
            configError = String.join("; ", errors);
            LOG.error("MQTT-SN configuration refused: {}", configError);
            client = new MqttSnClient(modem, MqttSnSettings.defaults());
            client.addConnectionListener(lost);
            return;
        }
        configError = null;
        configured = true;
        client = new MqttSnClient(modem, toSettings(config));
        client.addConnectionListener(lost);
        keepConnected = config.connect();
        if (keepConnected) {
            schedule(Duration.ZERO);
        }
    }

    @Modified
    void modified(MqttSnConfig config) {
        List<String> errors = problems(config);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("MQTT-SN configuration refused, the previous one stays: {}", configError);
            return;
        }
        configError = null;
        configured = true;
        MqttSnSettings s = toSettings(config);
        boolean changed = !s.equals(client.settings());
        client.update(s);
        keepConnected = config.connect();
        keeper.execute(() -> {
            try {
                if (client.isConnected() && (changed || !keepConnected)) {
                    client.disconnect(); // the new profile is written by the next connect
                }
            } catch (MqttSnException | RuntimeException e) {
                LOG.warn("MQTT-SN disconnect failed: {}", e.getMessage());
            }
        });
        if (keepConnected) {
            schedule(Duration.ZERO);
        }
    }

    @Deactivate
    void deactivate() {
        keepConnected = false;
        keeper.shutdownNow();
        client.close();
    }

    private void schedule(Duration delay) {
        try {
            keeper.schedule(this::keepUp, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) {
            // deactivated
        }
    }

    private void keepUp() {
        if (!keepConnected || client.isConnected()) {
            return;
        }
        try {
            client.connect();
            retry = RETRY_FIRST;
        } catch (MqttSnException | RuntimeException e) {
            LOG.warn("MQTT-SN connect failed, next try in {} s: {}", retry.toSeconds(), e.getMessage());
            Duration next = retry;
            retry = retry.multipliedBy(2).compareTo(RETRY_CAP) > 0 ? RETRY_CAP : retry.multipliedBy(2);
            schedule(next);
        }
    }

    static MqttSnPreset preset(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('_', '.').replace('-', '.');
        switch (v) {
            case "":
            case "none":
                return MqttSnPreset.NONE;
            case "mqtt.anywhere":
            case "anywhere":
                return MqttSnPreset.MQTT_ANYWHERE;
            case "mqtt.flex":
            case "flex":
                return MqttSnPreset.MQTT_FLEX;
            default:
                return null;
        }
    }

    /** Config to settings; problems are in {@link #problems(MqttSnConfig)}. */
    static MqttSnSettings toSettings(MqttSnConfig c) {
        MqttSnWill will = null;
        if (c.will_topic() != null && !c.will_topic().isBlank()) {
            try {
                will = new MqttSnWill(c.will_topic().trim(), c.will_message() == null ? "" : c.will_message(),
                        MqttSnQos.of(c.will_qos()), c.will_retain());
            } catch (IllegalArgumentException e) {
                will = null;
            }
        }
        MqttSnPreset preset = preset(c.preset());
        return new MqttSnSettings(c.client_id(), c.gateway_host(), c.gateway_port(), c.duration(), c.clean_session(), will,
                c.secure() ? c.security_profile() : -1, c.pdp_cid(), c.pdp_ip_type(),
                preset == null ? MqttSnPreset.NONE : preset, c.flex_certificate(), c.flex_key(),
                Duration.ofSeconds(Math.max(1, c.response_timeout())));
    }

    /** Everything wrong with a configuration, independent of the module (empty when valid). */
    static List<String> problems(MqttSnConfig c) {
        List<String> errors = new ArrayList<>();
        if (preset(c.preset()) == null) {
            errors.add("unknown preset '" + c.preset() + "' (none, mqtt.anywhere, mqtt.flex)");
        }
        if (c.will_topic() != null && !c.will_topic().isBlank()) {
            try {
                new MqttSnWill(c.will_topic().trim(), c.will_message() == null ? "" : c.will_message(),
                        MqttSnQos.of(c.will_qos()), c.will_retain());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        }
        if (c.secure() && (c.security_profile() < 0 || c.security_profile() > 4)) {
            errors.add("security profile must be 0-4");
        }
        if (c.response_timeout() <= 0) {
            errors.add("response timeout must be positive");
        }
        if (c.connect() && (c.gateway_host() == null || c.gateway_host().isBlank())
                && preset(c.preset()) != MqttSnPreset.MQTT_FLEX) {
            errors.add("connect needs a gateway");
        }
        toSettings(c).validate().stream().filter(e -> !errors.contains(e)).forEach(errors::add);
        return errors;
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    private MqttSnClient ready() throws MqttSnException {
        String err = configError;
        if (err != null && !configured) {
            throw new MqttSnException("MQTT-SN configuration refused: " + err);
        }
        return client;
    }

    @Override
    public void connect() throws MqttSnException {
        ready().connect();
    }

    @Override
    public void disconnect() throws MqttSnException {
        ready().disconnect();
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public int register(String topicName) throws MqttSnException {
        return ready().register(topicName);
    }

    @Override
    public void publish(MqttSnTopic topic, byte[] payload, MqttSnQos qos, boolean retain) throws MqttSnException {
        ready().publish(topic, payload, qos, retain);
    }

    @Override
    public MqttSnSubscription subscribe(MqttSnTopic topic, MqttSnQos qos, MqttSnMessageListener listener)
            throws MqttSnException {
        return ready().subscribe(topic, qos, listener);
    }

    @Override
    public void unsubscribe(MqttSnTopic topic) throws MqttSnException {
        ready().unsubscribe(topic);
    }

    @Override
    public void updateWill(MqttSnWill will) throws MqttSnException {
        ready().updateWill(will);
    }

    @Override
    public void storeProfile() throws MqttSnException {
        ready().storeProfile();
    }

    @Override
    public void restoreProfile() throws MqttSnException {
        ready().restoreProfile();
    }

    @Override
    public void addMessageListener(MqttSnMessageListener listener) {
        client.addMessageListener(listener);
    }

    @Override
    public void removeMessageListener(MqttSnMessageListener listener) {
        client.removeMessageListener(listener);
    }

    @Override
    public void addConnectionListener(MqttSnConnectionListener listener) {
        client.addConnectionListener(listener);
    }

    @Override
    public void removeConnectionListener(MqttSnConnectionListener listener) {
        client.removeConnectionListener(listener);
    }
}
