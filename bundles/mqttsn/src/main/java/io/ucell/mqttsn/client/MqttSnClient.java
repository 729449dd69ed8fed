package io.ucell.mqttsn.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.PdpContextStatus;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.mqttsn.MqttSnConnectionListener;
import io.ucell.mqttsn.MqttSnException;
import io.ucell.mqttsn.MqttSnMessage;
import io.ucell.mqttsn.MqttSnMessageListener;
import io.ucell.mqttsn.MqttSnPreset;
import io.ucell.mqttsn.MqttSnQos;
import io.ucell.mqttsn.MqttSnService;
import io.ucell.mqttsn.MqttSnSettings;
import io.ucell.mqttsn.MqttSnSubscription;
import io.ucell.mqttsn.MqttSnTimeoutException;
import io.ucell.mqttsn.MqttSnTopic;
import io.ucell.mqttsn.MqttSnWill;
import io.ucell.mqttsn.at.MqttSnErrors;
import io.ucell.mqttsn.at.MqttSnRead;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MQTT-SN through the module's client (section 7). {@link #connect()} writes the profile (+UMQTTSN), then every
 * operation sends its +UMQTTSNC and waits for the matching +UUMQTTSNC; one operation at a time on a fair lock, so a
 * URC always belongs to the operation waiting for it. +UUMQTTSNC: 9 makes a delivery thread read the messages
 * (+UMQTTSNC=9,1 until none is left) and hand them to the listeners; +UUMQTTSNC: 0,&lt;reason&gt; that nobody asked
 * for ends the session (7.8).
 */
