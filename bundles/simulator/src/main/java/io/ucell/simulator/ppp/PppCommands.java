package io.ucell.simulator.ppp;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.Capabilities.PortFilter;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AT side of PPP dial-up (section 4): +UAUTHREQ, +UPORTFWD=100, +UEMBPF, +CVHU, ATD*99***cid#, +CGDATA="PPP",
 * ATH and ATO in online command mode. One call at a time (the module's single AT interface carries it).
 */
public final class PppCommands {
    private static final Logger LOG = LoggerFactory.getLogger(PppCommands.class);
    /** GPRS dial string (27.007 10.2.1.1): *99[*[called address][*[L2P][*[cid]]]]# */
    private static final Pattern DIAL = Pattern.compile("[TP]?\\*99(?:\\*[^*#]*(?:\\*([^*#]*)(?:\\*(\\d{1,2}))?)?)?#",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(\\d{1,5})-(\\d{1,5})");
    private static final String NVM_UEMBPF = "uembpf";
    static final int MAX_CREDENTIAL = 64;
    /** The module's end of a bridge-mode link (it has no address of its own there): pppd's usual default. */
    static final String BRIDGE_PEER = "10.64.64.64";

    private Network boot;
    private final Map<Integer, AuthSettings> auth = new TreeMap<>();
    private final Set<Integer> fullCone = new TreeSet<>();
    private int cvhu;
    private PortFilter activeFilter;
    private volatile PppLink call;

    private PppCommands() {
    }

    public static void register(CommandRegistry r) {
        PppCommands c = new PppCommands();
        r.register("+UAUTHREQ", c::uauthreq);
        r.register("+UPORTFWD", c::uportfwd);
        r.register("+UEMBPF", c::uembpf);
        r.register("+CVHU", c::cvhu);
        r.register("D", c::dial);
        r.register("+CGDATA", c::cgdata);
        r.register("H", c::hangUp);
        r.register("O", c::online);
        r.onClose(() -> {
            PppLink l = c.call;
            if (l != null) {
                l.hangUpNow("module closed");
            }
        });
    }

    /** A reboot loses the volatile settings and the call; +UEMBPF's stored value takes effect (4.3). */
    private void checkBoot(ModuleContext m) {
        if (m.network() == boot) {
            return;
        }
        boot = m.network();
        auth.clear();
        fullCone.clear();
        cvhu = m.capabilities().defaultCvhu();
        activeFilter = storedFilter(m);
        PppLink l = call;
        call = null;
        if (l != null) {
            l.hangUpNow("module rebooted");
        }
    }

    private static PortFilter storedFilter(ModuleContext m) {
        PortFilter factory = m.capabilities().embeddedPortFilter();
        String v = m.nvm().get(NVM_UEMBPF);
        if (factory == null || v == null) {
            return factory;
        }
        String[] f = v.split(",");
        try {
            return new PortFilter(f[0].equals("1"), Integer.parseInt(f[1]), Integer.parseInt(f[2]));
        } catch (RuntimeException e) {
            return factory;
        }
    }

    private boolean callUp() {
        PppLink l = call;
        return l != null && !l.ended();
    }

    // ------------------------------------------------------------------ settings

    /** AT+UAUTHREQ=cid,type[,"user","password"]; read: one line per context, never the password. */
    private Response uauthreq(AtCommand c, ModuleContext m) {
        checkBoot(m);
        Capabilities caps = m.capabilities();
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UAUTHREQ: (0-" + caps.maxCid() + "),(0-3),,");
            case READ: {
                Set<Integer> cids = new TreeSet<>(auth.keySet());
                m.network().definedContexts().forEach(ctx -> cids.add(ctx.cid()));
                List<String> lines = new ArrayList<>();
                for (int cid : cids) {
                    AuthSettings a = auth.getOrDefault(cid, AuthSettings.NONE);
                    lines.add("+UAUTHREQ: " + cid + "," + a.type() + ",\"" + a.user() + "\"");
                }
                return Response.ok(lines);
            }
            case SET:
                break;
            default:
                return Response.error();
        }
        int cid = c.intParam(0, 0, caps.maxCid());
        int type = c.intParam(1, 0, 3);
        String user = c.optStr(2, "");
        String password = c.optStr(3, "");
        if (user.length() > MAX_CREDENTIAL || password.length() > MAX_CREDENTIAL) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        AuthSettings a = new AuthSettings(type, user, password);
        auth.put(cid, a);
        LOG.debug("+UAUTHREQ cid {}: {}", cid, a); // toString masks the password
        return Response.ok();
    }

    /** AT+UPORTFWD=100,cid: full-cone NAT on the context's next PPP link (4.1.3); symmetric rules are not simulated. */
    private Response uportfwd(AtCommand c, ModuleContext m) {
        checkBoot(m);
        Capabilities caps = m.capabilities();
        if (!caps.fullConeNat()) {
            return Response.error();
        }
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UPORTFWD: (100),(0-" + caps.maxCid() + ")");
            case READ: {
                List<String> lines = new ArrayList<>();
                fullCone.forEach(cid -> lines.add("+UPORTFWD: 100," + cid));
                return Response.ok(lines);
            }
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0);
        if (op != 100) {
            return Response.cme(CmeError.OPERATION_NOT_SUPPORTED); // symmetric NAT rules: not in the app note
        }
        int cid = c.intParam(1, 0, caps.maxCid());
        if (callUp()) {
            return Response.error(); // "shall be configured before the PPP link establishment"
        }
        fullCone.add(cid);
        return Response.ok();
    }

    /** AT+UEMBPF=mode,"low-high": stored in NVM, in force after the next boot (4.3). */
    private Response uembpf(AtCommand c, ModuleContext m) {
        checkBoot(m);
        PortFilter factory = m.capabilities().embeddedPortFilter();
        if (factory == null) {
            return Response.error(); // SARA-R5 series, LEXI-R520
        }
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UEMBPF: (0,1),\"1-65535\"");
            case READ: {
                PortFilter f = storedFilter(m);
                return Response.ok("+UEMBPF: " + (f.enabled() ? 1 : 0) + ",\"" + f.range() + "\"");
            }
            case SET:
                break;
            default:
                return Response.error();
        }
        int mode = c.intParam(0, 0, 1);
        PortFilter previous = storedFilter(m);
        int low = previous.low();
        int high = previous.high();
        if (c.has(1) || mode == 1) {
            Matcher r = RANGE.matcher(c.strParam(1));
            if (!r.matches()) {
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
            }
            low = Integer.parseInt(r.group(1));
            high = Integer.parseInt(r.group(2));
            if (low < 1 || high > 65_535 || low > high) {
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
            }
        }
        m.nvm().put(NVM_UEMBPF, mode + "," + low + "," + high);
        return Response.ok();
    }

    /** AT+CVHU=0|1|2 (27.007): 1 = ATH is ignored (answers OK); SARA-R42 needs 0 for ATH in online command mode. */
    private Response cvhu(AtCommand c, ModuleContext m) {
        checkBoot(m);
        switch (c.kind()) {
            case TEST:
                return Response.ok("+CVHU: (0-2)");
            case READ:
                return Response.ok("+CVHU: " + cvhu);
            case SET:
                cvhu = c.intParam(0, 0, 2);
                return Response.ok();
            default:
                return Response.error();
        }
    }

    // ------------------------------------------------------------------ the call

    private Response dial(AtCommand c, ModuleContext m) {
        checkBoot(m);
        Matcher d = DIAL.matcher(c.basicArg());
        if (!d.matches()) {
            return Response.error(); // not a packet-domain dial string: no voice or CSD on this module
        }
        String l2p = d.group(1);
        if (l2p != null && !l2p.isEmpty() && !l2p.equalsIgnoreCase("PPP") && !l2p.equals("1")) {
            return Response.error();
        }
        int cid = d.group(2) == null ? 1 : Integer.parseInt(d.group(2));
        return connect(m, cid);
    }

    /** AT+CGDATA="PPP",cid (27.007 10.1.12). */
    private Response cgdata(AtCommand c, ModuleContext m) {
        checkBoot(m);
        switch (c.kind()) {
            case TEST:
                return Response.ok("+CGDATA: (\"PPP\")");
            case SET:
            case ACTION: // AT+CGDATA: PPP on cid 1
                break;
            default:
                return Response.error();
        }
        String l2p = c.optStr(0, "PPP");
        if (!l2p.equalsIgnoreCase("PPP")) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        return connect(m, c.optInt(1, 1));
    }

    private Response connect(ModuleContext m, int cid) {
        Capabilities caps = m.capabilities();
        if (!caps.pppRouterMode() && !caps.pppBridgeMode()) {
            return Response.error();
        }
        if (callUp()) {
            return Response.error(); // one call on the AT interface (a held call ends with ATH first)
        }
        if (!caps.validCid(cid)) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        AuthSettings a = auth.getOrDefault(cid, AuthSettings.NONE);
        if (caps.pppAuthRequired() && !a.hasCredentials()) {
            LOG.info("dial on cid {} refused: this model needs +UAUTHREQ with a user and password (4.1)", cid);
            return Response.noCarrier();
        }
        Network net = m.network();
        PdpContext ctx = net.context(cid);
        if (!net.registered() || ctx == null) {
            LOG.info("dial on cid {} refused: {}", cid, ctx == null ? "context not defined" : "not registered");
            return Response.noCarrier();
        }
        boolean activated = false;
        if (!ctx.bearerUp()) {
            // "If a PDN connection is not active on the specific CID, it will be activated" (4)
            if (net.activate(cid) != null) {
                return Response.noCarrier();
            }
            activated = true;
        }
        if (ctx.ipv4() == null) {
            LOG.info("dial on cid {} refused: no IPv4 address (the simulated PPP is IPv4 only)", cid);
            if (activated) {
                net.deactivate(cid, false);
            }
            return Response.noCarrier();
        }
        boolean router = caps.pppRouterMode();
        PppSetup setup = new PppSetup(cid, router,
                ipv4(router ? "192.168." + (200 + cid) + ".1" : ctx.ipv4()),
                ipv4(router ? "192.168." + (200 + cid) + ".2" : BRIDGE_PEER),
                ipv4(net.dnsPrimary()), ipv4(net.dnsSecondary()), a, fullCone.remove(cid),
                router ? null : activeFilter, net.mtu());
        boolean deactivateAtEnd = activated;
        IpGateway.Factory gateways = (s, toDte) -> new IpGateway(s, toDte, m.hostPing(), m.dns(), m.background());
        PppLink link = new PppLink(setup, gateways, l -> ended(net, l, deactivateAtEnd));
        call = link;
        net.onDispose(() -> link.hangUpNow("module rebooted"));
        net.onContextDown(down -> {
            if (down == cid) {
                link.contextLost();
            }
        });
        return Response.connect(link);
    }

    private void ended(Network net, PppLink l, boolean deactivate) {
        if (call == l) {
            call = null;
        }
        if (deactivate) {
            // a context the dial activated goes down with the call (4.1.5)
            net.deactivate(l.setup().cid(), false);
        }
    }

    /** ATH: in online command mode ends the held call (unless +CVHU=1); otherwise nothing to hang up. */
    private Response hangUp(AtCommand c, ModuleContext m) {
        checkBoot(m);
        if (c.kind() != AtCommand.Kind.ACTION || !(c.basicArg().isEmpty() || c.basicArg().equals("0"))) {
            return Response.error();
        }
        PppLink l = call;
        if (l != null && !l.ended() && cvhu != 1) {
            l.hangUpNow("ATH");
        }
        return Response.ok();
    }

    /** ATO: back to the held call (CONNECT), or NO CARRIER when there is none. */
    private Response online(AtCommand c, ModuleContext m) {
        checkBoot(m);
        if (c.kind() != AtCommand.Kind.ACTION || !(c.basicArg().isEmpty() || c.basicArg().equals("0"))) {
            return Response.error();
        }
        PppLink l = call;
        if (l == null || l.ended() || !l.suspended()) {
            return Response.noCarrier();
        }
        return Response.connect(l);
    }

    private static Inet4Address ipv4(String text) {
        try {
            InetAddress a = InetAddress.getByName(text);
            if (a instanceof Inet4Address v4) {
                return v4;
            }
        } catch (UnknownHostException e) {
            // fall through
        }
        throw new IllegalStateException("not an IPv4 address: " + text);
    }
}
