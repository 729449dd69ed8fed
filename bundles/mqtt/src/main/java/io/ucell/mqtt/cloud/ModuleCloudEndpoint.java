package io.ucell.mqtt.cloud;

import io.ucell.mqtt.at.MqttAt;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.kura.KuraConnectException;
import org.eclipse.kura.KuraDisconnectException;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.KuraNotConnectedException;
import org.eclipse.kura.cloudconnection.CloudConnectionManager;
import org.eclipse.kura.cloudconnection.CloudEndpoint;
import org.eclipse.kura.cloudconnection.listener.CloudConnectionListener;
import org.eclipse.kura.cloudconnection.listener.CloudDeliveryListener;
import org.eclipse.kura.cloudconnection.message.KuraMessage;
import org.eclipse.kura.cloudconnection.subscriber.listener.CloudSubscriberListener;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.data.DataService;
import org.eclipse.kura.data.DataTransportService;
import org.eclipse.kura.data.DataTransportToken;
import org.eclipse.kura.data.listener.DataServiceListener;
import org.eclipse.kura.data.transport.listener.DataTransportListener;
import org.eclipse.kura.message.KuraPayload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud connection: a raw MQTT {@link CloudEndpoint} and {@link CloudConnectionManager} on the module's
 * client. With Kura's DataService in the stack every publish goes through it (store-and-forward, priorities,
 * confirmations by message id); without it (the standalone runtime) the endpoint works straight on the
 * {@link DataTransportService} and keeps it connected itself.
 * <p>
 * Message properties, as Kura's raw MQTT connection uses them: {@code topic} (with {@code #account-name} and
 * {@code #client-id} expanded), {@code qos}, {@code retain}, {@code priority}. Only the payload's body goes on the
 * wire. Subscribers register with {@code topic.filter} and {@code qos}; received messages carry {@code topic},
 * {@code qos} and {@code retain}.
 */
@Component(configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = CloudPids.ENDPOINT_FACTORY,
        service = {CloudEndpoint.class, CloudConnectionManager.class, ConfigurableComponent.class})
@Designate(ocd = CloudEndpointConfig.class, factory = true)
public final class ModuleCloudEndpoint implements CloudEndpoint, CloudConnectionManager, ConfigurableComponent {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleCloudEndpoint.class);
    public static final String TOPIC = "topic";
    public static final String QOS = "qos";
    public static final String RETAIN = "retain";
    public static final String PRIORITY = "priority";
    public static final String TOPIC_FILTER = "topic.filter";

    private volatile DataService dataService;
    private volatile DataTransportService transport;
    private volatile boolean connectOnStart = true;
    private volatile boolean active;

    private record Subscription(String filter, int qos) {
    }

    private final Map<CloudSubscriberListener, Subscription> subscribers = new LinkedHashMap<>();
    private final List<CloudDeliveryListener> deliveryListeners = new CopyOnWriteArrayList<>();
    private final List<CloudConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    /** Transport tokens of publishes made straight on the transport, to their message ids. */
    private final Map<DataTransportToken, String> pendingTokens = new ConcurrentHashMap<>();
    private ScheduledExecutorService keeper;

    private final DataServiceListener dataServiceListener = new DataServiceListener() {
        @Override
        public void onConnectionEstablished() {
            connectionEstablished();
        }

        @Override
        public void onDisconnecting() {
        }

        @Override
        public void onDisconnected() {
            eachConnectionListener(CloudConnectionListener::onDisconnected);
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            eachConnectionListener(CloudConnectionListener::onConnectionLost);
        }

        @Override
        public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained) {
            dispatch(topic, payload, qos, retained);
        }

        @Override
        public void onMessagePublished(int messageId, String topic) {
        }

        @Override
        public void onMessageConfirmed(int messageId, String topic) {
            eachDeliveryListener(l -> l.onMessageConfirmed(String.valueOf(messageId)));
        }
    };

    /** Used only when there is no DataService. */
    private final DataTransportListener transportListener = new DataTransportListener() {
        @Override
        public void onConnectionEstablished(boolean newSession) {
            if (dataService == null) {
                connectionEstablished();
            }
        }

        @Override
        public void onDisconnecting() {
        }

        @Override
        public void onDisconnected() {
            if (dataService == null) {
                eachConnectionListener(CloudConnectionListener::onDisconnected);
            }
        }

        @Override
        public void onConfigurationUpdating(boolean wasConnected) {
        }

        @Override
        public void onConfigurationUpdated(boolean wasConnected) {
        }

        @Override
        public void onConnectionLost(Throwable cause) {
            if (dataService == null) {
                eachConnectionListener(CloudConnectionListener::onConnectionLost);
            }
        }

        @Override
        public void onMessageArrived(String topic, byte[] payload, int qos, boolean retained) {
            if (dataService == null) {
                dispatch(topic, payload, qos, retained);
            }
        }

        @Override
        public void onMessageConfirmed(DataTransportToken token) {
            String id;
            synchronized (pendingTokens) {
                // publish() records the token under this lock before the sender can report it
                id = pendingTokens.remove(token);
            }
            if (id != null) {
                eachDeliveryListener(l -> l.onMessageConfirmed(id));
            }
        }
    };

    public ModuleCloudEndpoint() {
    }

    /** For use without OSGi (tests, embedding): straight on a transport, or on a DataService when given. */
    public ModuleCloudEndpoint(DataTransportService transport, DataService dataService, boolean connectOnStart) {
        this.connectOnStart = connectOnStart;
        if (dataService != null) {
            setDataService(dataService);
        }
        setDataTransportService(transport);
        start();
    }

    @Reference(name = "DataService", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDataService(DataService ds) {
        this.dataService = ds;
        ds.addDataServiceListener(dataServiceListener);
    }

    void unsetDataService(DataService ds) {
        ds.removeDataServiceListener(dataServiceListener);
        if (this.dataService == ds) {
            this.dataService = null;
        }
    }

    @Reference(name = "DataTransportService", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setDataTransportService(DataTransportService t) {
        this.transport = t;
        t.addDataTransportListener(transportListener);
        if (active && dataService == null && t.isConnected()) {
            connectionEstablished();
        }
    }

    void unsetDataTransportService(DataTransportService t) {
        t.removeDataTransportListener(transportListener);
        if (this.transport == t) {
            this.transport = null;
        }
    }

    @Activate
    void activate(CloudEndpointConfig config) {
        connectOnStart = config.connect_on_start();
        start();
    }

    @Modified
    void modified(CloudEndpointConfig config) {
        connectOnStart = config.connect_on_start();
    }

    private void start() {
        active = true;
        keeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ucell-mqtt-cloud-endpoint");
            t.setDaemon(true);
            return t;
        });
        // without Kura's DataService nobody else connects the transport (the module's client then keeps the
        // session up by itself); retried until the module has data and the broker answers
        keeper.scheduleWithFixedDelay(() -> {
            DataTransportService t = transport;
            if (connectOnStart && dataService == null && t != null && !t.isConnected()) {
                try {
                    t.connect();
                } catch (KuraException | RuntimeException e) {
                    LOG.debug("cloud endpoint: not connected yet: {}", e.getMessage());
                }
            }
        }, 0, 5, TimeUnit.SECONDS);
    }

    @Deactivate
    public void deactivate() {
        active = false;
        keeper.shutdownNow();
    }

    // ------------------------------------------------------------------ CloudEndpoint

    @Override
    public String publish(KuraMessage message) throws KuraException {
        Map<String, Object> p = message.getProperties();
        Object topicProperty = p.get(TOPIC);
        if (!(topicProperty instanceof String) || ((String) topicProperty).isEmpty()) {
            throw new KuraException(KuraErrorCode.INVALID_PARAMETER, "the message has no 'topic' property");
        }
        String topic = expand((String) topicProperty);
        int qos = intProperty(p, QOS, 0);
        boolean retain = Boolean.TRUE.equals(p.get(RETAIN)) || "true".equals(String.valueOf(p.get(RETAIN)));
        int priority = intProperty(p, PRIORITY, 7);
        KuraPayload payload = message.getPayload();
        byte[] body = payload == null || payload.getBody() == null ? new byte[0] : payload.getBody();
        DataService ds = dataService;
        if (ds != null) {
            int id = ds.publish(topic, body, qos, retain, priority);
            return qos > 0 ? String.valueOf(id) : null;
        }
        DataTransportService t = transport;
        if (t == null) {
            throw new KuraNotConnectedException("no DataService and no data transport bound");
        }
        synchronized (pendingTokens) {
            DataTransportToken token = t.publish(topic, body, qos, retain);
            if (token == null) {
                return null;
            }
            String id = String.valueOf(token.getMessageId());
            pendingTokens.put(token, id);
            return id;
        }
    }

    @Override
    public void registerSubscriber(Map<String, Object> subscriptionProperties, CloudSubscriberListener listener) {
        Object f = subscriptionProperties.get(TOPIC_FILTER);
        if (!(f instanceof String) || ((String) f).isEmpty()) {
            throw new IllegalArgumentException("subscription properties need 'topic.filter'");
        }
        Subscription s = new Subscription((String) f, intProperty(subscriptionProperties, QOS, 0));
        synchronized (subscribers) {
            subscribers.put(listener, s);
        }
        if (isConnected()) {
            subscribe(s);
        }
    }

    @Override
    public void unregisterSubscriber(CloudSubscriberListener listener) {
        Subscription s;
        boolean stillUsed;
        synchronized (subscribers) {
            s = subscribers.remove(listener);
            stillUsed = s != null && subscribers.values().stream().anyMatch(o -> o.filter().equals(s.filter()));
        }
        if (s != null && !stillUsed && isConnected()) {
            try {
                String filter = expand(s.filter());
                DataService ds = dataService;
                if (ds != null) {
                    ds.unsubscribe(filter);
                } else if (transport != null) {
                    transport.unsubscribe(filter);
                }
            } catch (KuraException | RuntimeException e) {
                LOG.warn("cloud endpoint: unsubscribe from {} failed: {}", s.filter(), e.getMessage());
            }
        }
    }

    @Override
    public Map<String, String> getInfo() {
        Map<String, String> info = new HashMap<>();
        DataTransportService t = transport;
        if (t != null) {
            info.put("Broker URL", t.getBrokerUrl());
            info.put("Account", t.getAccountName());
            info.put("Client ID", String.valueOf(t.getClientId()));
            info.put("Username", t.getUsername());
        }
        info.put("Store-and-forward", dataService != null ? "Kura DataService" : "none (straight on the module's client)");
        return info;
    }

    @Override
    public void registerCloudDeliveryListener(CloudDeliveryListener l) {
        deliveryListeners.add(l);
    }

    @Override
    public void unregisterCloudDeliveryListener(CloudDeliveryListener l) {
        deliveryListeners.remove(l);
    }

    // ------------------------------------------------------------------ CloudConnectionManager

    @Override
    public void connect() throws KuraConnectException {
        DataService ds = dataService;
        if (ds != null) {
            ds.connect();
            return;
        }
        DataTransportService t = transport;
        if (t == null) {
            throw new KuraConnectException("no DataService and no data transport bound");
        }
        t.connect();
    }

    @Override
    public void disconnect() throws KuraDisconnectException {
        DataService ds = dataService;
        if (ds != null) {
            ds.disconnect(10_000);
        } else if (transport != null) {
            transport.disconnect(10_000);
        }
    }

    @Override
    public boolean isConnected() {
        DataService ds = dataService;
        if (ds != null) {
            return ds.isConnected();
        }
        DataTransportService t = transport;
        return t != null && t.isConnected();
    }

    @Override
    public void registerCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.add(l);
    }

    @Override
    public void unregisterCloudConnectionListener(CloudConnectionListener l) {
        connectionListeners.remove(l);
    }

    // ------------------------------------------------------------------ internals

    private void connectionEstablished() {
        List<Subscription> all;
        synchronized (subscribers) {
            all = subscribers.values().stream().distinct().toList();
        }
        for (Subscription s : all) {
            subscribe(s);
        }
        eachConnectionListener(CloudConnectionListener::onConnectionEstablished);
    }

    private void subscribe(Subscription s) {
        try {
            String filter = expand(s.filter());
            DataService ds = dataService;
            if (ds != null) {
                ds.subscribe(filter, s.qos());
            } else if (transport != null) {
                transport.subscribe(filter, s.qos());
            }
        } catch (KuraException | RuntimeException e) {
            LOG.warn("cloud endpoint: subscribe to {} failed (retried at the next connection): {}", s.filter(),
                    e.getMessage());
        }
    }

    private void dispatch(String topic, byte[] payload, int qos, boolean retained) {
        Map<CloudSubscriberListener, Subscription> copy;
        synchronized (subscribers) {
            copy = new LinkedHashMap<>(subscribers);
        }
        for (Map.Entry<CloudSubscriberListener, Subscription> e : copy.entrySet()) {
            String filter;
            try {
                filter = expand(e.getValue().filter());
            } catch (RuntimeException unknown) {
                continue;
            }
            if (MqttAt.matches(filter, topic)) {
                KuraPayload p = new KuraPayload();
                p.setBody(payload.clone());
                Map<String, Object> props = new HashMap<>();
                props.put(TOPIC, topic);
                props.put(QOS, qos);
                props.put(RETAIN, retained);
                try {
                    e.getKey().onMessageArrived(new KuraMessage(p, props));
                } catch (RuntimeException ex) {
                    LOG.warn("cloud endpoint: subscriber failed", ex);
                }
            }
        }
    }

    /** Expands #account-name and #client-id with the transport's values. */
    String expand(String topic) {
        DataTransportService t = transport;
        return TopicVariables.expand(topic, t == null ? null : t.getAccountName(), t == null ? null : t.getClientId());
    }

    private static int intProperty(Map<String, Object> p, String key, int dflt) {
        Object v = p.get(key);
        if (v instanceof Number) {
            return ((Number) v).intValue();
        }
        if (v instanceof String) {
            try {
                return Integer.parseInt(((String) v).trim());
            } catch (NumberFormatException e) {
                return dflt;
            }
        }
        return dflt;
    }

    private void eachConnectionListener(Consumer<CloudConnectionListener> call) {
        for (CloudConnectionListener l : connectionListeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("cloud endpoint: connection listener failed", e);
            }
        }
    }

    private void eachDeliveryListener(Consumer<CloudDeliveryListener> call) {
        for (CloudDeliveryListener l : deliveryListeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("cloud endpoint: delivery listener failed", e);
            }
        }
    }
}
