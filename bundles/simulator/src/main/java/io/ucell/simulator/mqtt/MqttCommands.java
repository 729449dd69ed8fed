package io.ucell.simulator.mqtt;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import io.ucell.simulator.security.ProfileTls;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletionException;
import javax.net.ssl.SSLException;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * +UMQTT, +UMQTTNV, +UMQTTC and +UMQTTER (app note section 6) over an {@link MqttSession}. One instance per
 * simulated module; the profile, the session, the unread messages and the last error are volatile (a reboot
 * resets them), the stored profile lives in NVM. What the simulator chose where the app note is silent:
 * <ul>
 * <li>+UMQTTC=1 answers OK at once; the outcome is +UUMQTTC: 1,1 or 1,0 with +UMQTTER set (section 6.8);</li>
 * <li>publish, subscribe, unsubscribe and disconnect answer +CME ERROR (operation not allowed, +UMQTTER 13,7)
 * when not connected, else OK and then +UUMQTTC: &lt;op&gt;,&lt;1|0&gt;; a QoS 1/2 publish reports 2,1 only
 * when the broker acknowledged it;</li>
 * <li>+UMQTTC=9 (binary publish) reports +UUMQTTC: 2,&lt;result&gt;, as the app note's example shows;</li>
 * <li>+UMQTTC=6 reads the oldest unread message; with none it answers +CME ERROR and +UMQTTER 13,17;</li>
 * <li>losing the network resets the TCP connection (the broker publishes the will) and sends
 * +UUMQTTC: 0,101; the broker closing the connection sends +UUMQTTC: 0,100 (with +UUMQTTC: 8,0 first when a
 * ping went unanswered and the ping loop is on);</li>
 * <li>limits: topics 256 characters, text payloads 1024 characters, hex payloads 512 bytes (the 2048-character
 * line), binary payloads 1 to 1024 bytes, 64 unread messages (the oldest is dropped beyond).</li>
 * </ul>
 */
public final class MqttCommands {
    private static final Logger LOG = LoggerFactory.getLogger(MqttCommands.class);
    static final int MAX_TOPIC = 256;
    static final int MAX_TEXT = 1024;
    static final int MAX_HEX_BYTES = 512;
    static final int MAX_BINARY = 1024;
    static final int MAX_UNREAD = 64;
    static final int CONNECT_TIMEOUT_S = 20;
    private static final String NVM_KEY = "umqtt.profile";

    private enum State { IDLE, CONNECTING, CONNECTED }

    private record Received(String topic, byte[] payload, int qos) {
    }

    private final MqttSecurity security;
    /** The network object of the boot the state below belongs to. */
    private Network boot;
    private MqttProfile profile;
    private volatile MqttError lastError = MqttError.NONE;
    private volatile State state = State.IDLE;
    private volatile MqttSession session;
    private volatile Network.InternalRoute sessionRoute;
    private volatile boolean pingLoop;
    private final Deque<Received> unread = new ArrayDeque<>();

    private MqttCommands(MqttSecurity security) {
        this.security = security;
    }

    public static void register(CommandRegistry r) {
        register(r, MqttSecurity.MODULE);
    }

    public static void register(CommandRegistry r, MqttSecurity security) {
        MqttCommands c = new MqttCommands(security);
        r.register("+UMQTT", c::umqtt);
        r.register("+UMQTTNV", c::umqttnv);
        r.register("+UMQTTC", c::umqttc);
        r.register("+UMQTTER", c::umqtter);
    }

    /** A reboot forgets the profile, the session and the messages; a new boot gets our listeners. */
    private void checkBoot(ModuleContext m) {
        Network net = m.network();
        if (net == boot) {
            return;
        }
        boot = net;
        profile = MqttProfile.factory(m.config().imei());
        lastError = MqttError.NONE;
        pingLoop = false;
        synchronized (unread) {
            unread.clear();
        }
        MqttSession s = session;
        session = null;
        state = State.IDLE;
        if (s != null) {
            s.abort();
        }
        net.onDispose(() -> {
            MqttSession old = session;
            if (old != null && boot == net) {
                session = null;
                state = State.IDLE;
                old.abort(); // power gone: no DISCONNECT, the broker sends the will
            }
        });
        // called with the network's lock held: look at the route again on another thread
        net.onRouteLost(() -> m.background().execute(() -> checkRoute(m, net)));
    }

