package io.ucell.mqtt.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtErrorException;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.mqtt.MqttConnectionListener;
import io.ucell.mqtt.MqttException;
import io.ucell.mqtt.MqttMessage;
import io.ucell.mqtt.MqttMessageListener;
import io.ucell.mqtt.MqttNotConnectedException;
import io.ucell.mqtt.MqttService;
import io.ucell.mqtt.PublishMode;
import io.ucell.mqtt.at.MqttAt;
import io.ucell.mqtt.at.MqttErrors;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MqttService} over the module's +UMQTT/+UMQTTC. Operations run one at a time (a fair lock): each sends
 * its command and waits for its +UUMQTTC outcome, so an outcome always belongs to the operation waiting for it
 * (the URC carries no message id). Received messages are read (+UMQTTC=6) on their own thread as soon as
 * +UUMQTTC: 6 announces them. A connection that ends without disconnect() (+UUMQTTC: 0,&lt;not 1&gt;, or the
 * modem leaving DATA_ACTIVE) is re-established with a capped exponential backoff, and every subscription is
 * restored.
 */
public final class ModuleMqttClient implements MqttService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleMqttClient.class);
    private static final int MAX_READS_PER_DRAIN = 1000;

    private final ModemService modem;
    private volatile MqttSettings settings;
    private final ReentrantLock opLock = new ReentrantLock(true);
    private final Map<Integer, CompletableFuture<AtLine>> waiting = new ConcurrentHashMap<>();
    /** filter to (qos, listener); insertion order kept for the restore. */
    private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    private final List<MqttMessageListener> messageListeners = new CopyOnWriteArrayList<>();
    private final List<MqttConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService worker;
    private final ScheduledExecutorService reader;
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    /** Unread messages in the module, as its last +UUMQTTC: 6 said (minus what was read since). */
    private final AtomicInteger unreadHint = new AtomicInteger();
    private final AtomicInteger reconnectAttempts = new AtomicInteger();
    private final ModemListener modemListener = this::onModemStatus;
    /** The module has a broker session (what losing it is measured against). */
    private volatile boolean connected;
    /** ...and the subscriptions are restored: what isConnected() reports. */
    private volatile boolean ready;
    /** connect() was called and disconnect() was not: keep the session up. */
    private volatile boolean wanted;
    private volatile boolean closed;
    private volatile AtEngine urcEngine;
    private volatile UrcBus.Subscription urcSubscription;
    private ScheduledFuture<?> reconnectTask;

    private record Subscription(int qos, MqttMessageListener listener) {
    }

    public ModuleMqttClient(ModemService modem, MqttSettings settings) {
        this.modem = modem;
        this.settings = settings;
        this.worker = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ucell-mqtt-reconnect"));
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ucell-mqtt-read"));
        modem.addListener(modemListener);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** New settings take effect at the next connect (a connected session is reconnected with them). */
    public void update(MqttSettings s) {
        List<String> problems = s.validate();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems));
        }
        boolean reconnect = !s.equals(settings) && connected;
        settings = s;
        if (reconnect) {
            worker.execute(() -> {
                try {
                    opLock.lock();
                    try {
                        logout();
                    } finally {
                        opLock.unlock();
                    }
                    connect();
                } catch (MqttException e) {
                    LOG.warn("MQTT: reconnect with the new settings failed: {}", e.getMessage());
                    scheduleReconnect();
                }
            });
        }
    }

    public MqttSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ connect / disconnect

    @Override
    public void connect() throws MqttException {
        wanted = true;
        opLock.lock();
        try {
            if (connected) {
                return;
            }
            login(false);
        } finally {
            opLock.unlock();
        }
    }

    /** With the op lock held: profile, +UMQTTC=1, ping loop, subscriptions. */
    private void login(boolean reconnect) throws MqttException {
        MqttSettings s = settings;
        List<String> problems = s.validate();
        if (!problems.isEmpty()) {
            throw new MqttException("MQTT configuration invalid: " + String.join("; ", problems));
        }
        AtEngine at = engine();
        ModuleCapabilities caps = modem.capabilities();
        String clientId = s.clientId().isEmpty() ? imei() : s.clientId();
        if (clientId == null) {
            throw new MqttNotConnectedException("the module has not told its IMEI yet (client id)");
        }
        if (s.pdpCid() >= 0 && !caps.internalPdpMappingSupported()) {
            LOG.warn("MQTT: the {} cannot map its MQTT client to context {} (section 6.1.4); it uses the default context",
                    caps.describe(), s.pdpCid());
        }
        for (AtCommand c : MqttAt.profile(clientId, s.server(), s.serverIsIp(), s.port(), s.userName(), s.password(),
                s.keepAlive(), s.linger(), s.cleanSession(), s.will(), s.secure(), s.securityProfile(), s.pdpCid(),
                s.pdpIpType(), caps.internalPdpMappingSupported())) {
            run(at, c);
        }
        try {
            loginCommand(at);
        } catch (MqttException e) {
            if (e.errorClass() != MqttErrors.CLASS_MQTT || e.errorCode() != MqttErrors.ALREADY_CONNECTED) {
                throw e;
            }
            // the module kept a session this client had given up (a modem status blip): end it, start afresh
            LOG.info("MQTT: the module still had a session; disconnecting it first");
            logout();
            loginCommand(at);
        }
        connected = true;
        ready = false;
        reconnectAttempts.set(0);
        LOG.info("MQTT: connected to {} as {}", brokerUrl(), clientId);
        try {
            afterLogin(at, s);
        } catch (MqttException | RuntimeException e) {
            // lost again while restoring: not connected, whatever the caller does next
            connected = false;
            throw e;
        }
        ready = true;
        for (MqttConnectionListener l : connectionListeners) {
            l.connected(reconnect);
        }
    }

    /** The ping loop and the subscriptions of the previous session. */
    private void afterLogin(AtEngine at, MqttSettings s) throws MqttException {
        if (s.keepAlive() > 0) {
            try {
                run(at, MqttAt.ping(true)); // section 6.6: PINGREQ at about 80 % of the keepalive
            } catch (MqttNotConnectedException e) {
                throw e;
            } catch (MqttException e) {
                LOG.warn("MQTT: ping loop not started: {}", e.getMessage());
            }
        }
        Map<String, Subscription> restore;
        synchronized (subscriptions) {
            restore = new LinkedHashMap<>(subscriptions);
        }
        for (Map.Entry<String, Subscription> e : restore.entrySet()) {
            try {
                subscribeLocked(at, e.getKey(), e.getValue().qos());
            } catch (MqttNotConnectedException lostAgain) {
                throw lostAgain;
            } catch (MqttException refused) {
                // kept for the next session; the connection itself is up
                LOG.warn("MQTT: subscription to {} not restored: {}", e.getKey(), refused.getMessage());
            }
        }
    }

    private void loginCommand(AtEngine at) throws MqttException {
        AtLine outcome = operation(at, MqttAt.action(MqttAt.OP_LOGIN), MqttAt.OP_LOGIN);
        if (result(outcome) != 1) {
            throw moduleError(at, "connect to " + brokerUrl() + " failed");
        }
    }

    @Override
    public void disconnect() throws MqttException {
        wanted = false;
        cancelReconnect();
        opLock.lock();
        try {
            synchronized (subscriptions) {
                subscriptions.clear();
            }
            if (!connected) {
                return;
            }
            logout();
        } finally {
            opLock.unlock();
        }
        for (MqttConnectionListener l : connectionListeners) {
            l.disconnected();
        }
    }

    private void logout() throws MqttException {
        AtEngine at = engine();
        connected = false;
        try {
            operation(at, MqttAt.action(MqttAt.OP_LOGOUT), MqttAt.OP_LOGOUT);
        } catch (MqttNotConnectedException e) {
            // gone already
        }
    }

    @Override
    public boolean isConnected() {
        return connected && ready;
    }

    // ------------------------------------------------------------------ publish / subscribe

    @Override
    public void publish(String topic, byte[] payload, int qos, boolean retain) throws MqttException {
        checkTopic(topic, false);
        checkQos(qos);
        PublishMode mode = PublishMode.choose(payload);
        if (payload.length > PublishMode.BINARY_MAX) {
            throw new MqttException("payload of " + payload.length + " bytes: the module publishes at most "
                    + PublishMode.BINARY_MAX);
        }
        if (payload.length == 0 && mode != PublishMode.TEXT) {
            mode = PublishMode.TEXT;
        }
        opLock.lock();
        try {
            requireConnected();
            AtEngine at = engine();
            AtLine outcome = operation(at, MqttAt.publish(topic, payload, qos, retain, mode), MqttAt.OP_PUBLISH);
            if (result(outcome) != 1) {
                throw moduleError(at, "publish to " + topic + " failed");
            }
        } finally {
            opLock.unlock();
        }
    }

    @Override
    public int subscribe(String topicFilter, int qos, MqttMessageListener listener) throws MqttException {
        checkTopic(topicFilter, true);
        checkQos(qos);
        opLock.lock();
        try {
            requireConnected();
            int granted = subscribeLocked(engine(), topicFilter, qos);
            synchronized (subscriptions) {
                subscriptions.put(topicFilter, new Subscription(qos, listener));
            }
            return granted;
        } finally {
            opLock.unlock();
        }
    }

    private int subscribeLocked(AtEngine at, String filter, int qos) throws MqttException {
        AtLine outcome = operation(at, MqttAt.subscribe(filter, qos), MqttAt.OP_SUBSCRIBE);
        if (result(outcome) != 1) {
            throw moduleError(at, "subscribe to " + filter + " failed");
        }
        return outcome.paramCount() > 2 ? outcome.intParam(2) : qos;
    }

    @Override
    public void unsubscribe(String topicFilter) throws MqttException {
        checkTopic(topicFilter, true);
        opLock.lock();
        try {
            synchronized (subscriptions) {
                subscriptions.remove(topicFilter);
            }
            requireConnected();
            AtEngine at = engine();
            AtLine outcome = operation(at, MqttAt.unsubscribe(topicFilter), MqttAt.OP_UNSUBSCRIBE);
            if (result(outcome) != 1) {
                throw moduleError(at, "unsubscribe from " + topicFilter + " failed");
            }
        } finally {
            opLock.unlock();
        }
    }

    @Override
    public Set<String> subscriptions() {
        synchronized (subscriptions) {
            return Set.copyOf(subscriptions.keySet());
        }
    }

    // ------------------------------------------------------------------ NVM

    @Override
    public void storeProfile() throws MqttException {
        opLock.lock();
        try {
            run(engine(), MqttAt.nvm(2));
        } finally {
            opLock.unlock();
        }
    }

    @Override
    public void restoreProfile(boolean factory) throws MqttException {
        opLock.lock();
        try {
            run(engine(), MqttAt.nvm(factory ? 0 : 1));
        } finally {
            opLock.unlock();
        }
    }

    // ------------------------------------------------------------------ listeners, identity

    @Override
    public void addMessageListener(MqttMessageListener l) {
        messageListeners.add(l);
    }

    @Override
    public void removeMessageListener(MqttMessageListener l) {
        messageListeners.remove(l);
    }

    @Override
    public void addConnectionListener(MqttConnectionListener l) {
        connectionListeners.add(l);
    }

    @Override
    public void removeConnectionListener(MqttConnectionListener l) {
        connectionListeners.remove(l);
    }

    @Override
    public String clientId() {
        String id = settings.clientId();
        return id.isEmpty() ? imei() : id;
    }

    private String imei() {
        ModemIdentity id = modem.identity();
        return id == null ? null : id.imei();
    }

    @Override
    public String userName() {
        return settings.userName();
    }

    @Override
    public String brokerUrl() {
        MqttSettings s = settings;
        String host = s.server().indexOf(':') >= 0 ? "[" + s.server() + "]" : s.server();
        return (s.secure() ? "ssl://" : "tcp://") + host + ":" + s.port();
    }

    // ------------------------------------------------------------------ the AT side

    private AtEngine engine() throws MqttException {
        AtEngine at = modem.at();
        ModuleCapabilities caps = modem.capabilities();
        if (at == null || caps == null) {
            throw new MqttNotConnectedException("the modem service has no module yet");
        }
        if (!caps.mqttSupported()) {
            throw new MqttException("the " + caps.describe() + " has no MQTT client (section 6)");
        }
        if (urcEngine != at) {
            synchronized (this) {
                if (urcEngine != at) {
                    if (urcSubscription != null) {
                        try {
                            urcSubscription.close();
                        } catch (Exception e) {
                            // the old engine is gone
                        }
                    }
                    urcSubscription = at.subscribe(MqttAt.UUMQTTC, this::onUrc);
                    urcEngine = at;
                }
            }
        }
        return at;
    }

    private AtResponse run(AtEngine at, AtCommand c) throws MqttException {
        try {
            return at.executeOk(c);
        } catch (AtErrorException e) {
            throw moduleError(at, c.traceText() + " refused: " + e.result().line());
        } catch (AtException e) {
            throw new MqttException(c.traceText() + " failed: " + e.getMessage(), e);
        }
    }

    /** Sends a command whose outcome is +UUMQTTC: &lt;op&gt;,...; returns that URC line. */
    private AtLine operation(AtEngine at, AtCommand c, int op) throws MqttException {
        CompletableFuture<AtLine> outcome = new CompletableFuture<>();
        waiting.put(op, outcome);
        try {
            run(at, c);
            Duration timeout = settings.responseTimeout();
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new MqttException(c.traceText() + ": no +UUMQTTC: " + op + " within " + settings.responseTimeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof MqttException) {
                throw (MqttException) cause;
            }
            throw new MqttException(c.traceText() + " failed", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttException("interrupted");
        } finally {
            waiting.remove(op, outcome);
        }
    }

    private static int result(AtLine urc) {
        return urc.paramCount() > 1 ? urc.intParam(1) : 0;
    }

    /** Asks +UMQTTER why, and says it. */
    private MqttException moduleError(AtEngine at, String what) {
        try {
            AtLine l = at.executeOk(MqttAt.error()).require(MqttAt.UMQTTER);
            int cls = l.intParam(0);
            int code = l.intParam(1);
            String text = what + ": " + MqttErrors.describe(cls, code);
            if (MqttErrors.meansNotConnected(cls, code)) {
                lost(text); // the module has no session even if its +UUMQTTC: 0 went missing
                return new MqttNotConnectedException(text, cls, code);
            }
            return new MqttException(text, cls, code, null);
        } catch (RuntimeException e) {
            return new MqttException(what + " (+UMQTTER unavailable: " + e.getMessage() + ")");
        }
    }

    private void onUrc(Urc urc) {
        AtLine line = urc.line();
        if (line.paramCount() < 2) {
            return;
        }
        int op;
        int value;
        try {
            op = line.intParam(0);
            value = line.intParam(1);
        } catch (IllegalArgumentException e) {
            return;
        }
        switch (op) {
            case MqttAt.OP_READ:
                // the module's count of unread messages: read that many (one more read would only say "none")
                unreadHint.set(value);
                if (value > 0) {
                    scheduleDrain();
                }
                return;
            case MqttAt.OP_PING:
                if (value == 0) {
                    // 6.6: the broker is not responding. The app note promises no +UUMQTTC: 0 after it, and MQTT
                    // has a client give up a connection whose PINGREQ went unanswered: reconnect (a module that
                    // still holds the session answers the login "already connected", which is handled)
                    LOG.warn("MQTT: the broker did not answer a ping (+UUMQTTC: 8,0)");
                    lost("the broker did not answer a ping (+UUMQTTC: 8,0)");
                }
                return;
            case MqttAt.OP_PUBLISH_BINARY:
                op = MqttAt.OP_PUBLISH; // both readings of the binary publish's outcome
                break;
            default:
                break;
        }
        CompletableFuture<AtLine> f = waiting.get(op);
        if (f != null) {
            f.complete(line);
        } else if (op == MqttAt.OP_LOGOUT && value != 1) {
            lost("+UUMQTTC: 0," + value + (value == 101 ? " (network lost)" : ""));
        }
    }

    // ------------------------------------------------------------------ reading

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            reader.execute(this::drain);
        }
    }

    /** Reads as many messages as the last +UUMQTTC: 6 announced, or until the module says it has none. */
    private void drain() {
        drainScheduled.set(false);
        AtEngine at = urcEngine;
        if (at == null) {
            return;
        }
        for (int i = 0; i < MAX_READS_PER_DRAIN && !closed && unreadHint.getAndUpdate(n -> Math.max(0, n - 1)) > 0; i++) {
            AtResponse r;
            try {
                r = at.execute(MqttAt.read());
            } catch (AtException e) {
                LOG.warn("MQTT: reading a message failed: {}", e.getMessage());
                return;
            }
            AtLine line = r.isOk() ? r.line(MqttAt.UMQTTC).orElse(null) : null;
            if (line == null) {
                unreadHint.set(0);
                return; // nothing unread after all
            }
            try {
                dispatch(MqttAt.parseRead(line));
            } catch (RuntimeException e) {
                LOG.warn("MQTT: unreadable +UMQTTC: 6 line ({})", e.getMessage());
            }
        }
    }

    private void dispatch(MqttMessage m) {
        List<Subscription> matching;
        synchronized (subscriptions) {
            matching = subscriptions.entrySet().stream().filter(e -> MqttAt.matches(e.getKey(), m.topic()))
                    .map(Map.Entry::getValue).toList();
        }
        for (Subscription s : matching) {
            call(s.listener(), m);
        }
        for (MqttMessageListener l : messageListeners) {
            call(l, m);
        }
    }

    private static void call(MqttMessageListener l, MqttMessage m) {
        if (l == null) {
            return;
        }
        try {
            l.onMessage(m);
        } catch (RuntimeException e) {
            LOG.warn("MQTT: message listener failed", e);
        }
    }

    // ------------------------------------------------------------------ losing and regaining the session

    private void lost(String reason) {
        synchronized (this) {
            // the URC thread and the modem listener may both report it: tell the listeners once
            if (!connected) {
                return;
            }
            connected = false;
        }
        LOG.warn("MQTT: connection lost: {}", reason);
        waiting.values().forEach(f -> f.completeExceptionally(new MqttNotConnectedException("connection lost: " + reason)));
        for (MqttConnectionListener l : connectionListeners) {
            try {
                l.connectionLost(reason);
            } catch (RuntimeException e) {
                LOG.warn("MQTT: connection listener failed", e);
            }
        }
        scheduleReconnect();
    }

    private void onModemStatus(ModemStatus previous, ModemStatus current) {
        if (current.state() != ModemState.DATA_ACTIVE) {
            lost("modem " + current.state());
        } else if (wanted && !connected && previous != null && previous.state() != ModemState.DATA_ACTIVE) {
            // data is back: try now instead of waiting out the backoff
            synchronized (this) {
                cancelReconnect();
                reconnectAttempts.set(0);
            }
            scheduleReconnect();
        }
    }

    private synchronized void scheduleReconnect() {
        if (!wanted || closed || (reconnectTask != null && !reconnectTask.isDone())) {
            return;
        }
        MqttSettings s = settings;
        int n = reconnectAttempts.getAndIncrement();
        long delay = Math.min(s.reconnectCap().toMillis(), s.reconnectBase().toMillis() << Math.min(n, 20));
        LOG.info("MQTT: reconnecting in {} ms", delay);
        reconnectTask = worker.schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
    }

    private synchronized void cancelReconnect() {
        if (reconnectTask != null) {
            reconnectTask.cancel(false);
            reconnectTask = null;
        }
    }

    private void reconnect() {
        synchronized (this) {
            reconnectTask = null;
        }
        if (!wanted || closed || connected) {
            return;
        }
        opLock.lock();
        try {
            if (!connected && wanted) {
                login(true);
            }
        } catch (MqttException e) {
            LOG.info("MQTT: reconnect failed: {}", e.getMessage());
            connected = false;
            scheduleReconnect();
        } finally {
            opLock.unlock();
        }
    }

    // ------------------------------------------------------------------ checks

    private void requireConnected() throws MqttNotConnectedException {
        if (!connected) {
            throw new MqttNotConnectedException(wanted ? "not connected to " + brokerUrl() + " (reconnecting)"
                    : "not connected: call connect() first");
        }
    }

    private static void checkTopic(String topic, boolean filter) {
        if (topic == null || topic.isEmpty() || topic.length() > 256) {
            throw new IllegalArgumentException("topic must be 1-256 characters");
        }
        if (!filter && (topic.contains("#") || topic.contains("+"))) {
            throw new IllegalArgumentException("no wildcards in a publish topic: " + topic);
        }
    }

    private static void checkQos(int qos) {
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("QoS must be 0, 1 or 2");
        }
    }

    @Override
    public void close() {
        closed = true;
        wanted = false;
        cancelReconnect();
        modem.removeListener(modemListener);
        if (connected) {
            opLock.lock();
            try {
                logout();
            } catch (MqttException e) {
                LOG.debug("MQTT: disconnect on close failed: {}", e.getMessage());
            } finally {
                opLock.unlock();
            }
        }
        UrcBus.Subscription sub = urcSubscription;
        if (sub != null) {
            try {
                sub.close();
            } catch (Exception e) {
                // engine gone
            }
        }
        worker.shutdownNow();
        reader.shutdownNow();
    }
}
