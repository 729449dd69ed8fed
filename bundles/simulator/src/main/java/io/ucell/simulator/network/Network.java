package io.ucell.simulator.network;

import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.PdpType;
import io.ucell.simulator.nvm.Nvm;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Radio, registration, PDP contexts and PSD profiles of one boot of the module. A reboot throws this object
 * away and builds a new one from NVM, which is exactly what a reboot does to volatile state. All methods are
 * synchronized; URCs go to a non-blocking sink so they can be emitted with the lock held.
 */
public final class Network {
    /** Receives URC text (without framing); must not block. */
    public interface UrcSink {
        void urc(String text);
    }

    /** The context the module's own applications (ping, DNS, sockets, MQTT...) use, and its address family. */
    public record InternalRoute(PdpContext context, boolean ipv6) {
        public String address() {
            return ipv6 ? context.ipv6() : context.ipv4();
        }
    }

    /** MNO profiles accepted by +UMNOPROF (u-blox numbering). */
    public static final Set<Integer> MNO_PROFILES = Set.of(0, 1, 2, 3, 4, 5, 6, 8, 19, 21, 28, 31, 39, 90, 100, 101, 201);
    public static final int PSD_PROFILES = 7;

    private static final String NVM_MNO = "umnoprof";
    private static final String NVM_UDCONF19 = "udconf19";
    private static final String NVM_CIDS = "cgdcont.cids";

    private final Capabilities caps;
    private final SimulatorConfig cfg;
    private final RadioEnvironment env;
    private final UrcSink sink;
    private final ScheduledExecutorService scheduler;
    private final Nvm nvm;
    private final AddressPlan plan;

    private boolean disposed;
    private final List<Runnable> disposeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<Runnable> routeLostListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final List<java.util.function.IntConsumer> contextDownListeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Context and address of the internal route at the last check, to notice when it goes away. */
    private int routeCid = -1;
    private String routeAddress;
    private int cfun = 1;
    private int copsMode;
    private int copsFormat;
    private int regStat;
    private int ceregN;
    private int cregN;
    private int cgerep;
    private ScheduledFuture<?> pendingRegistration;
    private final PdpContext[] contexts;
    private final PsdProfile[] profiles = new PsdProfile[PSD_PROFILES];
    private final int activeMnoProfile;
    private final int udconf19Cid;
    private final int udconf19IpType;

    public Network(Capabilities caps, SimulatorConfig cfg, RadioEnvironment env, Nvm nvm,
            ScheduledExecutorService scheduler, UrcSink sink) {
        this.caps = caps;
        this.cfg = cfg;
        this.env = env;
        this.nvm = nvm;
        this.scheduler = scheduler;
        this.sink = sink;
        this.plan = new AddressPlan(cfg.ipv4Base(), cfg.ipv6Prefix());
        this.contexts = new PdpContext[caps.maxCid() + 1];
        this.activeMnoProfile = Integer.parseInt(nvm.get(NVM_MNO, Integer.toString(cfg.defaultMnoProfile())));
        String u19 = caps.udconf19Supported() ? nvm.get(NVM_UDCONF19) : null;
        if (u19 != null) {
            String[] p = u19.split(",");
            udconf19Cid = Integer.parseInt(p[0]);
            udconf19IpType = Integer.parseInt(p[1]);
        } else {
            udconf19Cid = -1;
            udconf19IpType = 0;
        }
        loadContexts();
        for (int i = 0; i < PSD_PROFILES; i++) {
            profiles[i] = new PsdProfile(i, caps.defaultUpsdIpType());
        }
    }

    private void loadContexts() {
        String cids = nvm.get(NVM_CIDS);
        if (cids == null) {
            // factory state: the initial default EPS bearer definition, no APN
            contexts[1] = new PdpContext(1, caps.defaultCgdcontType(), "");
            return;
        }
        for (String s : cids.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            int cid = Integer.parseInt(s.trim());
            if (!caps.validCid(cid)) {
                continue;
            }
            PdpType t = PdpType.parse(nvm.get("cgdcont." + cid + ".type", "IPV4V6")).orElse(PdpType.IPV4V6);
            contexts[cid] = new PdpContext(cid, t, nvm.get("cgdcont." + cid + ".apn", ""));
        }
    }