    private void checkRoute(ModuleContext m, Network net) {
        MqttSession s = session;
        if (s == null || boot != net) {
            return;
        }
        Network.InternalRoute now = route(m, net);
        Network.InternalRoute was = sessionRoute;
        if (now == null || was == null || now.context().cid() != was.context().cid()
                || !now.address().equals(was.address())) {
            networkLost(m, s);
        }
    }

    private void networkLost(ModuleContext m, MqttSession s) {
        synchronized (this) {
            if (session != s) {
                return;
            }
            session = null;
            state = State.IDLE;
            lastError = MqttError.NO_CONTEXT;
        }
        s.abort();
        LOG.info("MQTT: network lost, broker connection reset");
        m.emitUrc("+UUMQTTC: 0,101");
    }

    /** Not connected: because the network is gone (13,50) or because nobody connected (13,7). */
    private Response notConnected(ModuleContext m) {
        return fail(route(m, m.network()) == null ? MqttError.NO_CONTEXT : MqttError.NOT_CONNECTED,
                CmeError.OPERATION_NOT_ALLOWED);
    }

    private Response fail(MqttError e, CmeError cme) {
        lastError = e;
        return Response.cme(cme);
    }

    // ------------------------------------------------------------------ +UMQTT

    private Response umqtt(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UMQTT: (0-4,6-12,20)");
            case READ:
                return Response.ok(profile.describe());
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0);
        if (c.paramCount() == 1) {
            String line = profile.describe(op);
            return line == null ? fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS) : Response.ok(line);
        }
        MqttProfile p = profile;
        switch (op) {
            case 0: {
                String id = c.strParam(1);
                if (id.isEmpty() || id.length() > 256) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                p.clientId = id;
                return Response.ok();
            }
            case 1:
                p.localPort = c.intParam(1, 0, 65535);
                return Response.ok();
            case 2: {
                String ip = c.strParam(1);
                if (!ip.isEmpty() && !isIpLiteral(ip)) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                int port = c.optInt(2, MqttProfile.DEFAULT_PORT, 1, 65535);
                p.serverIp = ip;
                p.serverName = "";
                p.serverPort = port;
                return Response.ok();
            }
            case 3: {
                String name = c.strParam(1);
                if (name.length() > 128) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                int port = c.optInt(2, MqttProfile.DEFAULT_PORT, 1, 65535);
                p.serverName = name;
                p.serverIp = "";
                p.serverPort = port;
                return Response.ok();
            }
            case 4: {
                String user = c.strParam(1);
                String password = c.optStr(2, "");
                if (user.length() > 512 || password.length() > 512) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                p.userName = user;
                p.password = password;
                return Response.ok();
            }
            case 6:
                p.willQos = c.intParam(1, 0, 2);
                return Response.ok();
            case 7:
                p.willRetain = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 8: {
                String topic = c.strParam(1);
                if (topic.length() > MAX_TOPIC || hasWildcard(topic)) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                p.willTopic = topic;
                return Response.ok();
            }
            case 9: {
                // AT+UMQTT=9,"<message>"[,<hex mode>] as in section 6.1.2; the read form's
                // 9,<hex mode>,"<message>" order is accepted too
                String text;
                int hex;
                if (c.params().get(1).quoted()) {
                    text = c.strParam(1);
                    hex = c.optInt(2, 0, 0, 1);
                } else {
                    hex = c.intParam(1, 0, 1);
                    text = c.strParam(2);
                }
                byte[] msg = hex == 1 ? fromHex(text) : text.getBytes(StandardCharsets.ISO_8859_1);
                if (msg == null || msg.length > 256) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                p.willMessage = msg;
                return Response.ok();
            }
            case 10:
                p.keepAlive = c.intParam(1, 0, 65535);
                p.lingerTime = c.optInt(2, p.lingerTime, 0, 65535);
                return Response.ok();
            case 11: {
                if (!m.capabilities().securitySupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                boolean on = c.intParam(1, 0, 1) == 1;
                int sp = c.optInt(2, 0, 0, 4);
                p.secure = on;
                p.securityProfile = on ? sp : 0;
                return Response.ok();
            }
            case 12:
                p.cleanSession = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 20: {
                if (!m.capabilities().internalPdpMappingSupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                int cid = c.intParam(1);
                if (!m.capabilities().validCid(cid)) {
                    return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
                }
                p.pdpCid = cid;
                p.pdpIpType = c.optInt(2, 0, 0, 1);
                return Response.ok();
            }
            default:
                return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
        }
    }

    // ------------------------------------------------------------------ +UMQTTNV

    private Response umqttnv(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UMQTTNV: (0-2)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        switch (c.intParam(0, 0, 2)) {
            case 0:
                profile = MqttProfile.factory(m.config().imei());
                return Response.ok();
            case 1: {
                String stored = m.nvm().get(NVM_KEY);
                profile = stored == null ? MqttProfile.factory(m.config().imei()) : MqttProfile.decode(stored);
                return Response.ok();
            }
            default:
                m.nvm().put(NVM_KEY, profile.encode());
                return Response.ok();
        }
    }

    // ------------------------------------------------------------------ +UMQTTER

    private Response umqtter(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.ACTION && c.kind() != AtCommand.Kind.READ) {
            return Response.error();
        }
        return Response.ok(lastError.line());
    }

    // ------------------------------------------------------------------ +UMQTTC

    private Response umqttc(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UMQTTC: (0-2,4-6,8,9)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int op = c.intParam(0);
        switch (op) {
            case 0:
                return disconnect(m);
            case 1:
                return connect(m);
            case 2:
                return publishText(c, m);
            case 4:
                return subscribe(c, m);
            case 5:
                return unsubscribe(c, m);
            case 6:
                return read(m);
            case 8:
                pingLoop = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 9:
                return publishBinary(c, m);
            default:
                return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
        }
    }

    private Response connect(ModuleContext m) {
        if (state == State.CONNECTED) {
            return fail(MqttError.ALREADY_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (state == State.CONNECTING) {
            return fail(MqttError.BUSY, CmeError.OPERATION_NOT_ALLOWED);
        }
        state = State.CONNECTING;
        MqttProfile p = profile.copy();
        Network net = m.network();
        Network.InternalRoute route = route(m, net);
        return Response.ok().thenRun(() -> m.background().execute(() -> {
            try {
                startSession(m, net, route, p);
            } catch (LinkageError e) {
                // an OSGi runtime without Paho (an optional import of the simulator)
                connectFailed(m, MqttError.UNKNOWN);
            }
        }));
    }

    private void startSession(ModuleContext m, Network net, Network.InternalRoute route, MqttProfile p) {
        MqttError problem = null;
        String address = null;
        if (route == null) {
            problem = MqttError.NO_CONTEXT;
        } else if (p.host().isEmpty()) {
            problem = MqttError.NO_SERVER;
        } else if (!p.serverIp.isEmpty()) {
            address = p.serverIp;
        } else {
            try {
                address = m.dns().forward(p.serverName, route.ipv6());
            } catch (UnknownHostException e) {
                problem = MqttError.DNS;
            }
        }
        MqttSession s = null;
        SessionListener listener = new SessionListener(m);
        if (problem == null) {
            // the connection goes to the address the module resolved; TLS checks and names the broker as configured
            ProfileTls tls = null;
            try {
                if (p.secure) {
                    tls = security.open(m, p.securityProfile, p.host());
                }
                s = new MqttSession(new MqttSession.Endpoint(address, p.serverPort, tls),
                        new MqttSession.ConnectOptions(p.clientId, p.userName, p.password, p.keepAlive, p.cleanSession,
                                p.willTopic, p.willMessage, p.willQos, p.willRetain, CONNECT_TIMEOUT_S), listener);
            } catch (Exception e) {
                LOG.info("MQTT: cannot create the client: {}", e.toString());
                problem = p.secure ? MqttError.TLS : MqttError.INVALID_PARAMETER;
                if (tls != null) {
                    tls.close();
                }
            }
        }
        if (problem != null) {
            connectFailed(m, problem);
            return;
        }
        synchronized (this) {
            if (boot != net) {
                s.abort(); // rebooted meanwhile (frees its TLS connection)
                return;
            }
            session = s;
            sessionRoute = route;
            listener.session = s;
        }
        MqttSession started = s;
        try {
            s.connect().join();
        } catch (CompletionException e) {
            synchronized (this) {
                if (session == started) {
                    session = null;
                }
            }
            started.abort();
            LOG.info("MQTT: connect failed: {}", String.valueOf(e.getCause()));
            LOG.debug("MQTT: connect failure", e.getCause());
            connectFailed(m, classify(e.getCause()));
            return;
        }
        synchronized (this) {
            if (session != started) {
                return; // network lost or reboot while connecting
            }
            state = State.CONNECTED;
            lastError = MqttError.NONE;
        }
        m.emitUrc("+UUMQTTC: 1,1");
    }

    private void connectFailed(ModuleContext m, MqttError e) {
        synchronized (this) {
            state = State.IDLE;
            lastError = e;
        }
        m.emitUrc("+UUMQTTC: 1,0");
    }

    private static MqttError classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return MqttError.TLS;
            }
        }
        if (e instanceof MqttException) {
            switch (((MqttException) e).getReasonCode()) {
                case MqttException.REASON_CODE_INVALID_PROTOCOL_VERSION:
                    return MqttError.REFUSED_PROTOCOL;
                case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                    return MqttError.REFUSED_CLIENT_ID;
                case MqttException.REASON_CODE_BROKER_UNAVAILABLE:
                    return MqttError.REFUSED_UNAVAILABLE;
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                    return MqttError.REFUSED_CREDENTIALS;
                case MqttException.REASON_CODE_NOT_AUTHORIZED:
                    return MqttError.REFUSED_NOT_AUTHORIZED;
                case MqttException.REASON_CODE_CLIENT_TIMEOUT:
                    return MqttError.TIMEOUT;
                case MqttException.REASON_CODE_SERVER_CONNECT_ERROR:
                    return MqttError.CONNECT_FAILED;
                case MqttException.REASON_CODE_CONNECTION_LOST:
                    return MqttError.CONNECTION_LOST;
                default:
                    return MqttError.UNKNOWN;
            }
        }
        return MqttError.UNKNOWN;
    }

    /** Paho's callbacks for one session; ignores a session that is no longer the current one. */
    private final class SessionListener implements MqttSession.Listener {
        private final ModuleContext m;
        volatile MqttSession session;

        SessionListener(ModuleContext m) {
            this.m = m;
        }

        @Override
        public void messageArrived(String topic, byte[] payload, int qos, boolean retained) {
            if (session == null || session != MqttCommands.this.session) {
                return;
            }
            int count;
            synchronized (unread) {
                if (unread.size() >= MAX_UNREAD) {
                    unread.removeFirst();
                }
                unread.addLast(new Received(topic, payload, qos));
                count = unread.size();
            }
            m.emitUrc("+UUMQTTC: 6," + count);
        }

        @Override
        public void connectionLost(Throwable cause) {
            MqttSession s = session;
            synchronized (MqttCommands.this) {
                if (s == null || MqttCommands.this.session != s) {
                    return;
                }
                MqttCommands.this.session = null;
                state = State.IDLE;
                lastError = MqttError.CONNECTION_LOST;
            }
            s.abort();
            boolean pingFailed = cause instanceof MqttException
                    && ((MqttException) cause).getReasonCode() == MqttException.REASON_CODE_CLIENT_TIMEOUT;
            LOG.info("MQTT: connection to the broker lost: {}", String.valueOf(cause));
            if (pingFailed && pingLoop) {
                m.emitUrc("+UUMQTTC: 8,0");
            }
            m.emitUrc("+UUMQTTC: 0,100");
        }
    }

    private Response disconnect(ModuleContext m) {
        MqttSession s = session;
        if (state != State.CONNECTED || s == null) {
            return notConnected(m);
        }
        session = null;
        state = State.IDLE;
        pingLoop = false;
        return Response.ok().thenRun(() -> s.disconnect().whenComplete((v, e) -> m.emitUrc("+UUMQTTC: 0,1")));
    }

    /** AT+UMQTTC=2,&lt;qos&gt;,&lt;retain&gt;,&lt;hex mode&gt;,"&lt;topic&gt;","&lt;message&gt;". */
    private Response publishText(AtCommand c, ModuleContext m) {
        int qos = c.intParam(1, 0, 2);
        boolean retain = c.intParam(2, 0, 1) == 1;
        int hex = c.intParam(3, 0, 1);
        String topic = c.strParam(4);
        String text = c.strParam(5);
        byte[] payload = hex == 1 ? fromHex(text) : text.getBytes(StandardCharsets.ISO_8859_1);
        if (!validTopic(topic) || payload == null || (hex == 1 && payload.length > MAX_HEX_BYTES)
                || (hex == 0 && text.length() > MAX_TEXT)) {
            return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
        }
        return publish(m, topic, payload, qos, retain);
    }

    /** AT+UMQTTC=9,&lt;qos&gt;,&lt;retain&gt;,"&lt;topic&gt;",&lt;length&gt;, then '&gt;' and exactly length bytes. */
    private Response publishBinary(AtCommand c, ModuleContext m) {
        int qos = c.intParam(1, 0, 2);
        boolean retain = c.intParam(2, 0, 1) == 1;
        String topic = c.strParam(3);
        int length = c.intParam(4, 1, MAX_BINARY);
        if (!validTopic(topic)) {
            return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
        }
        if (state != State.CONNECTED) {
            return notConnected(m);
        }
        return Response.countedTextPrompt(length, data -> data == null ? Response.error() : publish(m, topic, data, qos, retain));
    }

    private Response publish(ModuleContext m, String topic, byte[] payload, int qos, boolean retain) {
        MqttSession s = session;
        if (state != State.CONNECTED || s == null) {
            return notConnected(m);
        }
        return Response.ok().thenRun(() -> s.publish(topic, payload, qos, retain).whenComplete((v, e) -> {
            if (e != null) {
                lastError = MqttError.CONNECTION_LOST;
            }
            m.emitUrc("+UUMQTTC: 2," + (e == null ? 1 : 0));
        }));
    }

    private Response subscribe(AtCommand c, ModuleContext m) {
        int qos = c.intParam(1, 0, 2);
        String filter = c.strParam(2);
        if (filter.isEmpty() || filter.length() > MAX_TOPIC) {
            return fail(MqttError.INVALID_PARAMETER, CmeError.INCORRECT_PARAMETERS);
        }
        MqttSession s = session;
        if (state != State.CONNECTED || s == null) {
            return notConnected(m);
        }
        return Response.ok().thenRun(() -> s.subscribe(filter, qos).whenComplete((granted, e) -> {
            if (e != null || granted == null || granted > 2) {
                lastError = e != null ? MqttError.CONNECTION_LOST : MqttError.SUBSCRIBE_REFUSED;
                m.emitUrc("+UUMQTTC: 4,0");
            } else {
                m.emitUrc("+UUMQTTC: 4,1," + granted + ",\"" + filter + "\"");
            }
        }));
    }

    private Response unsubscribe(AtCommand c, ModuleContext m) {
        String filter = c.strParam(1);
        MqttSession s = session;
        if (state != State.CONNECTED || s == null) {
            return notConnected(m);
        }
        return Response.ok().thenRun(() -> s.unsubscribe(filter).whenComplete((v, e) -> {
            if (e != null) {
                lastError = MqttError.CONNECTION_LOST;
            }
            m.emitUrc("+UUMQTTC: 5," + (e == null ? 1 : 0));
        }));
    }

    /** +UMQTTC: 6,&lt;qos&gt;,&lt;total&gt;,&lt;topic length&gt;,"&lt;topic&gt;",&lt;length&gt;,"&lt;bytes&gt;". */
    private Response read(ModuleContext m) {
        Received r;
        synchronized (unread) {
            r = unread.pollFirst();
        }
        if (r == null) {
            return fail(MqttError.NO_MESSAGE, CmeError.OPERATION_NOT_ALLOWED);
        }
        byte[] topic = r.topic().getBytes(StandardCharsets.UTF_8);
        String line = "+UMQTTC: 6," + r.qos() + "," + (topic.length + r.payload().length) + "," + topic.length + ",\""
                + new String(topic, StandardCharsets.ISO_8859_1) + "\"," + r.payload().length + ",\""
                + new String(r.payload(), StandardCharsets.ISO_8859_1) + "\"";
        return Response.ok(line);
    }

    // ------------------------------------------------------------------ helpers

    /** The context the MQTT client uses: the +UMQTT=20 mapping where set, else the internal stack's. */
    private Network.InternalRoute route(ModuleContext m, Network net) {
        MqttProfile p = profile;
        if (p != null && p.pdpCid >= 0) {
            PdpContext ctx = net.registered() ? net.context(p.pdpCid) : null;
            return ctx != null && ctx.active() ? new Network.InternalRoute(ctx, p.pdpIpType == 1) : null;
        }
        return net.internalRoute();
    }

    private static boolean validTopic(String topic) {
        return !topic.isEmpty() && topic.length() <= MAX_TOPIC && !hasWildcard(topic);
    }

    private static boolean hasWildcard(String topic) {
        return topic.indexOf('#') >= 0 || topic.indexOf('+') >= 0;
    }

    private static boolean isIpLiteral(String s) {
        if (!s.matches("[0-9.]+") && !s.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(s); // a literal: no lookup happens
            return s.indexOf(':') >= 0 || s.chars().filter(ch -> ch == '.').count() == 3;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    static byte[] fromHex(String hex) {
        if (hex.length() % 2 != 0) {
            return null;
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
