package io.ucell.simulator.mqttsn;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import io.ucell.simulator.security.SecurityProfiles;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * +UMQTTSN, +UMQTTSNNV, +UMQTTSNC and +UMQTTSNER (app note section 7). One instance per simulated module. The current
 * profile, the session, the unread messages and the last error are volatile; a boot starts from the profile stored
 * with +UMQTTSNNV=2 (factory values when none). Commands that need the gateway answer OK at once and report with
 * +UUMQTTSNC: &lt;op&gt;,&lt;1 success|0 failure&gt;[,...]; what the module refuses locally is +CME ERROR, with
 * the reason in +UMQTTSNER. Readings the app note leaves open, and what the simulator picked:
 * <ul>
 * <li>publish: +UMQTTSNC=4,&lt;QoS 0-2, 3 = QoS -1&gt;,&lt;retain&gt;,&lt;0 text|1 hex&gt;,&lt;topic type 0 normal
 * id|1 predefined id|2 short name&gt;,"&lt;topic&gt;","&lt;message&gt;" (7.4, 7.6, 7.7), at most 512 bytes;</li>
 * <li>subscribe: +UUMQTTSNC: 5,1,&lt;granted QoS&gt;,&lt;topic id&gt; for a topic name (7.3; id 0 for a filter with
 * wildcards) and +UUMQTTSNC: 5,1,&lt;topic type&gt;,&lt;granted QoS&gt; for predefined and short topics (the reading
 * of 7.7's "5,1,2,0" that agrees with its "granted QoS is 0");</li>
 * <li>read: +UMQTTSNC: 9,&lt;QoS&gt;,&lt;topic type&gt;,&lt;topic length + message length&gt;,&lt;topic
 * length&gt;,"&lt;topic&gt;",&lt;message length&gt;,"&lt;message bytes&gt;" (7.4, 7.7, 7.8), one message per
 * read; +UUMQTTSNC: 9,&lt;unread messages&gt; when one arrives;</li>
 * <li>will updates during a session: +UMQTTSNC=7,&lt;QoS&gt;,&lt;retain&gt;,"&lt;topic&gt;" and
 * +UMQTTSNC=8,"&lt;message&gt;" (MQTT-SN WILLTOPICUPD/WILLMSGUPD, as ubxlib sends them), +UUMQTTSNC: 7|8,1;</li>
 * <li>+UMQTTSNC=10,&lt;0|1&gt; (ping) is accepted: the broker connection keeps itself alive.</li>
 * </ul>
 * DTLS (+UMQTTSN=9,1,&lt;profile&gt;, 7.10) is accepted and reported, but the session runs in clear to the broker.
 */
public final class MqttSnCommands {
    static final int MAX_PAYLOAD = 512;
    static final int MAX_CLIENT_ID = 100;
    static final int MAX_STRING = 255;
    private static final String NVM_KEY = "umqttsn.profile";
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    /** One message the module received and the host has not read yet. */
    private record Received(int qos, MqttSnTopics.SnTopic topic, byte[] payload) {
    }

    private ModuleContext module;
    private Network boot;
    private MqttSnProfile current;
    private MqttSnError lastError = MqttSnError.NONE;
    private MqttSnSession session;
    private boolean connecting;
    /** The session being connected: what the broker sends at once (a kept session's messages) is kept for it. */
    private MqttSnSession connectingSession;
    private final Deque<Received> inbox = new ArrayDeque<>();
    /**
     * Publishes of the module waiting for the broker: a message arriving meanwhile (its own, echoed by the broker
     * before the PUBACK) is announced after +UUMQTTSNC: 4, in the order of the app note's tables (7.4, 7.7).
     */
    private int publishing;
    private boolean announcePending;

    private MqttSnCommands() {
    }

    public static void register(CommandRegistry r) {
        MqttSnCommands c = new MqttSnCommands();
        r.register("+UMQTTSN", c::umqttsn);
        r.register("+UMQTTSNNV", c::umqttsnnv);
        r.register("+UMQTTSNC", c::umqttsnc);
        r.register("+UMQTTSNER", c::umqttsner);
        r.onClose(c::close);
    }

    // ------------------------------------------------------------------ state

    /** A reboot drops the session (no URC, no DISCONNECT) and starts from the stored profile. */
    private void checkBoot(ModuleContext m) {
        if (m.network() == boot) {
            return;
        }
        MqttSnSession old;
        synchronized (this) {
            module = m;
            boot = m.network();
            current = stored(m);
            lastError = MqttSnError.NONE;
            old = session;
            session = null;
            connecting = false;
            connectingSession = null;
            inbox.clear();
            announcePending = false;
        }
        if (old != null) {
            m.background().execute(old::kill);
        }
        // the listener runs with the network's lock held: look at the session on another thread
        Network net = boot;
        net.onRouteLost(() -> m.background().execute(() -> routeCheck(net)));
    }

    private void close() {
        MqttSnSession old;
        synchronized (this) {
            old = session;
            session = null;
            connecting = false;
        }
        if (old != null) {
            old.disconnect();
        }
    }

    private static MqttSnProfile factory(ModuleContext m) {
        // "The default client id value is the IMEI of the module" (7.1.1)
        return new MqttSnProfile(m.config().imei());
    }

    private static MqttSnProfile stored(ModuleContext m) {
        String s = m.nvm().get(NVM_KEY);
        if (s != null) {
            try {
                return MqttSnProfile.decode(s);
            } catch (RuntimeException e) {
                // unreadable: factory values
            }
        }
        return factory(m);
    }

    private synchronized Response fail(MqttSnError e, CmeError cme) {
        lastError = e;
        return Response.cme(cme);
    }

    private synchronized void setError(MqttSnError e) {
        lastError = e;
    }

    private void urc(String text) {
        ModuleContext m = module;
        if (m != null) {
            m.emitUrc(text);
        }
    }

    /** After the final result code, on a background thread (so a URC never overtakes the OK). */
    private static Response later(ModuleContext m, Runnable work) {
        return Response.ok().thenRun(() -> m.background().execute(work));
    }

    // ------------------------------------------------------------------ +UMQTTSN

    private Response umqttsn(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error(); // section 7 does not apply to SARA-R422
        }
        checkBoot(m);
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UMQTTSN: (0-2,4-10,20)");
            case READ:
                synchronized (this) {
                    return Response.ok(current.describe());
                }
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0);
        synchronized (this) {
            if (c.paramCount() == 1) {
                // AT+UMQTTSN=<op>: that one parameter
                String line = current.line(op);
                return line == null || (op == 20 && !m.capabilities().internalPdpMappingSupported())
                        ? Response.cme(CmeError.INCORRECT_PARAMETERS) : Response.ok(line);
            }
            switch (op) {
                case 0: {
                    String id = c.strParam(1);
                    if (id.isEmpty() || id.length() > MAX_CLIENT_ID) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.clientId = id;
                    return Response.ok();
                }
                case 1: {
                    String name = c.strParam(1);
                    int port = c.optInt(2, MqttSnProfile.DEFAULT_PORT, 1, 65535);
                    if (name.length() > MAX_STRING || name.indexOf(' ') >= 0) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.gatewayName = name;
                    current.namePort = port;
                    current.gatewayIp = "";
                    return Response.ok();
                }
                case 2: {
                    String ip = c.strParam(1);
                    int port = c.optInt(2, MqttSnProfile.DEFAULT_PORT, 1, 65535);
                    if (!ip.isEmpty() && !ipLiteral(ip)) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.gatewayIp = ip;
                    current.ipPort = port;
                    current.gatewayName = "";
                    return Response.ok();
                }
                case 4:
                    current.willQos = c.intParam(1, 0, 2);
                    return Response.ok();
                case 5:
                    current.willRetain = c.intParam(1, 0, 1) == 1;
                    return Response.ok();
                case 6: {
                    String topic = c.strParam(1);
                    if (!topic.isEmpty() && !MqttSnTopics.validName(topic)) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.willTopic = topic;
                    return Response.ok();
                }
                case 7: {
                    String msg = c.strParam(1);
                    if (msg.length() > MAX_STRING) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.willMessage = msg;
                    return Response.ok();
                }
                case 8:
                    current.duration = c.intParam(1, 0, 65535);
                    return Response.ok();
                case 9: {
                    int secure = c.intParam(1, 0, 1);
                    if (secure == 1 && !m.capabilities().securitySupported()) {
                        return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                    }
                    int profile = c.optInt(2, 0, 0, SecurityProfiles.PROFILES - 1);
                    current.secure = secure == 1;
                    current.securityProfile = secure == 1 ? profile : 0;
                    return Response.ok();
                }
                case 10:
                    current.cleanSession = c.intParam(1, 0, 1) == 1;
                    return Response.ok();
                case 20: {
                    if (!m.capabilities().internalPdpMappingSupported()) {
                        return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                    }
                    int cid = c.intParam(1);
                    if (!m.capabilities().validCid(cid)) {
                        return Response.cme(CmeError.INCORRECT_PARAMETERS);
                    }
                    current.pdpCid = cid;
                    current.pdpIpType = c.optInt(2, 0, 0, 1);
                    return Response.ok();
                }
                default:
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
            }
        }
    }

    static boolean ipLiteral(String s) {
        java.util.regex.Matcher v4 = IPV4.matcher(s);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        return s.indexOf(':') >= 0 && IPV6.matcher(s).matches();
    }

    // ------------------------------------------------------------------ +UMQTTSNNV

    private Response umqttsnnv(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UMQTTSNNV: (0-2)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int op = c.intParam(0, 0, 2);
        synchronized (this) {
            switch (op) {
                case 0:
                    current = factory(m);
                    break;
                case 1:
                    current = stored(m);
                    break;
                default:
                    m.nvm().put(NVM_KEY, current.encode());
            }
        }
        return Response.ok();
    }

    // ------------------------------------------------------------------ +UMQTTSNER

    private Response umqttsner(AtCommand c, ModuleContext m) {
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
        synchronized (this) {
            return Response.ok(lastError.line());
        }
    }

    // ------------------------------------------------------------------ +UMQTTSNC

    private Response umqttsnc(AtCommand c, ModuleContext m) {
        if (!m.capabilities().mqttSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UMQTTSNC: (0-2,4-10)");
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
                return register(c, m);
            case 4:
                return publish(c, m);
            case 5:
                return subscribe(c, m);
            case 6:
                return unsubscribe(c, m);
            case 7:
            case 8:
                return willUpdate(c, m, op);
            case 9:
                return read(c);
            case 10:
                c.intParam(1, 0, 1);
                return Response.ok();
            default:
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
    }

    /** The context a session uses: the +UMQTTSN=20 mapping where set, else the internal stack's; -1 when none. */
    private static int routeCid(ModuleContext m, MqttSnProfile p) {
        Network net = m.network();
        if (p.pdpCid >= 0) {
            PdpContext ctx = net.registered() ? net.context(p.pdpCid) : null;
            return ctx != null && ctx.active() ? p.pdpCid : -1;
        }
        Network.InternalRoute r = net.internalRoute();
        return r == null ? -1 : r.context().cid();
    }

    /** Whether the session's way out still exists: its mapped context, or the internal stack's route on that context. */
    private static boolean routeUp(Network net, MqttSnSession s) {
        if (s.mapped) {
            PdpContext ctx = net.registered() ? net.context(s.cid) : null;
            return ctx != null && ctx.active();
        }
        Network.InternalRoute r = net.internalRoute();
        return r != null && r.context().cid() == s.cid;
    }

    /** The network changed: a session whose context went away drops without DISCONNECT (the broker sends the will). */
    private void routeCheck(Network net) {
        MqttSnSession s;
        synchronized (this) {
            s = session;
            if (s == null || net != boot || routeUp(net, s)) {
                return;
            }
            session = null;
            lastError = MqttSnError.CONNECTION_LOST;
            inbox.clear();
        }
        s.kill();
        urc("+UUMQTTSNC: 0,101");
    }

    private Response connect(ModuleContext m) {
        MqttSnProfile p;
        synchronized (this) {
            if (session != null || connecting) {
                return fail(MqttSnError.ALREADY_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
            }
            p = current.copy();
        }
        if (!p.gatewaySet()) {
            return fail(MqttSnError.GATEWAY_NOT_SET, CmeError.OPERATION_NOT_ALLOWED);
        }
        int cid = routeCid(m, p);
        if (cid < 0) {
            return fail(MqttSnError.NO_NETWORK, CmeError.OPERATION_NOT_ALLOWED);
        }
        Network.InternalRoute route = m.network().internalRoute();
        boolean ipv6 = p.pdpCid >= 0 ? p.pdpIpType == 1 : route != null && route.ipv6();
        Map<Integer, String> predefined = m.config().mqttSnPredefinedTopics();
        synchronized (this) {
            connecting = true;
            lastError = MqttSnError.NONE;
        }
        return later(m, () -> {
            MqttSnSession s;
            try {
                String host = p.gatewayName.isEmpty() ? p.gatewayIp : m.dns().forward(p.gatewayName, ipv6);
                s = new MqttSnSession(p, host, new MqttSnTopics(predefined), cid, p.pdpCid >= 0, sessionListener());
                synchronized (this) {
                    connectingSession = s;
                }
                s.connect();
            } catch (UnknownHostException e) {
                connectFailed(MqttSnError.NAME_NOT_RESOLVED);
                return;
            } catch (MqttSnSession.Failure f) {
                connectFailed(f.error);
                return;
            } catch (LinkageError e) {
                // an OSGi runtime without Paho (an optional import of the simulator)
                connectFailed(MqttSnError.GATEWAY_UNREACHABLE);
                return;
            }
            boolean keep;
            int unread = 0;
            synchronized (this) {
                keep = connecting && m.network() == boot;
                connectingSession = null;
                if (keep) {
                    connecting = false;
                    session = s;
                    if (announcePending && publishing == 0) {
                        announcePending = false;
                        unread = inbox.size();
                    }
                }
            }
            if (!keep) {
                s.disconnect(); // disconnected or rebooted meanwhile
                return;
            }
            urc("+UUMQTTSNC: 1,1");
            if (unread > 0) {
                urc("+UUMQTTSNC: 9," + unread);
            }
        });
    }

    private void connectFailed(MqttSnError e) {
        synchronized (this) {
            connectingSession = null;
            if (!connecting) {
                return;
            }
            connecting = false;
            lastError = e;
        }
        urc("+UUMQTTSNC: 1,0");
    }

    private MqttSnSession.Listener sessionListener() {
        return new MqttSnSession.Listener() {
            @Override
            public void message(MqttSnSession s, String topic, MqttMessage message) {
                int unread;
                synchronized (MqttSnCommands.this) {
                    if (s != session && s != connectingSession) {
                        return;
                    }
                    inbox.add(new Received(message.getQos(), s.topics.incoming(topic), message.getPayload()));
                    unread = inbox.size();
                    if (publishing > 0 || s == connectingSession) {
                        // announced after +UUMQTTSNC: 4 / 1
                        announcePending = true;
                        return;
                    }
                }
                urc("+UUMQTTSNC: 9," + unread);
            }

            @Override
            public void lost(MqttSnSession s, Throwable cause) {
                synchronized (MqttSnCommands.this) {
                    if (s != session) {
                        return;
                    }
                    session = null;
                    lastError = MqttSnError.CONNECTION_LOST;
                }
                s.kill();
                urc("+UUMQTTSNC: 0,101");
            }
        };
    }

    private Response disconnect(ModuleContext m) {
        MqttSnSession s;
        synchronized (this) {
            if (session == null && !connecting) {
                return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
            }
            s = session;
            session = null;
            connecting = false;
            connectingSession = null;
            inbox.clear();
            announcePending = false;
        }
        return later(m, () -> {
            if (s != null) {
                s.disconnect();
            }
            urc("+UUMQTTSNC: 0,1");
        });
    }

    private synchronized MqttSnSession connected() {
        return session;
    }

    private Response register(AtCommand c, ModuleContext m) {
        String name = c.strParam(1);
        MqttSnSession s = connected();
        if (s == null) {
            return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (!MqttSnTopics.validName(name)) {
            // REGACK "rejected: invalid topic ID" for a name a gateway cannot register (wildcards)
            setError(MqttSnError.INVALID_TOPIC);
            return Response.ok().urcAfter("+UUMQTTSNC: 2,0");
        }
        return Response.ok().urcAfter("+UUMQTTSNC: 2,1," + s.topics.register(name));
    }

    private Response publish(AtCommand c, ModuleContext m) {
        int qos = c.intParam(1, 0, 3);
        boolean retain = c.intParam(2, 0, 1) == 1;
        boolean hex = c.intParam(3, 0, 1) == 1;
        int type = c.intParam(4, 0, 2);
        String topicText = c.strParam(5);
        String message = c.strParam(6);
        byte[] payload;
        if (hex) {
            if (message.length() % 2 != 0 || !message.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return fail(MqttSnError.PAYLOAD, CmeError.INCORRECT_PARAMETERS);
            }
            payload = fromHex(message);
        } else {
            payload = message.getBytes(StandardCharsets.ISO_8859_1);
        }
        if (payload.length > MAX_PAYLOAD) {
            return fail(MqttSnError.PAYLOAD, CmeError.INCORRECT_PARAMETERS);
        }
        MqttSnSession s = connected();
        if (s == null) {
            if (qos == 3 && type != MqttSnTopics.NORMAL) {
                return publishWithoutSession(m, type, topicText, payload, retain);
            }
            return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (qos == 3 && type == MqttSnTopics.NORMAL) {
            // QoS -1 works with predefined ids and short names only (MQTT-SN 1.2, 6.8)
            return fail(MqttSnError.INVALID_TOPIC, CmeError.INCORRECT_PARAMETERS);
        }
        String topic = s.topics.resolve(type, topicText);
        if (topic == null) {
            // PUBACK "rejected: invalid topic ID"
            setError(MqttSnError.INVALID_TOPIC);
            return Response.ok().urcAfter("+UUMQTTSNC: 4,0");
        }
        int mqttQos = qos == 3 ? 0 : qos;
        synchronized (this) {
            publishing++;
        }
        return later(m, () -> {
            try {
                s.publish(topic, payload, mqttQos, retain);
                urc("+UUMQTTSNC: 4,1");
            } catch (MqttSnSession.Failure f) {
                setError(f.error);
                urc("+UUMQTTSNC: 4,0");
            } finally {
                publishDone();
            }
        });
    }

    /** The publish URC is out: announce what arrived while it was waiting. */
    private void publishDone() {
        int unread = 0;
        synchronized (this) {
            publishing--;
            if (publishing == 0 && announcePending) {
                announcePending = false;
                unread = inbox.size();
            }
        }
        if (unread > 0) {
            urc("+UUMQTTSNC: 9," + unread);
        }
    }

    /** QoS -1 without a session (MQTT-SN 1.2, 6.8): the gateway forwards it on a connection of its own. */
    private Response publishWithoutSession(ModuleContext m, int type, String topicText, byte[] payload, boolean retain) {
        MqttSnProfile p;
        synchronized (this) {
            p = current.copy();
        }
        MqttSnTopics table = new MqttSnTopics(m.config().mqttSnPredefinedTopics());
        String topic = table.resolve(type, topicText);
        if (topic == null) {
            return fail(MqttSnError.INVALID_TOPIC, CmeError.INCORRECT_PARAMETERS);
        }
        if (!p.gatewaySet()) {
            return fail(MqttSnError.GATEWAY_NOT_SET, CmeError.OPERATION_NOT_ALLOWED);
        }
        int cid = routeCid(m, p);
        if (cid < 0) {
            return fail(MqttSnError.NO_NETWORK, CmeError.OPERATION_NOT_ALLOWED);
        }
        p.willTopic = "";
        p.cleanSession = true;
        p.clientId = p.clientId + "-qos-1";
        return later(m, () -> {
            try {
                String host = p.gatewayName.isEmpty() ? p.gatewayIp : m.dns().forward(p.gatewayName, false);
                MqttSnSession once = new MqttSnSession(p, host, table, cid, p.pdpCid >= 0, new MqttSnSession.Listener() {
                    @Override
                    public void message(MqttSnSession s, String t, MqttMessage msg) {
                    }

                    @Override
                    public void lost(MqttSnSession s, Throwable cause) {
                    }
                });
                once.connect();
                try {
                    once.publish(topic, payload, 0, retain);
                } finally {
                    once.disconnect();
                }
                urc("+UUMQTTSNC: 4,1");
            } catch (UnknownHostException e) {
                setError(MqttSnError.NAME_NOT_RESOLVED);
                urc("+UUMQTTSNC: 4,0");
            } catch (MqttSnSession.Failure f) {
                setError(f.error);
                urc("+UUMQTTSNC: 4,0");
            }
        });
    }

    private Response subscribe(AtCommand c, ModuleContext m) {
        int qos = c.intParam(1, 0, 2);
        int type = c.intParam(2, 0, 2);
        String text = c.strParam(3);
        MqttSnSession s = connected();
        if (s == null) {
            return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        String filter;
        int topicId = 0;
        if (type == MqttSnTopics.NORMAL) {
            // a topic name, wildcards allowed (7.3); a filter with wildcards gets no id
            if (text.isEmpty() || text.length() > MAX_STRING) {
                setError(MqttSnError.INVALID_TOPIC);
                return Response.ok().urcAfter("+UUMQTTSNC: 5,0");
            }
            filter = text;
            if (MqttSnTopics.validName(text)) {
                topicId = s.topics.register(text);
            }
        } else {
            filter = s.topics.resolve(type, text);
            if (filter == null) {
                setError(MqttSnError.INVALID_TOPIC);
                return Response.ok().urcAfter("+UUMQTTSNC: 5,0");
            }
        }
        int id = topicId;
        return later(m, () -> {
            try {
                int granted = s.subscribe(filter, qos);
                urc(type == MqttSnTopics.NORMAL ? "+UUMQTTSNC: 5,1," + granted + "," + id
                        : "+UUMQTTSNC: 5,1," + type + "," + granted);
            } catch (MqttSnSession.Failure f) {
                setError(f.error);
                urc("+UUMQTTSNC: 5,0");
            }
        });
    }

    private Response unsubscribe(AtCommand c, ModuleContext m) {
        int type = c.intParam(1, 0, 2);
        String text = c.strParam(2);
        MqttSnSession s = connected();
        if (s == null) {
            return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        String filter;
        if (type == MqttSnTopics.NORMAL && s.subscribed(text)) {
            filter = text; // by name (or filter)
        } else {
            filter = s.topics.resolve(type, text); // by topic id (7.5), predefined id, short name
        }
        if (filter == null) {
            setError(MqttSnError.INVALID_TOPIC);
            return Response.ok().urcAfter("+UUMQTTSNC: 6,0");
        }
        return later(m, () -> {
            try {
                s.unsubscribe(filter);
                urc("+UUMQTTSNC: 6,1");
            } catch (MqttSnSession.Failure f) {
                setError(f.error);
                urc("+UUMQTTSNC: 6,0");
            }
        });
    }

    private Response willUpdate(AtCommand c, ModuleContext m, int op) {
        MqttSnProfile updated;
        MqttSnSession s;
        synchronized (this) {
            s = session;
            if (s == null) {
                return fail(MqttSnError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
            }
            updated = current.copy();
        }
        if (op == 7) {
            updated.willQos = c.intParam(1, 0, 2);
            updated.willRetain = c.intParam(2, 0, 1) == 1;
            String topic = c.strParam(3);
            if (!MqttSnTopics.validName(topic)) {
                return fail(MqttSnError.INVALID_TOPIC, CmeError.INCORRECT_PARAMETERS);
            }
            updated.willTopic = topic;
        } else {
            String msg = c.strParam(1);
            if (msg.length() > MAX_STRING) {
                return fail(MqttSnError.PAYLOAD, CmeError.INCORRECT_PARAMETERS);
            }
            updated.willMessage = msg;
        }
        synchronized (this) {
            current.willQos = updated.willQos;
            current.willRetain = updated.willRetain;
            current.willTopic = updated.willTopic;
            current.willMessage = updated.willMessage;
        }
        return later(m, () -> {
            try {
                s.updateWill(updated);
                urc("+UUMQTTSNC: " + op + ",1");
            } catch (MqttSnSession.Failure f) {
                boolean dropped;
                synchronized (this) {
                    lastError = f.error;
                    dropped = session == s;
                    if (dropped) {
                        session = null;
                    }
                }
                urc("+UUMQTTSNC: " + op + ",0");
                if (dropped) {
                    s.kill();
                    urc("+UUMQTTSNC: 0,101");
                }
            }
        });
    }

    private Response read(AtCommand c) {
        if (c.has(1)) {
            c.intParam(1, 0, 1);
        }
        Received r;
        synchronized (this) {
            r = inbox.poll();
        }
        if (r == null) {
            return Response.ok();
        }
        String topic = r.topic().text();
        String message = new String(r.payload(), StandardCharsets.ISO_8859_1);
        return Response.ok("+UMQTTSNC: 9," + r.qos() + "," + r.topic().type() + "," + (topic.length() + r.payload().length)
                + "," + topic.length() + ",\"" + topic + "\"," + r.payload().length + ",\"" + message + "\"");
    }

    static byte[] fromHex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