    private void saveContexts() {
        StringBuilder ids = new StringBuilder();
        for (PdpContext c : contexts) {
            if (c != null) {
                if (ids.length() > 0) {
                    ids.append(',');
                }
                ids.append(c.cid());
                nvm.put("cgdcont." + c.cid() + ".type", c.type().atName());
                nvm.put("cgdcont." + c.cid() + ".apn", c.apn());
            }
        }
        nvm.put(NVM_CIDS, ids.toString());
    }

    // ---------------------------------------------------------------- lifecycle

    public synchronized void powerOn() {
        maybeRegister();
    }

    public synchronized void dispose() {
        disposed = true;
        cancelPending();
        // a reboot or power-off ends whatever the module's own clients (MQTT) had open
        disposeListeners.forEach(Runnable::run);
    }

    /** Runs once when this boot's network state is thrown away (reboot, module closed). Must not block. */
    public synchronized void onDispose(Runnable listener) {
        if (disposed) {
            listener.run();
        } else {
            disposeListeners.add(listener);
        }
    }

    /**
     * Called (with this object's lock held) whenever the internal route the sockets use goes away or changes:
     * context deactivated, registration lost, radio off. Must not block and must not call back into this object.
     * Each call adds a listener (the sockets, the MQTT and MQTT-SN clients); they live as long as this boot's network.
     */
    public synchronized void onRouteLost(Runnable listener) {
        routeLostListeners.add(listener);
    }

    /**
     * Called (with this object's lock held) with the cid of every context whose bearer goes down: +CGACT=0, the
     * network's deactivation, detach, radio off (a PPP call on it ends). Must not block nor call back into this object.
     */
    public synchronized void onContextDown(java.util.function.IntConsumer listener) {
        contextDownListeners.add(listener);
    }

    private void tearDown(PdpContext c) {
        c.tearDown();
        contextDownListeners.forEach(l -> l.accept(c.cid()));
    }

    /** Compares the internal route with the one seen last time and tells the listener when it went away. */
    private void checkRoute() {
        if (disposed) {
            return;
        }
        InternalRoute now = internalRoute();
        int cid = now == null ? -1 : now.context().cid();
        String address = now == null ? null : now.address();
        boolean lost = routeCid >= 0 && (cid != routeCid || !Objects.equals(address, routeAddress));
        routeCid = cid;
        routeAddress = address;
        if (lost) {
            routeLostListeners.forEach(Runnable::run);
        }
    }

    private void cancelPending() {
        if (pendingRegistration != null) {
            pendingRegistration.cancel(false);
            pendingRegistration = null;
        }
    }

    // ---------------------------------------------------------------- radio and registration

    public synchronized int cfun() {
        return cfun;
    }

    /** +CFUN=0/1/4 (reboots are the module's business). */
    public synchronized void setCfun(int fun) {
        changeCfun(fun);
        checkRoute();
    }

    private void changeCfun(int fun) {
        if (fun == 1) {
            cfun = 1;
            maybeRegister();
        } else {
            cfun = fun;
            detach(0, "ME DETACH");
        }
    }

    public synchronized boolean registered() {
        return regStat == 1 || regStat == 5;
    }

    public synchronized int regStat() {
        return regStat;
    }

    public synchronized int copsMode() {
        return copsMode;
    }

    public synchronized int copsFormat() {
        return copsFormat;
    }

    /** +COPS set; returns an error or null. */
    public synchronized CmeError setCops(int mode, int format, String oper) {
        CmeError r = changeCops(mode, format, oper);
        checkRoute();
        return r;
    }

    private CmeError changeCops(int mode, int format, String oper) {
        switch (mode) {
            case 0:
                copsMode = 0;
                maybeRegister();
                return null;
            case 1:
            case 4:
                if (oper == null) {
                    return CmeError.INCORRECT_PARAMETERS;
                }
                if (!oper.equals(cfg.operatorNumeric()) && !oper.equals(cfg.operatorLong())
                        && !oper.equals(cfg.operatorShort())) {
                    if (mode == 4) {
                        copsMode = 0;
                        maybeRegister();
                        return null;
                    }
                    return CmeError.NO_NETWORK_SERVICE;
                }
                copsMode = 1;
                maybeRegister();
                return null;
            case 2:
                copsMode = 2;
                detach(0, "ME DETACH");
                return null;
            case 3:
                copsFormat = format;
                return null;
            default:
                return CmeError.INCORRECT_PARAMETERS;
        }
    }

