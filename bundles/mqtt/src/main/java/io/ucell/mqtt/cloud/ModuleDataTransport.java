package io.ucell.mqtt.cloud;

import io.ucell.mqtt.MqttConnectionListener;
import io.ucell.mqtt.MqttException;
import io.ucell.mqtt.MqttMessage;
import io.ucell.mqtt.MqttMessageListener;
import io.ucell.mqtt.MqttNotConnectedException;
import io.ucell.mqtt.MqttService;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.KuraTimeoutException;
import org.eclipse.kura.KuraTooManyInflightMessagesException;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.data.DataTransportService;
import org.eclipse.kura.data.DataTransportToken;
import org.eclipse.kura.data.transport.listener.DataTransportListener;
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
 * Kura's {@link DataTransportService} on the module's MQTT client, for Kura's DataService (store-and-forward,
 * reconnect policy, throttling) to sit on, as it sits on Kura's own Paho transport.
 * <p>
 * Publishing: publish() checks the session, queues the message and returns at once, with a token for QoS 1 and
 * 2 (null for QoS 0, as Kura's transport does). A single sender thread hands the messages to the module in
 * order; a token is confirmed ({@link DataTransportListener#onMessageConfirmed}) only once the module reported
 * the publish done (+UUMQTTC: 2,1, i.e. the broker's PUBACK for QoS 1). A publish the module could not do is
 * never confirmed: Kura's DataService keeps such a message in flight and republishes it on the next session.
 */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = CloudPids.TRANSPORT_FACTORY,
        service = {DataTransportService.class, ConfigurableComponent.class})
@Designate(ocd = DataTransportConfig.class, factory = true)
public final class ModuleDataTransport implements DataTransportService, ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleDataTransport.class);

    @Reference
    private MqttService mqtt;

    private final List<DataTransportListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger messageIds = new AtomicInteger();
    private volatile String accountName = "account-name";
    private volatile int maxInflight = 100;
    /** A new one per connection, as Kura's transport does (the DataService matches tokens per session). */
    private volatile String sessionId = UUID.randomUUID().toString();
    private ExecutorService sender;
    private final MqttMessageListener messageListener = this::messageArrived;
    private final MqttConnectionListener connectionListener = new MqttConnectionListener() {
        @Override
        public void connected(boolean reconnect) {
            sessionId = UUID.randomUUID().toString();
            each(l -> l.onConnectionEstablished(true));
        }

        @Override
        public void connectionLost(String reason) {
            each(l -> l.onConnectionLost(new KuraNotConnectedException(reason)));
        }
    };

    public ModuleDataTransport() {
    }

    /** For use without OSGi (tests, embedding). */
    public ModuleDataTransport(MqttService mqtt, String accountName) {
        this.mqtt = mqtt;
        this.accountName = accountName;
        start();
    }

    @Activate
    void activate(DataTransportConfig config) {
        apply(config);
        start();
    }

    @Modified
    void modified(DataTransportConfig config) {
        boolean was = isConnected();
        each(l -> l.onConfigurationUpdating(was));
        apply(config);
        each(l -> l.onConfigurationUpdated(was));
    }

    private void apply(DataTransportConfig config) {
        String name = config.topic_context_account$_$name();
        accountName = name == null ? "" : name.trim();
        maxInflight = Math.max(1, config.max_inflight());
    }

    private void start() {
        sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "ucell-mqtt-transport-sender");
            t.setDaemon(true);
            return t;
        });
        mqtt.addMessageListener(messageListener);
        mqtt.addConnectionListener(connectionListener);
    }

    @Deactivate
    public void deactivate() {
        mqtt.removeMessageListener(messageListener);
        mqtt.removeConnectionListener(connectionListener);
        sender.shutdownNow();
    }

    @Override
    public void connect() throws KuraConnectException {
        if (mqtt.isConnected()) {
            return; // already up (the module has one session; another user may have connected it)
        }
        try {
            mqtt.connect(); // the connection listener reports onConnectionEstablished
        } catch (MqttException e) {
            throw new KuraConnectException(e, e.getMessage());
        }
    }

    @Override
    public boolean isConnected() {
        return mqtt.isConnected();
    }

    @Override
    public String getBrokerUrl() {
        return mqtt.brokerUrl();
    }

    @Override
    public String getAccountName() {
        return accountName;
    }

    @Override
    public String getUsername() {
        return mqtt.userName();
    }

    @Override
    public String getClientId() {
        return mqtt.clientId();
    }

    @Override
    public void disconnect(long quiesceTimeout) {
        each(DataTransportListener::onDisconnecting);
        // let queued publishes reach the module, up to the quiesce timeout
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, quiesceTimeout));
        while (queued() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try {
            mqtt.disconnect();
        } catch (MqttException e) {
            LOG.warn("MQTT transport: disconnect failed: {}", e.getMessage());
        }
        each(DataTransportListener::onDisconnected);
    }

    @Override
    public void subscribe(String topic, int qos) throws KuraTimeoutException, KuraException, KuraNotConnectedException {
        try {
            mqtt.subscribe(topic, qos, null); // messages come through the message listener
        } catch (MqttNotConnectedException e) {
            throw new KuraNotConnectedException(e, e.getMessage());
        } catch (MqttException e) {
            throw kura(e);
        }
    }

    @Override
    public void unsubscribe(String topic) throws KuraTimeoutException, KuraException, KuraNotConnectedException {
        try {
            mqtt.unsubscribe(topic);
        } catch (MqttNotConnectedException e) {
            throw new KuraNotConnectedException(e, e.getMessage());
        } catch (MqttException e) {
            throw kura(e);
        }
    }

    @Override
    public DataTransportToken publish(String topic, byte[] payload, int qos, boolean retain)
            throws KuraTooManyInflightMessagesException, KuraException, KuraNotConnectedException {
        if (!mqtt.isConnected()) {
            throw new KuraNotConnectedException("the module's MQTT client is not connected to " + mqtt.brokerUrl());
        }
        if (queued() >= maxInflight) {
            throw new KuraTooManyInflightMessagesException(maxInflight + " messages queued for the module");
        }
        DataTransportToken token = qos > 0 ? new DataTransportToken(nextMessageId(), sessionId) : null;
        byte[] copy = payload == null ? new byte[0] : payload.clone();
        sender.execute(() -> send(topic, copy, qos, retain, token));
        return token;
    }

    private void send(String topic, byte[] payload, int qos, boolean retain, DataTransportToken token) {
        try {
            mqtt.publish(topic, payload, qos, retain);
        } catch (MqttException | RuntimeException e) {
            // not confirmed: Kura's DataService republishes in-flight messages on the next session
            LOG.warn("MQTT transport: publish to {} (QoS {}) not done: {}", topic, qos, e.getMessage());
            return;
        }
        if (token != null) {
            each(l -> l.onMessageConfirmed(token));
        }
    }

    private int nextMessageId() {
        // MQTT packet ids are 1-65535; Kura matches (id, session)
        return messageIds.updateAndGet(i -> i >= 65535 ? 1 : i + 1);
    }

    private int queued() {
        return ((ThreadPoolExecutor) sender).getQueue().size() + ((ThreadPoolExecutor) sender).getActiveCount();
    }

    private void messageArrived(MqttMessage m) {
        // the module does not say whether a message was retained
        each(l -> l.onMessageArrived(m.topic(), m.payload(), m.qos(), false));
    }

    @Override
    public void addDataTransportListener(DataTransportListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeDataTransportListener(DataTransportListener listener) {
        listeners.remove(listener);
    }

    private void each(Consumer<DataTransportListener> call) {
        for (DataTransportListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("MQTT transport: listener failed", e);
            }
        }
    }

    private static KuraException kura(MqttException e) {
        return e.getMessage() != null && e.getMessage().contains("no +UUMQTTC")
                ? new KuraTimeoutException(e, e.getMessage())
                : new KuraException(org.eclipse.kura.KuraErrorCode.CONNECTION_FAILED, e, e.getMessage());
    }
}
