package io.ucell.mqtt.internal;

import io.ucell.modem.ModemService;
import io.ucell.modem.config.KuraPasswords;
import io.ucell.mqtt.MqttConnectionListener;
import io.ucell.mqtt.MqttException;
import io.ucell.mqtt.MqttMessageListener;
import io.ucell.mqtt.MqttService;
import io.ucell.mqtt.MqttWill;
import io.ucell.mqtt.client.ModuleMqttClient;
import io.ucell.mqtt.client.MqttSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The MQTT client as a Kura-configurable DS component and an {@link MqttService}; the work is in {@link ModuleMqttClient}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = MqttComponent.PID,
        service = {MqttService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + MqttComponent.PID)
@Designate(ocd = MqttConfig.class)
public final class MqttComponent implements MqttService, ConfigurableComponent {
    public static final String PID = "io.ucell.mqtt";
    private static final Logger LOG = LoggerFactory.getLogger(MqttComponent.class);

    @Reference
    private ModemService modem;

    private volatile CryptoService crypto;
    private volatile ModuleMqttClient client;
    private volatile String configError;
    private ScheduledExecutorService starter;
    /** The configuration's "connect on start", for the retry loop to stop when it is switched off. */
    private volatile boolean autoConnect;

    /** Kura's CryptoService decrypts the password Kura stores encrypted; absent in the standalone runtime. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCryptoService(CryptoService c) {
        this.crypto = c;
    }

    void unsetCryptoService(CryptoService c) {
        if (this.crypto == c) {
            this.crypto = null;
        }
    }

    @Activate
    void activate(MqttConfig config, Map<String, Object> properties) {
        MqttSettings s;
        List<String> errors = problems(config, properties);
        if (errors.isEmpty()) {
            s = toSettings(config, properties);
        } else {
            configError = String.join("; ", errors);
            LOG.error("MQTT configuration refused: {}; using the defaults", configError);
            s = MqttSettings.defaults();
        }
        client = new ModuleMqttClient(modem, s);
        starter = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ucell-mqtt-start");
            t.setDaemon(true);
            return t;
        });
        autoConnect = config.connect() && errors.isEmpty();
        if (autoConnect) {
            connectInBackground();
        }
    }

    @Modified
    void modified(MqttConfig config, Map<String, Object> properties) {
        List<String> errors = problems(config, properties);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("MQTT configuration refused, the previous one stays: {}", configError);
            return;
        }
        configError = null;
        client.update(toSettings(config, properties));
        autoConnect = config.connect();
        if (autoConnect && !client.isConnected()) {
            connectInBackground();
        }
    }

    /** Keeps trying until the module has data and the broker answers; the client reconnects by itself after that. */
    private void connectInBackground() {
        starter.execute(new Runnable() {
            @Override
            public void run() {
                if (!autoConnect || client.isConnected()) {
                    return;
                }
                try {
                    client.connect();
                } catch (MqttException | RuntimeException e) {
                    LOG.info("MQTT: not connected yet ({}), retrying in 5 s", e.getMessage());
                    starter.schedule(this, 5, TimeUnit.SECONDS);
                }
            }
        });
    }

    @Deactivate
    void deactivate() {
        starter.shutdownNow();
        client.close();
    }

    MqttSettings toSettings(MqttConfig c, Map<String, Object> properties) {
        MqttWill will = c.will_topic() == null || c.will_topic().isEmpty() ? null
                : new MqttWill(c.will_topic(), c.will_message() == null ? "" : c.will_message(), c.will_qos(), c.will_retain());
        String password = KuraPasswords.reveal(properties.get("password"), crypto);
        return new MqttSettings(c.client_id(), c.server(), c.port(), c.username(), password, c.keepalive(), c.linger(),
                c.clean_session(), will, c.secure(), c.security_profile(), c.pdp_cid(), c.pdp_ip_type(),
                Duration.ofSeconds(c.response_timeout()), Duration.ofMillis(c.reconnect_base()),
                Duration.ofMillis(c.reconnect_cap()));
    }

    /** Everything wrong with a configuration, independent of the module (empty when valid). */
    List<String> problems(MqttConfig c, Map<String, Object> properties) {
        List<String> errors = new ArrayList<>();
        try {
            errors.addAll(toSettings(c, properties).validate());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (c.response_timeout() <= 0) {
            errors.add("response timeout must be positive");
        }
        return errors;
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    @Override
    public void connect() throws MqttException {
        client.connect();
    }

    @Override
    public void disconnect() throws MqttException {
        client.disconnect();
    }

    @Override
    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        client.publish(topic, payload, qos, retain);
    }

    @Override
    public int subscribe(String topicFilter, int qos, MqttMessageListener listener) throws MqttException {
        return client.subscribe(topicFilter, qos, listener);
    }

    @Override
    public void unsubscribe(String topicFilter) throws MqttException {
        client.unsubscribe(topicFilter);
    }

    @Override
    public Set<String> subscriptions() {
        return client.subscriptions();
    }

    @Override
    public void addMessageListener(MqttMessageListener listener) {
        client.addMessageListener(listener);
    }

    @Override
    public void removeMessageListener(MqttMessageListener listener) {
        client.removeMessageListener(listener);
    }

    @Override
    public void addConnectionListener(MqttConnectionListener listener) {
        client.addConnectionListener(listener);
    }

    @Override
    public void removeConnectionListener(MqttConnectionListener listener) {
        client.removeConnectionListener(listener);
    }

    @Override
    public String clientId() {
        return client.clientId();
    }

    @Override
    public String userName() {
        return client.userName();
    }

    @Override
    public String brokerUrl() {
        return client.brokerUrl();
    }

    @Override
    public void storeProfile() throws MqttException {
        client.storeProfile();
    }

    @Override
    public void restoreProfile(boolean factory) throws MqttException {
        client.restoreProfile(factory);
    }
}