    /** Operator name in the current +COPS format. */
    public synchronized String operatorName() {
        switch (copsFormat) {
            case 1:
                return cfg.operatorShort();
            case 2:
                return cfg.operatorNumeric();
            default:
                return cfg.operatorLong();
        }
    }

    private void maybeRegister() {
        if (disposed || cfun != 1 || copsMode == 2 || !env.coverage() || registered() || pendingRegistration != null) {
            return;
        }
        setStat(2);
        pendingRegistration = scheduler.schedule(this::registrationComplete,
                cfg.registrationDelay().toNanos(), TimeUnit.NANOSECONDS);
    }

    private synchronized void registrationComplete() {
        pendingRegistration = null;
        if (disposed || cfun != 1 || copsMode == 2 || !env.coverage()) {
            return;
        }
        setStat(cfg.roaming() ? 5 : 1);
        onAttach();
        checkRoute();
    }

    /** LTE attach sets up the default EPS bearer on cid 1 (section 2.1); what the host may use differs per family. */
    private void onAttach() {
        if (!cfg.lteRat()) {
            return;
        }
        PdpContext c1 = contexts[1];
        if (c1 != null && assign(c1)) {
            // SARA-R42: bearer up with an address, but +CGACT=1,cid is still needed (section 2.3 note)
            boolean usable = !caps.needsCgactAfterAttach();
            if (usable && !c1.active()) {
                c1.setActive(true);
                cgev("ME PDN ACT 1");
            }
        }
        if (caps.contextActiveAfterRegistration()) {
            int dc = defaultCid();
            PdpContext d = dc >= 0 && dc < contexts.length ? contexts[dc] : null;
            if (d != null && dc != 1 && !d.active() && assign(d)) {
                d.setActive(true);
                cgev("ME PDN ACT " + dc);
            }
        }
    }

    private void detach(int newStat, String event) {
        boolean wasAttached = registered();
        cancelPending();
        for (PdpContext c : contexts) {
            if (c != null && (c.bearerUp() || c.active())) {
                tearDown(c);
            }
        }
        dropProfiles(-1);
        setStat(newStat);
        if (wasAttached) {
            cgev(event);
        }
    }

    /** Fault: coverage lost (the environment already says so). */
    public synchronized void coverageLost() {
        dropCoverage();
        checkRoute();
    }

    private void dropCoverage() {
        if (disposed) {
            return;
        }
        cancelPending();
        if (cfun != 1 || copsMode == 2) {
            return;
        }
        if (registered() && caps.needsCgactAfterAttach()) {
            // SARA-R42 loses its contexts with the attach; the host has to +CGACT again after re-attach
            for (PdpContext c : contexts) {
                if (c != null && (c.bearerUp() || c.active())) {
                    tearDown(c);
                }
            }
            dropProfiles(-1);
            cgev("NW DETACH");
        }
        setStat(2);
    }

    /** Fault: coverage back; registration restarts as the module would on its own. */
    public synchronized void coverageRegained() {
        if (!disposed && !registered()) {
            maybeRegister();
        }
    }

    private void setStat(int s) {
        if (s == regStat) {
            return;
        }
        regStat = s;
        if (ceregN > 0) {
            sink.urc("+CEREG: " + statLine(ceregN));
        }
        if (cregN > 0) {
            sink.urc("+CREG: " + statLine(cregN));
        }
    }

    private String statLine(int n) {
        if (n >= 2 && registered()) {
            return regStat + ",\"" + cfg.tac() + "\",\"" + cfg.cellId() + "\"," + cfg.rat();
        }
        return Integer.toString(regStat);
    }

    public synchronized void setCeregN(int n) {
        ceregN = n;
    }

    public synchronized void setCregN(int n) {
        cregN = n;
    }

    public synchronized String ceregRead() {
        return "+CEREG: " + ceregN + "," + statLine(ceregN);
    }

    public synchronized String cregRead() {
        return "+CREG: " + cregN + "," + statLine(cregN);
    }

    public synchronized int cgerep() {
        return cgerep;
    }

    public synchronized void setCgerep(int mode) {
        cgerep = mode;
    }

    private void cgev(String event) {
        if (cgerep > 0) {
            sink.urc("+CGEV: " + event);
        }
    }