public final class MqttSnClient implements MqttSnService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MqttSnClient.class);

    /** The most bytes one publish carries; the app note gives no limit, this is what the simulated module takes. */
    public static final int MAX_PAYLOAD = 512;
    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(10);
    /** Reads per +UUMQTTSNC: 9 at most, so a module that keeps answering cannot hold the delivery thread. */
    private static final int MAX_READS = 256;

    private final ModemService modem;
    private final ReentrantLock operation = new ReentrantLock(true);
    private final ExecutorService delivery;
    private final ModemListener statusListener = this::statusChanged;
    private final List<MqttSnMessageListener> messageListeners = new CopyOnWriteArrayList<>();
    private final List<MqttSnConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    /** Listeners by received topic: "0:&lt;id&gt;", "1:&lt;id&gt;", "2:&lt;name&gt;". */
    private final Map<String, MqttSnMessageListener> byTopic = new ConcurrentHashMap<>();
    /** Listeners of subscriptions with wildcards, by filter. */
    private final Map<String, MqttSnMessageListener> byFilter = new ConcurrentHashMap<>();
    /** Normal topic ids of this session and their names (register and subscribe answers). */
    private final Map<Integer, String> names = new ConcurrentHashMap<>();
    private final Map<String, Integer> ids = new ConcurrentHashMap<>();
    /** Subscriptions to make again when a session ends without disconnect() and connect() starts a new one. */
    private final Map<MqttSnTopic, Wanted> wanted = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>());
    private final AtomicBoolean readScheduled = new AtomicBoolean();
    private volatile MqttSnSettings settings;
    private volatile boolean connected;
    private volatile Pending pending;
    private AtEngine subscribedEngine;
    private UrcBus.Subscription urcSubscription;
    private UrcBus.Subscription singleUSubscription;
    private boolean willWritten;
    private boolean mappingWritten;
    private volatile boolean closed;

    /** The module refused the command itself (+CME ERROR), before asking the gateway anything. */
    static final class RefusedException extends MqttSnException {
        private static final long serialVersionUID = 1L;

        RefusedException(String message, int errorClass, int errorCode) {
            super(message, errorClass, errorCode, null);
        }
    }

    private record Wanted(MqttSnQos qos, MqttSnMessageListener listener) {
    }

    /** The operation waiting for its +UUMQTTSNC. */
    private static final class Pending {
        final int op;
        final CompletableFuture<AtLine> answer = new CompletableFuture<>();

        Pending(int op) {
            this.op = op;
        }
    }

    public MqttSnClient(ModemService modem, MqttSnSettings settings) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.modem = modem;
        this.settings = settings;
        this.delivery = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ucell-mqttsn-delivery");
            t.setDaemon(true);
            return t;
        });
        modem.addListener(statusListener);
        AtEngine at = modem.at();
        if (at != null) {
            ensureUrcs(at);
        }
    }

    /** New settings for the next connect; refused (the old ones stay) when invalid. */
    public void update(MqttSnSettings s) {
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.settings = s;
    }

    public MqttSnSettings settings() {
        return settings;
    }

    @Override
    public boolean isConnected() {
        return connected;
    }

    // ------------------------------------------------------------------ URCs

    private synchronized void ensureUrcs(AtEngine at) {
        if (at == subscribedEngine || closed) {
            return;
        }
        if (urcSubscription != null) {
            urcSubscription.close();
        }
        if (singleUSubscription != null) {
            singleUSubscription.close();
        }
        subscribedEngine = at;
        urcSubscription = at.subscribe("+UUMQTTSNC", this::onUrc);
        // 7.10 prints the connect outcome URC as "+UMQTTSNC: 1,1": taken as the URC it stands for. A +UMQTTSNC line
        // before a command's OK is that command's own answer (the AT manual's "command accepted"), never the outcome.
        singleUSubscription = at.subscribe("+UMQTTSNC", this::onUrc);
    }

    private void onUrc(Urc u) {
        List<String> p = u.line().params();
        int op;
        try {
            op = Integer.parseInt(p.get(0).trim());
        } catch (RuntimeException e) {
            LOG.debug("unreadable URC {}", u.text());
            return;
        }
        if (op == 9) {
            scheduleRead();
            return;
        }
        Pending pe = pending;
        if (pe != null && pe.op == op) {
            pe.answer.complete(u.line());
            return;
        }
        if (op == 0) {
            // the module ended the session: 101 network lost (7.8), 100 inactivity, 102 protocol violation
            int reason = p.size() > 1 ? parseInt(p.get(1), -1) : -1;
            sessionLost(reason);
            return;
        }
        LOG.debug("URC without a waiting operation: {}", u.text());
    }

    private void sessionLost(int reason) {
        boolean was = connected;
        connected = false;
        Pending pe = pending;
        if (pe != null) {
            pe.answer.completeExceptionally(new MqttSnException("the MQTT-SN session ended (+UUMQTTSNC: 0," + reason + ")"));
        }
        if (was) {
            LOG.warn("MQTT-SN session ended by the module (reason {})", reason);
            connectionListeners.forEach(l -> delivery.execute(() -> l.connectionLost(reason)));
        }
    }

    private void statusChanged(ModemStatus previous, ModemStatus current) {
        AtEngine at = modem.at();
        if (at != null) {
            ensureUrcs(at);
        }
        ModemState s = current.state();
        if (connected && (s == ModemState.OFF || s == ModemState.INITIALIZING || s == ModemState.FAILED)) {
            // a reboot or a lost link ends the session without a URC (a lost context the module reports: 0,101)
            sessionLost(-1);
        }
    }

    private static int parseInt(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }

    // ------------------------------------------------------------------ reading

    private void scheduleRead() {
        if (readScheduled.compareAndSet(false, true)) {
            try {
                delivery.execute(this::drain);
            } catch (RuntimeException e) {
                readScheduled.set(false); // closed
            }
        }
    }

    /** Reads until the module has nothing left (+UMQTTSNC=9,1 answers without a +UMQTTSNC line). */
    private void drain() {
        readScheduled.set(false);
        AtEngine at = modem.at();
        if (at == null) {
            return;
        }
        for (int i = 0; i < MAX_READS && !closed; i++) {
            AtResponse r;
            try {
                r = at.execute(AtCommand.set("+UMQTTSNC").param(9).param(1).timeout(CONFIG_TIMEOUT).build());
            } catch (AtException e) {
                LOG.warn("reading an MQTT-SN message failed: {}", e.getMessage());
                return;
            }
            Optional<AtLine> line = r.isOk() ? r.line("+UMQTTSNC") : Optional.empty();
            if (line.isEmpty()) {
                return;
            }
            MqttSnRead read;
            try {
                read = MqttSnRead.parse(line.get());
            } catch (RuntimeException e) {
                LOG.warn("unreadable MQTT-SN message: {}", e.getMessage());
                continue;
            }
            dispatch(read);
        }
    }

    private void dispatch(MqttSnRead r) {
        MqttSnTopic topic;
        String name;
        try {
            switch (r.topicType()) {
                case 1:
                    topic = MqttSnTopic.predefined(Integer.parseInt(r.topic().trim()));
                    name = null;
                    break;
                case 2:
                    topic = MqttSnTopic.shortName(r.topic());
                    name = r.topic();
                    break;
                default:
                    int id = Integer.parseInt(r.topic().trim());
                    topic = MqttSnTopic.id(id);
                    name = names.get(id);
            }
        } catch (RuntimeException e) {
            LOG.warn("message on an unreadable topic {} (type {})", r.topic(), r.topicType());
            return;
        }
        MqttSnMessage m = new MqttSnMessage(topic, name, r.payload(), MqttSnQos.of(r.qos()));
        MqttSnMessageListener exact = byTopic.get(topic.kind().atType() + ":" + topic.text());
        if (exact != null) {
            deliver(exact, m);
        } else {
            // a wildcard subscription: by name where the name is known, else every wildcard listener
            byFilter.forEach((filter, l) -> {
                if (name == null || matches(filter, name)) {
                    deliver(l, m);
                }
            });
        }
        messageListeners.forEach(l -> deliver(l, m));
    }

    private static void deliver(MqttSnMessageListener l, MqttSnMessage m) {
        try {
            l.messageArrived(m);
        } catch (RuntimeException e) {
            LOG.warn("MQTT-SN message listener failed", e);
        }
    }

    /** MQTT topic filter matching ('+' one level, '#' the rest). */
    static boolean matches(String filter, String topic) {
        String[] f = filter.split("/", -1);
        String[] t = topic.split("/", -1);
        for (int i = 0; i < f.length; i++) {
            if (f[i].equals("#")) {
                return true;
            }
            if (i >= t.length || (!f[i].equals("+") && !f[i].equals(t[i]))) {
                return false;
            }
        }
        return f.length == t.length;
    }

    // ------------------------------------------------------------------ operations

    private interface Work<T> {
        T run(AtEngine at, ModuleCapabilities caps) throws MqttSnException, AtException;
    }

    private <T> T withOperation(Work<T> work) throws MqttSnException {
        AtEngine at = modem.at();
        ModuleCapabilities caps = modem.capabilities();
        if (at == null || caps == null) {
            throw new MqttSnException("the modem is not ready (module not detected yet)");
        }
        if (!caps.mqttSupported()) {
            throw new MqttSnException("the " + caps.describe() + " has no MQTT-SN client (section 7 does not apply to SARA-R422)");
        }
        ensureUrcs(at);
        Duration wait = settings.responseTimeout().multipliedBy(2);
        try {
            if (!operation.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new MqttSnException("another MQTT-SN operation is still running after " + wait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MqttSnException("interrupted while waiting for the MQTT-SN client");
        }
        try {
            return work.run(at, caps);
        } catch (AtException e) {
            throw new MqttSnException("AT link failure: " + e.getMessage(), e);
        } finally {
            operation.unlock();
        }
    }

    /** Sends an operation and waits for its +UUMQTTSNC: &lt;op&gt;,1[,...]; a 0 result or an error is thrown, decoded. */
    private AtLine exchange(AtEngine at, int op, AtCommand command, String what) throws MqttSnException {
        Pending pe = new Pending(op);
        pending = pe;
        try {
            AtResponse r = at.execute(command);
            if (!r.isOk()) {
                MqttSnException e = moduleError(at, what + " refused (" + r.result() + ")");
                throw new RefusedException(e.getMessage(), e.errorClass(), e.errorCode());
            }
            AtLine answer;
            Duration timeout = settings.responseTimeout();
            try {
                answer = pe.answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new MqttSnTimeoutException(what + ": no +UUMQTTSNC: " + op + " within " + timeout.toSeconds() + " s",
                        -1, -1);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof MqttSnException ? (MqttSnException) e.getCause()
                        : new MqttSnException(what + " failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MqttSnException("interrupted while waiting for " + what);
            }
            List<String> p = answer.params();
            if (p.size() < 2 || !p.get(1).trim().equals("1")) {
                throw moduleError(at, what + " failed (" + answer.text() + ")");
            }
            return answer;
        } finally {
            pending = null;
        }
    }

    /** Asks +UMQTTSNER and turns the answer into the exception to throw. */
    private MqttSnException moduleError(AtEngine at, String what) {
        int[] err = {-1, -1};
        try {
            AtResponse r = at.execute(AtCommand.action("+UMQTTSNER").timeout(CONFIG_TIMEOUT).build());
            if (r.isOk() && r.line("+UMQTTSNER").isPresent()) {
                err = MqttSnErrors.parse(r.line("+UMQTTSNER").get());
            }
        } catch (AtException e) {
            LOG.debug("+UMQTTSNER not readable", e);
        }
        if (!MqttSnErrors.isError(err[0], err[1])) {
            return new MqttSnException(what);
        }
        String msg = what + ": " + MqttSnErrors.describe(err[0], err[1]);
        if (err[1] == MqttSnErrors.TIMEOUT) {
            return new MqttSnTimeoutException(msg, err[0], err[1]);
        }
        return new MqttSnException(msg, err[0], err[1], null);
    }

    private static AtCommand.Builder profile(int op) {
        return AtCommand.set("+UMQTTSN").param(op).timeout(CONFIG_TIMEOUT);
    }

    private static AtCommand.Builder command(int op) {
        return AtCommand.set("+UMQTTSNC").param(op).timeout(CONFIG_TIMEOUT);
    }

    private void write(AtEngine at, AtCommand c, String what) throws MqttSnException {
        AtResponse r = at.execute(c);
        if (!r.isOk()) {
            throw moduleError(at, what + " refused (" + r.result() + ")");
        }
    }

    /** The +UMQTTSN commands of the settings (section 7.1), in the order the app note writes them. */
    List<AtCommand> profileCommands(ModuleCapabilities caps, MqttSnSettings s) {
        List<AtCommand> out = new ArrayList<>();
        String clientId = s.clientId();
        if (clientId.isEmpty() && modem.identity() != null && !modem.identity().imei().isEmpty()) {
            // "The default client id value is the IMEI of the module" (7.1.1): written so an earlier id is replaced
            clientId = modem.identity().imei();
        }
        if (!clientId.isEmpty()) {
            out.add(profile(0).param(clientId).build());
        }
        out.add(profile(s.gatewayIsIp() ? 2 : 1).param(s.gatewayHost()).param(s.gatewayPort()).build());
        MqttSnWill will = s.will();
        if (will != null) {
            out.add(profile(4).param(will.qos().atValue()).build());
            out.add(profile(5).param(will.retain() ? 1 : 0).build());
            out.add(profile(6).param(will.topic()).build());
            out.add(profile(7).param(will.message()).build());
        } else if (willWritten) {
            // no will topic, no will (taken back from an earlier connect)
            out.add(profile(6).param("").build());
            out.add(profile(7).param("").build());
        }
        out.add(profile(8).param(s.duration()).build());
        out.add(s.secure() ? profile(9).param(1).param(s.securityProfile()).build() : profile(9).param(0).build());
        out.add(profile(10).param(s.cleanSession() ? 1 : 0).build());
        if (s.pdpCid() >= 0) {
            out.add(profile(20).param(s.pdpCid()).param(s.pdpIpType()).build());
        } else if (mappingWritten) {
            // back to the default: "a PDP context different than default CID 1" (7.1.4)
            out.add(profile(20).param(1).param(0).build());
        }
        return out;
    }

    /** The DTLS profile of MQTT Flex (7.12.2): no server check, TLS 1.2, the app note's cipher, the device credentials. */
    static List<AtCommand> flexSecurityCommands(MqttSnSettings s) {
        int p = s.securityProfile();
        List<AtCommand> out = new ArrayList<>();
        out.add(AtCommand.set("+USECPRF").param(p).timeout(CONFIG_TIMEOUT).build());
        out.add(AtCommand.set("+USECPRF").param(p).param(0).param(0).timeout(CONFIG_TIMEOUT).build());
        out.add(AtCommand.set("+USECPRF").param(p).param(1).param(3).timeout(CONFIG_TIMEOUT).build());
        out.add(AtCommand.set("+USECPRF").param(p).param(2).param(99).param("C0").param("30").timeout(CONFIG_TIMEOUT).build());
        out.add(AtCommand.set("+USECPRF").param(p).param(5).param(s.flexCertificate()).timeout(CONFIG_TIMEOUT).build());
        out.add(AtCommand.set("+USECPRF").param(p).param(6).param(s.flexKey()).timeout(CONFIG_TIMEOUT).build());
        return out;
    }

    @Override
    public void connect() throws MqttSnException {
        MqttSnSettings s = settings.effective();
        withOperation((at, caps) -> {
            if (connected) {
                return null;
            }
            List<String> problems = s.validate(caps);
            if (!problems.isEmpty()) {
                throw new MqttSnException(String.join("; ", problems));
            }
            if (s.gatewayHost().isEmpty()) {
                throw new MqttSnException("no MQTT-SN gateway configured");
            }
            if (s.preset() == MqttSnPreset.MQTT_ANYWHERE) {
                checkAnywhereApn();
            }
            for (AtCommand c : profileCommands(caps, s)) {
                write(at, c, c.text().substring(2));
                if (c.text().startsWith("AT+UMQTTSN=6,")) {
                    willWritten = s.will() != null;
                }
                if (c.text().startsWith("AT+UMQTTSN=20,")) {
                    mappingWritten = s.pdpCid() >= 0;
                }
            }
            if (s.preset() == MqttSnPreset.MQTT_FLEX) {
                for (AtCommand c : flexSecurityCommands(s)) {
                    write(at, c, "MQTT Flex DTLS profile: " + c.text().substring(2));
                }
            }
            names.clear();
            ids.clear();
            byTopic.clear();
            byFilter.clear();
            String what = "MQTT-SN connect to " + s.gatewayHost() + ":" + s.gatewayPort();
            try {
                exchange(at, 1, command(1).build(), what);
            } catch (RefusedException refused) {
                // the module may still hold a session this client does not know (the client restarted, the module
                // did not): end it and try once more
                LOG.info("{}; ending the module's previous session first", refused.getMessage());
                try {
                    exchange(at, 0, command(0).build(), "ending the previous MQTT-SN session");
                } catch (MqttSnException e) {
                    throw refused;
                }
                exchange(at, 1, command(1).build(), what);
            }
            connected = true;
            LOG.info("MQTT-SN session up with {}:{}", s.gatewayHost(), s.gatewayPort());
            List<Map.Entry<MqttSnTopic, Wanted>> again;
            synchronized (wanted) {
                again = new ArrayList<>(wanted.entrySet());
            }
            for (Map.Entry<MqttSnTopic, Wanted> e : again) {
                try {
                    subscribe(at, e.getKey(), e.getValue().qos(), e.getValue().listener());
                } catch (MqttSnException ex) {
                    LOG.warn("MQTT-SN subscription to {} not restored: {}", e.getKey(), ex.getMessage());
                }
            }
            return null;
        });
    }

    /** MQTT Anywhere is reached through the IoT SIM's APN "tsudp" only (7.11); a context on another APN cannot work. */
    private void checkAnywhereApn() throws MqttSnException {
        Optional<PdpContextStatus> ctx = modem.status().activeContext();
        if (ctx.isPresent() && !ctx.get().apn().isEmpty()
                && !ctx.get().apn().toLowerCase(Locale.ROOT).startsWith(MqttSnSettings.ANYWHERE_APN)) {
            throw new MqttSnException("MQTT Anywhere needs APN '" + MqttSnSettings.ANYWHERE_APN
                    + "' (the Thingstream IoT SIM's, 7.11); the modem's context uses '" + ctx.get().apn()
                    + "': set the APN of io.ucell.modem");
        }
    }

    @Override
    public void disconnect() throws MqttSnException {
        withOperation((at, caps) -> {
            if (!connected) {
                return null;
            }
            connected = false;
            wanted.clear();
            exchange(at, 0, command(0).build(), "MQTT-SN disconnect");
            return null;
        });
    }

    @Override
    public int register(String topicName) throws MqttSnException {
        MqttSnTopic t = MqttSnTopic.name(topicName);
        if (t.wildcard()) {
            throw new IllegalArgumentException("a topic with wildcards cannot be registered: " + topicName);
        }
        return withOperation((at, caps) -> register(at, topicName));
    }

    private int register(AtEngine at, String name) throws MqttSnException {
        AtLine l = exchange(at, 2, command(2).param(name).build(), "registering '" + name + "'");
        int id;
        try {
            id = l.intParam(2);
        } catch (RuntimeException e) {
            throw new MqttSnException("register answer without a topic id: " + l.text());
        }
        names.put(id, name);
        ids.put(name, id);
        return id;
    }

    @Override
    public void publish(MqttSnTopic topic, byte[] payload, MqttSnQos qos, boolean retain) throws MqttSnException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("an MQTT-SN publish carries at most " + MAX_PAYLOAD + " bytes, not "
                    + payload.length);
        }
        if (topic.wildcard()) {
            throw new IllegalArgumentException("cannot publish to a topic filter: " + topic.text());
        }
        if (qos == MqttSnQos.MINUS_ONE && (topic.kind() == MqttSnTopic.Kind.NAME || topic.kind() == MqttSnTopic.Kind.ID)) {
            throw new IllegalArgumentException("QoS -1 publishes to predefined topic ids and short names only");
        }
        boolean text = isText(payload);
        withOperation((at, caps) -> {
            MqttSnTopic target = topic;
            if (topic.kind() == MqttSnTopic.Kind.NAME) {
                Integer id = ids.get(topic.text());
                target = MqttSnTopic.id(id != null ? id : register(at, topic.text()));
            }
            AtCommand.Builder b = command(4).param(qos.atValue()).param(retain ? 1 : 0).param(text ? 0 : 1)
                    .param(target.kind().atType()).param(target.text());
            if (text) {
                b.param(new String(payload, java.nio.charset.StandardCharsets.US_ASCII));
            } else {
                b.hex(payload);
            }
            exchange(at, 4, b.build(), "publishing to " + target);
            return null;
        });
    }

    /** Printable ASCII without double quotes goes as text; anything else in hex mode. */
    static boolean isText(byte[] payload) {
        for (byte b : payload) {
            if (b < 0x20 || b > 0x7e || b == '"') {
                return false;
            }
        }
        return true;
    }

    @Override
    public MqttSnSubscription subscribe(MqttSnTopic topic, MqttSnQos qos, MqttSnMessageListener listener)
            throws MqttSnException {
        if (qos == MqttSnQos.MINUS_ONE) {
            throw new IllegalArgumentException("subscriptions take QoS 0, 1 or 2");
        }
        if (topic.kind() == MqttSnTopic.Kind.ID) {
            // MQTT-SN SUBSCRIBE carries a topic name, a predefined id or a short name, never a normal topic id
            throw new IllegalArgumentException("subscribe to a topic name, a predefined id or a short name, not " + topic);
        }
        return withOperation((at, caps) -> {
            MqttSnSubscription sub = subscribe(at, topic, qos, listener);
            wanted.put(topic, new Wanted(qos, listener));
            return sub;
        });
    }

    private MqttSnSubscription subscribe(AtEngine at, MqttSnTopic topic, MqttSnQos qos, MqttSnMessageListener listener)
            throws MqttSnException {
        AtLine l = exchange(at, 5, command(5).param(qos.atValue()).param(topic.kind().atType()).param(topic.text())
                .build(), "subscribing to " + topic);
        List<String> p = l.params();
        int a = p.size() > 2 ? parseInt(p.get(2), qos.atValue()) : qos.atValue();
        int b = p.size() > 3 ? parseInt(p.get(3), -1) : -1;
        int granted;
        int topicId = 0;
        if (topic.kind() == MqttSnTopic.Kind.NAME) {
            // +UUMQTTSNC: 5,1,<granted QoS>,<topic id> (7.3)
            granted = a;
            topicId = Math.max(b, 0);
        } else {
            // 7.7 shows "5,1,2,0" for a short topic with granted QoS 0: <type>,<QoS>; ubxlib reads <QoS>,<id>
            granted = b >= 0 && b <= 2 && a == topic.kind().atType() ? b : a;
        }
        if (granted < 0 || granted > 2) {
            granted = qos.atValue();
        }
        if (topic.kind() == MqttSnTopic.Kind.NAME && topicId > 0) {
            names.put(topicId, topic.text());
            ids.put(topic.text(), topicId);
        }
        if (listener != null) {
            if (topic.wildcard() || (topic.kind() == MqttSnTopic.Kind.NAME && topicId == 0)) {
                byFilter.put(topic.text(), listener);
            } else if (topic.kind() == MqttSnTopic.Kind.NAME) {
                byTopic.put("0:" + topicId, listener);
            } else {
                byTopic.put(topic.kind().atType() + ":" + topic.text(), listener);
            }
        }
        return new MqttSnSubscription(topic, topicId, MqttSnQos.of(granted));
    }

    @Override
    public void unsubscribe(MqttSnTopic topic) throws MqttSnException {
        withOperation((at, caps) -> {
            wanted.remove(topic);
            exchange(at, 6, command(6).param(topic.kind().atType()).param(topic.text()).build(), "unsubscribing from " + topic);
            if (topic.kind() == MqttSnTopic.Kind.NAME) {
                byFilter.remove(topic.text());
                Integer id = ids.get(topic.text());
                if (id != null) {
                    byTopic.remove("0:" + id);
                }
            } else {
                byTopic.remove(topic.kind().atType() + ":" + topic.text());
            }
            return null;
        });
    }

    @Override
    public void updateWill(MqttSnWill will) throws MqttSnException {
        withOperation((at, caps) -> {
            exchange(at, 7, command(7).param(will.qos().atValue()).param(will.retain() ? 1 : 0).param(will.topic()).build(),
                    "updating the will topic");
            exchange(at, 8, command(8).param(will.message()).build(), "updating the will message");
            settings = settings.withWill(will);
            return null;
        });
    }

    @Override
    public void storeProfile() throws MqttSnException {
        withOperation((at, caps) -> {
            write(at, AtCommand.set("+UMQTTSNNV").param(2).timeout(CONFIG_TIMEOUT).build(), "storing the MQTT-SN profile");
            return null;
        });
    }

    @Override
    public void restoreProfile() throws MqttSnException {
        withOperation((at, caps) -> {
            write(at, AtCommand.set("+UMQTTSNNV").param(1).timeout(CONFIG_TIMEOUT).build(), "restoring the MQTT-SN profile");
            return null;
        });
    }

    /** The module's current profile (AT+UMQTTSN?), one "op,values" per line as the module shows it. */
    public List<String> currentProfile() throws MqttSnException {
        return withOperation((at, caps) -> {
            AtResponse r = at.execute(AtCommand.read("+UMQTTSN").timeout(CONFIG_TIMEOUT).build());
            if (!r.isOk()) {
                throw moduleError(at, "reading the MQTT-SN profile failed (" + r.result() + ")");
            }
            List<String> out = new ArrayList<>();
            r.all("+UMQTTSN").forEach(l -> out.add(l.text().substring(l.text().indexOf(':') + 1).trim()));
            return out;
        });
    }

    @Override
    public void addMessageListener(MqttSnMessageListener listener) {
        messageListeners.add(listener);
    }

    @Override
    public void removeMessageListener(MqttSnMessageListener listener) {
        messageListeners.remove(listener);
    }

    @Override
    public void addConnectionListener(MqttSnConnectionListener listener) {
        connectionListeners.add(listener);
    }

    @Override
    public void removeConnectionListener(MqttSnConnectionListener listener) {
        connectionListeners.remove(listener);
    }

    /** Ends the session if it is up (best effort) and stops listening. */
    @Override
    public void close() {
        if (connected) {
            try {
                disconnect();
            } catch (MqttSnException | RuntimeException e) {
                LOG.debug("MQTT-SN disconnect on close failed: {}", e.getMessage());
            }
        }
        closed = true;
        modem.removeListener(statusListener);
        synchronized (this) {
            if (singleUSubscription != null) {
                singleUSubscription.close();
                singleUSubscription = null;
            }
            if (urcSubscription != null) {
                urcSubscription.close();
                urcSubscription = null;
            }
        }
        delivery.shutdownNow();
    }
}
