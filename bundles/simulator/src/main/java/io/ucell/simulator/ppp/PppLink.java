package io.ucell.simulator.ppp;

import io.ucell.simulator.commands.DataLink;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.ppp.ControlPacket.Option;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's side of one PPP call (the data phase after ATD*99 / +CGDATA answered CONNECT): LCP (RFC 1661),
 * PAP (RFC 1334) or CHAP-MD5 (RFC 1994) checked against +UAUTHREQ, IPCP with the addresses and DNS servers
 * (RFC 1332, 1877), then IPv4 packets to and from the {@link IpGateway}. Frames are decoded on the UART's receive
 * thread and handled on one engine thread per call, which is also the only thread that changes the negotiation
 * state. "+++" puts the call on hold (online command mode: ATO resumes it, ATH ends it); an LCP
 * Terminate-Request ends it with NO CARRIER.
 */
final class PppLink implements DataLink {
    private static final Logger LOG = LoggerFactory.getLogger(PppLink.class);

    static final int LCP = 0xC021;
    static final int PAP = 0xC023;
    static final int CHAP = 0xC223;
    static final int IPCP = 0x8021;
    static final int IPV4 = 0x0021;

    static final int CONF_REQ = 1;
    static final int CONF_ACK = 2;
    static final int CONF_NAK = 3;
    static final int CONF_REJ = 4;
    static final int TERM_REQ = 5;
    static final int TERM_ACK = 6;
    static final int CODE_REJ = 7;
    static final int PROTO_REJ = 8;
    static final int ECHO_REQ = 9;
    static final int ECHO_REP = 10;
    static final int DISCARD_REQ = 11;
    static final int IDENTIFICATION = 12;
    static final int TIME_REMAINING = 13;

    // LCP option types (RFC 1661 6, RFC 1662 7.1)
    static final int OPT_MRU = 1;
    static final int OPT_ACCM = 2;
    static final int OPT_AUTH = 3;
    static final int OPT_MAGIC = 5;
    static final int OPT_PFC = 7;
    static final int OPT_ACFC = 8;
    // IPCP option types (RFC 1332, RFC 1877)
    static final int OPT_IP_ADDRESS = 3;
    static final int OPT_DNS1 = 129;
    static final int OPT_DNS2 = 131;

    private static final int CHAP_MD5 = 5;
    private static final int MAX_TICKS = 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Told once when the call is over, however it ended. */
    interface Ended {
        void ended(PppLink link);
    }

    private final PppSetup setup;
    private final Ended onEnd;
    private final ScheduledExecutorService engine;
    private final Hdlc.Decoder decoder;
    private final IpGateway gateway;
    private volatile Port port;
    /** Frames made before the first start (the DTE was quicker than the CONNECT's last byte). */
    private final List<byte[]> beforeStart = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean suspended;
    private volatile boolean ended;

    // what the DTE asked us to do when sending (set on the engine thread, read by gateway threads)
    private volatile int txAccm = Hdlc.DEFAULT_ACCM;
    private volatile boolean acfc;
    private volatile boolean pfc;
    private volatile boolean ipUp;
    private volatile int peerMru = 1500;

    // negotiation state: engine thread only
    private final int magic = RANDOM.nextInt() | 1;
    private int nextId = 1;
    private int lcpRequestId;
    private List<Option> lcpRequest;
    private boolean lcpAckReceived;
    private boolean lcpAckSent;
    private boolean lcpOpened;
    private int authProtocol;
    private boolean authDone;
    private byte[] chapChallenge;
    private int chapId;
    private int ipcpRequestId;
    private List<Option> ipcpRequest;
    private boolean ipcpAckReceived;
    private boolean ipcpAckSent;
    private int ticksWithoutProgress;
    private boolean terminating;