    /** +CSQ: rssi index from dBm (0 = -113 dBm or less, 31 = -51 dBm or more), 99 when not camped. */
    public synchronized String csq() {
        if (cfun != 1 || !env.coverage()) {
            return "+CSQ: 99,99";
        }
        int idx = Math.max(0, Math.min(31, (env.rssiDbm() + 113) / 2));
        return "+CSQ: " + idx + ",99";
    }

    /** +CESQ: LTE fields rsrq (0..34, 0.5 dB steps from -19.5 dB) and rsrp (0..97, from -140 dBm). */
    public synchronized String cesq() {
        if (cfun != 1 || !env.coverage()) {
            return "+CESQ: 99,99,255,255,255,255";
        }
        int rsrq = Math.max(0, Math.min(34, (int) Math.round((env.rsrqDb() + 20) * 2.0)));
        int rsrp = Math.max(0, Math.min(97, env.rsrpDbm() + 141));
        return "+CESQ: 99,99,255,255," + rsrq + "," + rsrp;
    }

    // ---------------------------------------------------------------- MNO profile and default context

    public synchronized int activeMnoProfile() {
        return activeMnoProfile;
    }

    /** +UMNOPROF set: only with the radio off, stored in NVM, effective after reboot (section 2.3). */
    public synchronized CmeError setMnoProfile(int profile) {
        if (cfun != 0 && cfun != 4) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (!MNO_PROFILES.contains(profile)) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        nvm.put(NVM_MNO, Integer.toString(profile));
        return null;
    }

    /** MTU from the MNO profile: Verizon asks for 1428 on IPv4, the other profiles use 1500. */
    public synchronized int mtu() {
        return activeMnoProfile == 3 ? 1428 : 1500;
    }

    /** Default context for internal applications: +UDCONF=19, else cid 3 with Verizon (2.3.2), else cid 1. */
    public synchronized int defaultCid() {
        if (udconf19Cid >= 0) {
            return udconf19Cid;
        }
        return activeMnoProfile == 3 ? 3 : 1;
    }

    public synchronized String udconf19Read() {
        return "+UDCONF: 19," + defaultCid() + "," + udconf19IpType;
    }

    /** +UDCONF=19 set: stored in NVM, effective after reboot. */
    public synchronized CmeError setUdconf19(int cid, int ipType) {
        if (!caps.validCid(cid) || ipType < 0 || ipType > 1) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        nvm.put(NVM_UDCONF19, cid + "," + ipType);
        return null;
    }

    // ---------------------------------------------------------------- PDP contexts

    public synchronized PdpContext context(int cid) {
        return caps.validCid(cid) ? contexts[cid] : null;
    }

    public synchronized List<PdpContext> definedContexts() {
        List<PdpContext> l = new ArrayList<>();
        for (PdpContext c : contexts) {
            if (c != null) {
                l.add(c);
            }
        }
        return l;
    }

    public synchronized CmeError defineContext(int cid, PdpType type, String apn) {
        if (!caps.validCid(cid)) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        PdpContext c = contexts[cid];
        if (c != null && (c.active() || c.bearerUp())) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (c == null) {
            contexts[cid] = new PdpContext(cid, type, apn);
        } else {
            c.define(type, apn);
        }
        saveContexts();
        return null;
    }

    public synchronized CmeError undefineContext(int cid) {
        if (!caps.validCid(cid)) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        PdpContext c = contexts[cid];
        if (c != null && (c.active() || c.bearerUp())) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        contexts[cid] = null;
        saveContexts();
        return null;
    }

    private boolean assign(PdpContext c) {
        if (c.bearerUp()) {
            return true;
        }
        String v4 = c.type().wantsV4() && cfg.networkGrantsIpv4() ? plan.ipv4For(c.cid()) : null;
        String v6 = c.type().wantsV6() && cfg.networkGrantsIpv6() ? plan.ipv6For(c.cid()) : null;
        if (v4 == null && v6 == null) {
            return false;
        }
        c.bringUp(v4, v6, cfg.networkApn());
        return true;
    }

    /** +CGACT=1,cid. */
    public synchronized CmeError activate(int cid) {
        CmeError r = activateContext(cid);
        checkRoute();
        return r;
    }

    private CmeError activateContext(int cid) {
        if (!caps.validCid(cid)) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        PdpContext c = contexts[cid];
        if (c == null) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (c.active()) {
            return null;
        }
        if (!registered()) {
            return CmeError.NO_NETWORK_SERVICE;
        }
        long activeCount = definedContexts().stream().filter(PdpContext::active).count();
        if (activeCount >= caps.maxActiveContexts()) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (!assign(c)) {
            return CmeError.UNSPECIFIED_GPRS_ERROR;
        }
        c.setActive(true);
        cgev("ME PDN ACT " + cid);
        return null;
    }

    /** +CGACT=0,cid (ME) or a network-initiated deactivation (fault injection). */
    public synchronized CmeError deactivate(int cid, boolean byNetwork) {
        CmeError r = deactivateContext(cid, byNetwork);
        checkRoute();
        return r;
    }

    private CmeError deactivateContext(int cid, boolean byNetwork) {
        if (!caps.validCid(cid)) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        PdpContext c = contexts[cid];
        if (c == null) {
            return byNetwork ? null : CmeError.OPERATION_NOT_ALLOWED;
        }
        if (!c.active() && !c.bearerUp()) {
            return null;
        }
        tearDown(c);
        cgev((byNetwork ? "NW" : "ME") + " PDN DEACT " + cid);
        dropProfiles(cid);
        return null;
    }

    /** Deactivates the PSD profiles on {@code cid} (all when -1) and reports each with +UUPSDD. */
    private void dropProfiles(int cid) {
        for (PsdProfile p : profiles) {
            if (p.active() && (cid < 0 || p.cid() == cid)) {
                p.setActive(false);
                sink.urc("+UUPSDD: " + p.id());
            }
        }
    }

    // ---------------------------------------------------------------- PSD profiles

    public synchronized PsdProfile profile(int id) {
        return id >= 0 && id < PSD_PROFILES ? profiles[id] : null;
    }

    /** +UPSD=id,tag,value (value already unquoted). */
    public synchronized CmeError upsdSet(int id, int tag, String value) {
        CmeError r = changeUpsd(id, tag, value);
        checkRoute();
        return r;
    }

    private CmeError changeUpsd(int id, int tag, String value) {
        PsdProfile p = profile(id);
        if (p == null) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        if (profileActive(p)) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (tag == PsdProfile.PARAM_IP_TYPE) {
            int t = parseInt(value, -1);
            if (t < 0 || t > 3) {
                return CmeError.INCORRECT_PARAMETERS;
            }
        } else if (tag == PsdProfile.PARAM_CID) {
            int cid = parseInt(value, -1);
            if (!caps.validCid(cid)) {
                return CmeError.INCORRECT_PARAMETERS;
            }
            PdpContext c = contexts[cid];
            // SARA-R42: the mapping only binds the stack when the context already has an address (2.3)
            p.setMappingEffective(c != null && c.bearerUp());
        }
        p.put(tag, value);
        return null;
    }

    /** Whether a profile is up: activated with +UPSDA, or on SARA-R42 mapped onto an active context. */
    public synchronized boolean profileActive(PsdProfile p) {
        if (caps.upsdaSupported()) {
            return p.active();
        }
        PdpContext c = contexts[p.cid()];
        return p.mappingEffective() && c != null && c.active();
    }

    /** +UPSDA=id,action. Returns the URC to send after OK, or throws nothing: errors come back as CmeError. */
    public synchronized Object upsda(int id, int action) {
        Object r = runUpsda(id, action);
        checkRoute();
        return r;
    }