    PppLink(PppSetup setup, IpGateway.Factory gateways, Ended onEnd) {
        this.setup = setup;
        this.onEnd = onEnd;
        this.decoder = new Hdlc.Decoder(Math.max(1500, setup.mtu()) + 8);
        this.engine = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ppp-cid" + setup.cid());
            t.setDaemon(true);
            return t;
        });
        this.gateway = gateways.create(setup, this::sendIp);
        this.authProtocol = switch (setup.auth().type()) {
            case 1 -> PAP;
            case 2, 3 -> CHAP;
            default -> 0;
        };
    }

    PppSetup setup() {
        return setup;
    }

    boolean suspended() {
        return suspended;
    }

    boolean ended() {
        return ended;
    }

    // ------------------------------------------------------------------ DataLink

    @Override
    public void start(Port p) {
        List<byte[]> early;
        synchronized (this) {
            port = p;
            suspended = false;
            early = new ArrayList<>(beforeStart);
            beforeStart.clear();
        }
        early.forEach(p::toHost); // answers to frames the DTE sent before CONNECT had left the wire
        if (!started) {
            started = true;
            engine.execute(this::sendLcpRequest);
            engine.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
            LOG.info("PPP on cid {} started ({} mode, DTE {}, {})", setup.cid(),
                    setup.routerMode() ? "router" : "bridge", setup.dteAddress().getHostAddress(), setup.auth());
        } else {
            LOG.info("PPP on cid {} resumed (ATO)", setup.cid());
        }
    }

    @Override
    public void fromHost(int b) {
        byte[] frame = decoder.feed(b);
        if (frame != null && !ended) {
            engine.execute(() -> onFrame(frame));
        }
    }

    @Override
    public Response escaped() {
        // online command mode (4.2): the call stays up, traffic to the DTE is dropped until ATO
        suspended = true;
        return Response.ok();
    }

    @Override
    public String escapeText() {
        return null;
    }

    @Override
    public void abandon() {
        end("module rebooted");
    }

    /** The context went down (deactivated by the network, detach, radio off): Terminate-Request, NO CARRIER. */
    void contextLost() {
        if (ended) {
            return;
        }
        try {
            engine.execute(() -> {
                LOG.info("PPP on cid {}: the context went down", setup.cid());
                terminate();
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // ended meanwhile
        }
    }

    /** ATH in online command mode (or a reboot): the call ends without NO CARRIER (ATH answers OK). */
    void hangUpNow(String why) {
        end(why);
    }

    private void end(String why) {
        synchronized (this) {
            if (ended) {
                return;
            }
            ended = true;
        }
        ipUp = false;
        LOG.info("PPP on cid {} ended: {}", setup.cid(), why);
        engine.shutdownNow();
        gateway.close();
        onEnd.ended(this);
    }

    /** The module ends the call itself: NO CARRIER on the UART, back to command mode. */
    private void hangUpWithNoCarrier(String why) {
        Port p = port;
        if (p != null && !suspended) {
            p.hangUp();
        }
        end(why);
    }

    // ------------------------------------------------------------------ sending

    private void send(int protocol, byte[] payload) {
        Port p;
        synchronized (this) {
            p = port;
            if (p == null && !ended) {
                beforeStart.add(frame(protocol, payload));
                return;
            }
        }
        if (suspended || ended) {
            return;
        }
        p.toHost(frame(protocol, payload));
    }

    private byte[] frame(int protocol, byte[] payload) {
        ByteArrayOutputStream f = new ByteArrayOutputStream(payload.length + 4);
        boolean lcp = protocol == LCP;
        // RFC 1661 6.5/6.6: LCP packets always carry address/control and the full protocol field
        if (lcp || !acfc) {
            f.write(0xFF);
            f.write(0x03);
        }
        if (!lcp && pfc && protocol < 0x100) {
            f.write(protocol);
        } else {
            f.write(protocol >>> 8);
            f.write(protocol & 0xFF);
        }
        f.writeBytes(payload);
        // RFC 1662 7.1: LCP configuration packets go with the default map
        return Hdlc.encode(f.toByteArray(), lcp ? Hdlc.DEFAULT_ACCM : txAccm);
    }

    private void send(int protocol, ControlPacket packet) {
        send(protocol, packet.bytes());
    }

    /**
     * An IPv4 packet for the DTE (from the gateway's threads); dropped unless IPCP is open, and when it exceeds the
     * DTE's MRU (the simulator does not fragment, so a host datagram larger than that is lost).
     */
    private void sendIp(byte[] packet) {
        if (!ipUp) {
            return;
        }
        if (packet.length > peerMru) {
            LOG.debug("PPP on cid {}: {}-byte packet exceeds the DTE's MRU {}: dropped", setup.cid(), packet.length,
                    peerMru);
            return;
        }
        send(IPV4, packet);
    }

    private int id() {
        nextId = (nextId + 1) & 0xFF;
        return nextId;
    }

    // ------------------------------------------------------------------ receiving

    private void onFrame(byte[] frame) {
        if (ended) {
            return;
        }
        int i = 0;
        if (frame.length >= 2 && (frame[0] & 0xFF) == 0xFF && (frame[1] & 0xFF) == 0x03) {
            i = 2; // address and control (absent when the DTE compresses them, ACFC)
        }
        if (i >= frame.length) {
            return;
        }
        int protocol = frame[i] & 0xFF;
        i++;
        if ((protocol & 1) == 0) {
            if (i >= frame.length) {
                return;
            }
            protocol = (protocol << 8) | (frame[i] & 0xFF);
            i++;
        }
        byte[] payload = Arrays.copyOfRange(frame, i, frame.length);
        try {
            dispatch(protocol, payload);
        } catch (RuntimeException e) {
            LOG.warn("PPP frame of protocol 0x{} failed", Integer.toHexString(protocol), e);
        }
    }

    private void dispatch(int protocol, byte[] payload) {
        if (protocol == LCP) {
            ControlPacket p = ControlPacket.parse(payload);
            if (p != null) {
                onLcp(p);
            }
            return;
        }
        if (!lcpOpened) {
            return; // RFC 1661 3.4: other packets before LCP is open are silently discarded
        }
        switch (protocol) {
            case PAP -> onPap(ControlPacket.parse(payload));
            case CHAP -> onChap(ControlPacket.parse(payload));
            case IPCP -> {
                if (authDone) {
                    ControlPacket p = ControlPacket.parse(payload);
                    if (p != null) {
                        onIpcp(p);
                    }
                }
            }
            case IPV4 -> {
                if (ipUp) {
                    gateway.fromDte(payload);
                }
            }
            default -> {
                // IPv6CP, CCP and everything else: this link carries IPv4 only
                byte[] data = new byte[2 + Math.min(payload.length, 1400)];
                data[0] = (byte) (protocol >>> 8);
                data[1] = (byte) protocol;
                System.arraycopy(payload, 0, data, 2, data.length - 2);
                send(LCP, new ControlPacket(PROTO_REJ, id(), data));
            }
        }
    }

    // ------------------------------------------------------------------ LCP

    private void sendLcpRequest() {
        if (lcpRequest == null) {
            lcpRequest = new ArrayList<>();
            lcpRequest.add(Option.ofInt(OPT_ACCM, 0, 4));
            if (authProtocol == PAP) {
                lcpRequest.add(Option.ofInt(OPT_AUTH, PAP, 2));
            } else if (authProtocol == CHAP) {
                lcpRequest.add(new Option(OPT_AUTH, new byte[] {(byte) 0xC2, 0x23, CHAP_MD5}));
            }
            lcpRequest.add(Option.ofInt(OPT_MAGIC, magic, 4));
            lcpRequest.add(new Option(OPT_PFC, new byte[0]));
            lcpRequest.add(new Option(OPT_ACFC, new byte[0]));
        }
        lcpRequestId = id();
        send(LCP, ControlPacket.configure(CONF_REQ, lcpRequestId, lcpRequest));
    }

    private void onLcp(ControlPacket p) {
        switch (p.code()) {
            case CONF_REQ -> onLcpRequest(p);
            case CONF_ACK -> {
                if (p.id() == lcpRequestId && !lcpAckReceived) {
                    lcpAckReceived = true;
                    progress();
                    maybeLcpOpened();
                }
            }
            case CONF_NAK, CONF_REJ -> {
                if (p.id() == lcpRequestId) {
                    onLcpNakOrReject(p);
                }
            }
            case TERM_REQ -> {
                send(LCP, new ControlPacket(TERM_ACK, p.id(), new byte[0]));
                hangUpWithNoCarrier("LCP Terminate-Request from the DTE");
            }
            case TERM_ACK -> {
                if (terminating) {
                    hangUpWithNoCarrier("LCP Terminate-Ack");
                }
            }
            case ECHO_REQ -> {
                if (lcpOpened) {
                    byte[] data = p.data().clone();
                    if (data.length >= 4) {
                        byte[] m = Option.ofInt(0, magic, 4).value();
                        System.arraycopy(m, 0, data, 0, 4);
                    }
                    send(LCP, new ControlPacket(ECHO_REP, p.id(), data));
                }
            }
            case ECHO_REP, DISCARD_REQ, CODE_REJ, PROTO_REJ, IDENTIFICATION, TIME_REMAINING -> {
                // nothing to do: an echo answered, a protocol we never push, Windows' RFC 1570 chatter
            }
            default -> send(LCP, new ControlPacket(CODE_REJ, id(), Arrays.copyOf(p.bytes(), Math.min(p.bytes().length, 1400))));
        }
    }

    private void onLcpRequest(ControlPacket p) {
        List<Option> options = p.options();
        if (options == null) {
            return;
        }
        List<Option> nak = new ArrayList<>();
        List<Option> reject = new ArrayList<>();
        for (Option o : options) {
            switch (o.type()) {
                case OPT_MRU -> {
                    if (o.value().length != 2 || o.intValue() < 128) {
                        nak.add(Option.ofInt(OPT_MRU, 1500, 2)); // too small for an IPv4 header and some data
                    }
                }
                case OPT_ACCM, OPT_MAGIC -> {
                    if (o.value().length != 4) {
                        reject.add(o);
                    }
                }
                case OPT_PFC, OPT_ACFC -> {
                    if (o.value().length != 0) {
                        reject.add(o);
                    }
                }
                // the module does not authenticate itself to the DTE, and knows no other option
                default -> reject.add(o);
            }
        }
        if (!reject.isEmpty()) {
            send(LCP, ControlPacket.configure(CONF_REJ, p.id(), reject));
        } else if (!nak.isEmpty()) {
            send(LCP, ControlPacket.configure(CONF_NAK, p.id(), nak));
        } else {
            // agreed: apply what the DTE can receive to what we send from now on
            int accm = Hdlc.DEFAULT_ACCM;
            int mru = 1500;
            boolean pf = false;
            boolean acf = false;
            for (Option o : options) {
                switch (o.type()) {
                    case OPT_ACCM -> accm = o.intValue();
                    case OPT_MRU -> mru = o.intValue();
                    case OPT_PFC -> pf = true;
                    case OPT_ACFC -> acf = true;
                    default -> {
                    }
                }
            }
            send(LCP, ControlPacket.configure(CONF_ACK, p.id(), options));
            txAccm = accm;
            peerMru = mru;
            pfc = pf;
            acfc = acf;
            lcpAckSent = true;
            maybeLcpOpened();
        }
    }

    private void onLcpNakOrReject(ControlPacket p) {
        List<Option> options = p.options();
        if (options == null) {
            return;
        }
        List<Option> next = new ArrayList<>();
        for (Option mine : lcpRequest) {
            Option answer = options.stream().filter(o -> o.type() == mine.type()).findFirst().orElse(null);
            if (answer == null) {
                next.add(mine);
            } else if (mine.type() == OPT_AUTH) {
                // the DTE refuses our authentication protocol: PAP is acceptable only with "automatic" (3)
                boolean papOffered = p.code() == CONF_NAK && answer.value().length >= 2
                        && (((answer.value()[0] & 0xFF) << 8) | (answer.value()[1] & 0xFF)) == PAP;
                if (papOffered && setup.auth().type() == 3) {
                    authProtocol = PAP;
                    next.add(Option.ofInt(OPT_AUTH, PAP, 2));
                } else {
                    LOG.info("PPP on cid {}: the DTE refuses authentication {}; ending the call", setup.cid(),
                            Integer.toHexString(authProtocol));
                    terminate();
                    return;
                }
            } else if (p.code() == CONF_NAK && mine.type() != OPT_MAGIC) {
                next.add(answer);
            } else if (p.code() == CONF_NAK) {
                next.add(Option.ofInt(OPT_MAGIC, RANDOM.nextInt() | 1, 4));
            }
            // rejected options are left out
        }
        lcpRequest = next;
        sendLcpRequest();
    }

    private void maybeLcpOpened() {
        if (lcpOpened || !lcpAckReceived || !lcpAckSent) {
            return;
        }
        lcpOpened = true;
        if (authProtocol == CHAP) {
            sendChapChallenge();
        } else if (authProtocol == 0) {
            authenticated();
        }
        // PAP: the DTE sends Authenticate-Request
    }

    /** The module ends the call: Terminate-Request, NO CARRIER once acknowledged (or after a second). */
    private void terminate() {
        if (terminating) {
            return;
        }
        terminating = true;
        ipUp = false;
        send(LCP, new ControlPacket(TERM_REQ, id(), new byte[0]));
        engine.schedule(() -> hangUpWithNoCarrier("terminated by the module"), 1, TimeUnit.SECONDS);
    }

    // ------------------------------------------------------------------ PAP / CHAP

    private void onPap(ControlPacket p) {
        if (p == null || p.code() != 1 || authProtocol != PAP) {
            return;
        }
        byte[] d = p.data();
        String user = null;
        String password = null;
        if (d.length >= 1 && d.length >= 1 + (d[0] & 0xFF) + 1) {
            int ul = d[0] & 0xFF;
            int pl = d[1 + ul] & 0xFF;
            if (d.length >= 2 + ul + pl) {
                user = new String(d, 1, ul, StandardCharsets.UTF_8);
                password = new String(d, 2 + ul, pl, StandardCharsets.UTF_8);
            }
        }
        boolean ok = setup.auth().user().equals(user) && setup.auth().password().equals(password);
        byte[] msg = (ok ? "welcome" : "authentication failed").getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[1 + msg.length];
        data[0] = (byte) msg.length;
        System.arraycopy(msg, 0, data, 1, msg.length);
        send(PAP, new ControlPacket(ok ? 2 : 3, p.id(), data));
        authResult(ok, "PAP", user);
    }

    private void sendChapChallenge() {
        if (chapChallenge == null) {
            chapChallenge = new byte[16];
            RANDOM.nextBytes(chapChallenge);
            chapId = id();
        }
        byte[] name = "ucell".getBytes(StandardCharsets.US_ASCII);
        byte[] data = new byte[1 + chapChallenge.length + name.length];
        data[0] = (byte) chapChallenge.length;
        System.arraycopy(chapChallenge, 0, data, 1, chapChallenge.length);
        System.arraycopy(name, 0, data, 1 + chapChallenge.length, name.length);
        send(CHAP, new ControlPacket(1, chapId, data));
    }

    private void onChap(ControlPacket p) {
        if (p == null || p.code() != 2 || authProtocol != CHAP || chapChallenge == null || authDone) {
            return;
        }
        if (p.id() != chapId) {
            return;
        }
        byte[] d = p.data();
        boolean ok = false;
        String name = null;
        if (d.length >= 1 && d.length >= 1 + (d[0] & 0xFF)) {
            int vl = d[0] & 0xFF;
            byte[] value = Arrays.copyOfRange(d, 1, 1 + vl);
            name = new String(d, 1 + vl, d.length - 1 - vl, StandardCharsets.UTF_8);
            byte[] expected = chapMd5(chapId, setup.auth().password(), chapChallenge);
            ok = MessageDigest.isEqual(expected, value) && name.equals(setup.auth().user());
        }
        byte[] msg = (ok ? "welcome" : "authentication failed").getBytes(StandardCharsets.US_ASCII);
        send(CHAP, new ControlPacket(ok ? 3 : 4, p.id(), msg));
        authResult(ok, "CHAP", name);
    }

    /** RFC 1994: MD5 over identifier, secret and challenge. */
    static byte[] chapMd5(int id, String secret, byte[] challenge) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update((byte) id);
            md5.update(secret.getBytes(StandardCharsets.UTF_8));
            md5.update(challenge);
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 missing", e);
        }
    }

    private void authResult(boolean ok, String how, String user) {
        progress();
        if (ok) {
            LOG.info("PPP on cid {}: {} authentication of '{}' succeeded", setup.cid(), how, user);
            chapChallenge = null;
            authenticated();
        } else {
            LOG.info("PPP on cid {}: {} authentication of '{}' failed", setup.cid(), how, user);
            terminate();
        }
    }

    private void authenticated() {
        if (authDone) {
            return;
        }
        authDone = true;
        sendIpcpRequest();
    }

    // ------------------------------------------------------------------ IPCP

    private void sendIpcpRequest() {
        if (ipcpRequest == null) {
            ipcpRequest = List.of(new Option(OPT_IP_ADDRESS, setup.peerAddress().getAddress()));
        }
        ipcpRequestId = id();
        send(IPCP, ControlPacket.configure(CONF_REQ, ipcpRequestId, ipcpRequest));
    }

    private void onIpcp(ControlPacket p) {
        switch (p.code()) {
            case CONF_REQ -> onIpcpRequest(p);
            case CONF_ACK -> {
                if (p.id() == ipcpRequestId) {
                    ipcpAckReceived = true;
                    progress();
                    maybeIpUp();
                }
            }
            case CONF_NAK, CONF_REJ -> {
                // our only option is our own address; a DTE that refuses it still gets a working link
                if (p.id() == ipcpRequestId) {
                    ipcpRequest = List.of();
                    sendIpcpRequest();
                }
            }
            case TERM_REQ -> {
                send(IPCP, new ControlPacket(TERM_ACK, p.id(), new byte[0]));
                ipUp = false;
                ipcpAckReceived = false;
                ipcpAckSent = false;
            }
            default -> {
            }
        }
    }

    private void onIpcpRequest(ControlPacket p) {
        List<Option> options = p.options();
        if (options == null) {
            return;
        }
        List<Option> nak = new ArrayList<>();
        List<Option> reject = new ArrayList<>();
        Function<Option, Option> want = o -> switch (o.type()) {
            case OPT_IP_ADDRESS -> new Option(o.type(), setup.dteAddress().getAddress());
            case OPT_DNS1 -> new Option(o.type(), setup.dnsPrimary().getAddress());
            case OPT_DNS2 -> new Option(o.type(), setup.dnsSecondary().getAddress());
            default -> null;
        };
        for (Option o : options) {
            Option w = want.apply(o);
            if (w == null || o.value().length != 4) {
                reject.add(o); // IP compression, NBNS, old IP-Addresses: not offered
            } else if (!w.sameAs(o)) {
                nak.add(w);
            }
        }
        if (!reject.isEmpty()) {
            send(IPCP, ControlPacket.configure(CONF_REJ, p.id(), reject));
        } else if (!nak.isEmpty()) {
            send(IPCP, ControlPacket.configure(CONF_NAK, p.id(), nak));
        } else {
            send(IPCP, ControlPacket.configure(CONF_ACK, p.id(), options));
            ipcpAckSent = true;
            maybeIpUp();
        }
    }

    private void maybeIpUp() {
        if (!ipUp && ipcpAckReceived && ipcpAckSent) {
            ipUp = true;
            LOG.info("PPP on cid {}: IPCP open, DTE {} peer {}", setup.cid(), setup.dteAddress().getHostAddress(),
                    setup.peerAddress().getHostAddress());
        }
    }

    // ------------------------------------------------------------------ retransmission

    private void progress() {
        ticksWithoutProgress = 0;
    }

    /** Once a second: repeat the request the DTE has not answered (RFC 1661 Restart timer). */
    private void tick() {
        if (ended || suspended || terminating) {
            return;
        }
        if (ipUp) {
            return;
        }
        if (++ticksWithoutProgress > MAX_TICKS) {
            LOG.info("PPP on cid {}: the DTE stopped answering during negotiation", setup.cid());
            terminate();
            return;
        }
        if (!lcpAckReceived) {
            sendLcpRequest();
        } else if (lcpOpened && authProtocol == CHAP && !authDone) {
            sendChapChallenge();
        } else if (authDone && !ipcpAckReceived) {
            sendIpcpRequest();
        }
    }
}