    private Object runUpsda(int id, int action) {
        PsdProfile p = profile(id);
        if (p == null) {
            return CmeError.INCORRECT_PARAMETERS;
        }
        switch (action) {
            case 0:
                if (p.active()) {
                    return CmeError.OPERATION_NOT_ALLOWED;
                }
                p.reset(caps.defaultUpsdIpType());
                return "";
            case 1:
                p.params().forEach((k, v) -> nvm.put("upsd." + id + "." + k, v));
                return "";
            case 2:
                if (p.active()) {
                    return CmeError.OPERATION_NOT_ALLOWED;
                }
                for (int tag : new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 100}) {
                    String v = nvm.get("upsd." + id + "." + tag);
                    if (v != null) {
                        p.put(tag, v);
                    }
                }
                return "";
            case 3:
                return activateProfile(p);
            case 4:
                if (!p.active()) {
                    return CmeError.OPERATION_NOT_ALLOWED;
                }
                p.setActive(false);
                return "+UUPSDD: " + id;
            default:
                return CmeError.INCORRECT_PARAMETERS;
        }
    }

    private Object activateProfile(PsdProfile p) {
        for (PsdProfile o : profiles) {
            if (o.active()) {
                // "Only one profile can be activated at the same time" (section 2.3)
                return CmeError.OPERATION_NOT_ALLOWED;
            }
        }
        if (!registered()) {
            return CmeError.NO_NETWORK_SERVICE;
        }
        PdpContext c = contexts[p.cid()];
        if (c == null) {
            return CmeError.OPERATION_NOT_ALLOWED;
        }
        if (caps.ipTypeMappingSupported()) {
            // 00B: the type given at +CGDCONT set counts; 01B: the type the network granted (section 2.3.1)
            PdpType t = caps.mappingChecksDefinedType() ? c.type() : grantedType(c);
            if (!t.matchesUpsdType(p.ipType())) {
                return CmeError.IP_TYPE_MISMATCH;
            }
        }
        if (!c.active()) {
            CmeError e = activate(c.cid());
            if (e != null) {
                return e;
            }
        }
        p.setActive(true);
        InternalRoute r = routeFor(c, p.ipType());
        return "+UUPSDA: " + p.id() + ",\"" + r.address() + "\"";
    }

    private PdpType grantedType(PdpContext c) {
        if (c.bearerUp()) {
            return c.effectiveType();
        }
        boolean v4 = c.type().wantsV4() && cfg.networkGrantsIpv4();
        boolean v6 = c.type().wantsV6() && cfg.networkGrantsIpv6();
        return v4 && v6 ? PdpType.IPV4V6 : v6 ? PdpType.IPV6 : PdpType.IP;
    }

    /** +UPSND=id,tag answer value, or null when the tag is not supported. */
    public synchronized String upsnd(int id, int tag) {
        PsdProfile p = profile(id);
        if (p == null) {
            return null;
        }
        boolean up = profileActive(p);
        PdpContext c = contexts[p.cid()];
        switch (tag) {
            case 0:
                if (!up || c == null) {
                    return "\"0.0.0.0\"";
                }
                return "\"" + routeFor(c, p.ipType()).address() + "\"";
            case 1:
                return "\"" + (up ? cfg.dnsPrimary() : "0.0.0.0") + "\"";
            case 2:
                return "\"" + (up ? cfg.dnsSecondary() : "0.0.0.0") + "\"";
            case 8:
                return up ? "1" : "0";
            default:
                return null;
        }
    }

    /** Picks the address family from a preferred +UPSD type (0 v4, 1 v6, 2 v4v6 prefer v4, 3 prefer v6). */
    private static InternalRoute routeFor(PdpContext c, int upsdType) {
        boolean wantV6 = upsdType == 1 || upsdType == 3;
        if (wantV6 && c.ipv6() != null) {
            return new InternalRoute(c, true);
        }
        if (c.ipv4() != null) {
            return new InternalRoute(c, false);
        }
        return new InternalRoute(c, c.ipv6() != null);
    }

    // ---------------------------------------------------------------- internal applications

    /**
     * The context the internal IP stack uses right now, or null when it has none:
     * SARA-R5 00B/01B need an activated PSD profile; SARA-R5 02B / LEXI-R520 use the default context
     * (+UDCONF=19) that registration activated; SARA-R42 needs the profile's context mapped and +CGACT-ed.
     */
    public synchronized InternalRoute internalRoute() {
        if (!registered()) {
            return null;
        }
        if (caps.upsdaSupported()) {
            for (PsdProfile p : profiles) {
                PdpContext c = contexts[p.cid()];
                if (p.active() && c != null && c.active()) {
                    return routeFor(c, p.ipType());
                }
            }
            return null;
        }
        if (caps.contextActiveAfterRegistration()) {
            int dc = defaultCid();
            PdpContext c = caps.validCid(dc) ? contexts[dc] : null;
            return c != null && c.active() ? routeFor(c, udconf19IpType == 1 ? 3 : 2) : null;
        }
        PsdProfile p = profiles[0];
        PdpContext c = contexts[p.cid()];
        if (c != null && c.active() && p.mappingEffective()) {
            return routeFor(c, c.type() == PdpType.IPV6 ? 1 : 2);
        }
        return null;
    }

    public String dnsPrimary() {
        return cfg.dnsPrimary();
    }

    public String dnsSecondary() {
        return cfg.dnsSecondary();
    }

    private static int parseInt(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (RuntimeException e) {
            return dflt;
        }
    }
}
