package io.ucell.simulator.commands;

import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.PdpType;
import io.ucell.simulator.network.AddressPlan;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import io.ucell.simulator.network.PsdProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** PDP contexts and PSD profiles: +CGDCONT, +CGACT, +CGPADDR, +CGCONTRDP, +UPSD, +UPSDA, +UPSND, +UDCONF. */
final class PacketCommands {
    /** +UPSD parameters whose values are strings (APN, user, password, DNS, IP address). */
    private static final Set<Integer> STRING_TAGS = Set.of(1, 2, 3, 4, 5, 7);

    private PacketCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("+CGDCONT", PacketCommands::cgdcont);
        r.register("+CGACT", PacketCommands::cgact);
        r.register("+CGPADDR", PacketCommands::cgpaddr);
        r.register("+CGCONTRDP", PacketCommands::cgcontrdp);
        r.register("+UPSD", PacketCommands::upsd);
        r.register("+UPSDA", PacketCommands::upsda);
        r.register("+UPSND", PacketCommands::upsnd);
        r.register("+UDCONF", PacketCommands::udconf);
    }

    private static String cidRange(Capabilities caps) {
        return "(0-" + caps.maxCid() + ")";
    }

    private static Response result(CmeError e) {
        return e == null ? Response.ok() : Response.cme(e);
    }

    // ------------------------------------------------------------------ +CGDCONT

    private static Response cgdcont(AtCommand c, ModuleContext m) {
        Network n = m.network();
        Capabilities caps = m.capabilities();
        switch (c.kind()) {
            case READ: {
                List<String> lines = new ArrayList<>();
                for (PdpContext ctx : n.definedContexts()) {
                    lines.add("+CGDCONT: " + ctx.cid() + ",\"" + ctx.effectiveType().atName() + "\",\""
                            + ctx.shownApn() + "\",\"" + addressField(ctx) + "\",0,0,0,0,0,0");
                }
                return Response.ok(lines);
            }
            case TEST: {
                List<String> lines = new ArrayList<>();
                for (PdpType t : PdpType.values()) {
                    lines.add("+CGDCONT: " + cidRange(caps) + ",\"" + t.atName()
                            + "\",,,(0-2),(0-4),(0-1),(0-1),(0-1),(0-1)");
                }
                return Response.ok(lines);
            }
            case SET: {
                int cid = c.intParam(0);
                if (!caps.validCid(cid)) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                if (c.paramCount() == 1) {
                    return result(n.undefineContext(cid));
                }
                PdpType type = PdpType.parse(c.strParam(1)).orElse(null);
                if (type == null) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                String apn = c.optStr(2, "");
                if (apn.length() > 99) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                return result(n.defineContext(cid, type, apn));
            }
            default:
                return Response.error();
        }
    }

    /** 3GPP address field: IPv4 dotted, IPv6 dotted-decimal (+CGPIAF default), both separated by a space. */
    static String addressField(PdpContext ctx) {
        if (!ctx.bearerUp()) {
            switch (ctx.type()) {
                case IP:
                    return "0.0.0.0";
                case IPV6:
                    return "0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0";
                default:
                    return "0.0.0.0 0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0";
            }
        }
        if (ctx.ipv4() != null && ctx.ipv6() != null) {
            return ctx.ipv4() + " " + AddressPlan.dottedV6(ctx.ipv6());
        }
        return ctx.ipv4() != null ? ctx.ipv4() : AddressPlan.dottedV6(ctx.ipv6());
    }

    // ------------------------------------------------------------------ +CGACT

    private static Response cgact(AtCommand c, ModuleContext m) {
        Network n = m.network();
        switch (c.kind()) {
            case READ: {
                List<String> lines = new ArrayList<>();
                for (PdpContext ctx : n.definedContexts()) {
                    lines.add("+CGACT: " + ctx.cid() + "," + (ctx.active() ? 1 : 0));
                }
                return Response.ok(lines);
            }
            case TEST:
                return Response.ok("+CGACT: (0-1)");
            case SET: {
                int state = c.intParam(0, 0, 1);
                List<Integer> cids = new ArrayList<>();
                for (int i = 1; i < c.paramCount(); i++) {
                    cids.add(c.intParam(i));
                }
                if (cids.isEmpty()) {
                    n.definedContexts().forEach(ctx -> cids.add(ctx.cid()));
                }
                for (int cid : cids) {
                    CmeError e = state == 1 ? n.activate(cid) : n.deactivate(cid, false);
                    if (e != null) {
                        return Response.cme(e);
                    }
                }
                return Response.ok();
            }
            default:
                return Response.error();
        }
    }

    private static Response cgpaddr(AtCommand c, ModuleContext m) {
        Network n = m.network();
        if (c.kind() == AtCommand.Kind.TEST) {
            List<String> cids = new ArrayList<>();
            n.definedContexts().forEach(ctx -> cids.add(Integer.toString(ctx.cid())));
            return Response.ok("+CGPADDR: (" + String.join(",", cids) + ")");
        }
        List<PdpContext> which = new ArrayList<>();
        if (c.kind() == AtCommand.Kind.SET) {
            for (int i = 0; i < c.paramCount(); i++) {
                PdpContext ctx = n.context(c.intParam(i));
                if (ctx == null) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                which.add(ctx);
            }
        } else if (c.kind() == AtCommand.Kind.ACTION) {
            which.addAll(n.definedContexts());
        } else {
            return Response.error();
        }
        List<String> lines = new ArrayList<>();
        for (PdpContext ctx : which) {
            StringBuilder sb = new StringBuilder("+CGPADDR: ").append(ctx.cid());
            if (ctx.bearerUp()) {
                if (ctx.ipv4() != null) {
                    sb.append(",\"").append(ctx.ipv4()).append('"');
                }
                if (ctx.ipv6() != null) {
                    sb.append(",\"").append(AddressPlan.dottedV6(ctx.ipv6())).append('"');
                }
            }
            lines.add(sb.toString());
        }
        return Response.ok(lines);
    }

    /** Dynamic parameters of active contexts; the last field is the IPv4 MTU from the MNO profile (section 2.2). */
    private static Response cgcontrdp(AtCommand c, ModuleContext m) {
        Network n = m.network();
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+CGCONTRDP: " + cidRange(m.capabilities()));
        }
        List<PdpContext> which = new ArrayList<>();
        if (c.kind() == AtCommand.Kind.SET && c.has(0)) {
            PdpContext ctx = n.context(c.intParam(0));
            if (ctx == null) {
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
            }
            which.add(ctx);
        } else if (c.kind() == AtCommand.Kind.ACTION || c.kind() == AtCommand.Kind.SET) {
            which.addAll(n.definedContexts());
        } else {
            return Response.error();
        }
        List<String> lines = new ArrayList<>();
        for (PdpContext ctx : which) {
            if (!ctx.bearerUp()) {
                continue;
            }
            int bearerId = 4 + ctx.cid();
            if (ctx.ipv4() != null) {
                lines.add("+CGCONTRDP: " + ctx.cid() + "," + bearerId + ",\"" + ctx.shownApn() + "\",\""
                        + ctx.ipv4() + ".255.255.255.255\",\"\",\"" + n.dnsPrimary() + "\",\"" + n.dnsSecondary()
                        + "\",\"\",\"\",0,0," + n.mtu());
            }
            if (ctx.ipv6() != null) {
                lines.add("+CGCONTRDP: " + ctx.cid() + "," + bearerId + ",\"" + ctx.shownApn() + "\",\""
                        + AddressPlan.dottedV6(ctx.ipv6())
                        + ".255.255.255.255.255.255.255.255.0.0.0.0.0.0.0.0\",\"\",\"\",\"\",\"\",\"\",0,0," + n.mtu());
            }
        }
        return Response.ok(lines);
    }

    // ------------------------------------------------------------------ +UPSD family

    private static Response upsd(AtCommand c, ModuleContext m) {
        if (!m.capabilities().upsdSupported()) {
            // removed on SARA-R5 02B and LEXI-R520: "they return ERROR, if used" (section 2.3)
            return Response.error();
        }
        Network n = m.network();
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UPSD: (0-6),0,(0-3)", "+UPSD: (0-6),1,\"APN\"", "+UPSD: (0-6),2,\"username\"",
                        "+UPSD: (0-6),3,\"password\"", "+UPSD: (0-6),100," + cidRange(m.capabilities()));
            case SET: {
                int id = c.intParam(0, 0, Network.PSD_PROFILES - 1);
                PsdProfile p = n.profile(id);
                if (c.paramCount() == 1) {
                    List<String> lines = new ArrayList<>();
                    for (Map.Entry<Integer, String> e : p.params().entrySet()) {
                        lines.add(upsdLine(id, e.getKey(), e.getValue()));
                    }
                    return Response.ok(lines);
                }
                int tag = c.intParam(1);
                if (c.paramCount() == 2) {
                    String v = p.params().get(tag);
                    return v == null ? Response.cme(CmeError.INCORRECT_PARAMETERS) : Response.ok(upsdLine(id, tag, v));
                }
                String value;
                if (STRING_TAGS.contains(tag)) {
                    value = c.strParam(2);
                } else {
                    value = Integer.toString(c.intParam(2));
                }
                return result(n.upsdSet(id, tag, value));
            }
            default:
                return Response.error();
        }
    }

    private static String upsdLine(int id, int tag, String v) {
        return "+UPSD: " + id + "," + tag + "," + (STRING_TAGS.contains(tag) ? "\"" + v + "\"" : v);
    }

    private static Response upsda(AtCommand c, ModuleContext m) {
        if (!m.capabilities().upsdaSupported()) {
            return Response.error();
        }
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UPSDA: (0-6),(0-4)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        Object r = m.network().upsda(c.intParam(0, 0, Network.PSD_PROFILES - 1), c.intParam(1, 0, 4));
        if (r instanceof CmeError) {
            return Response.cme((CmeError) r);
        }
        String urc = (String) r;
        return urc.isEmpty() ? Response.ok() : Response.ok().urcAfter(urc);
    }

    private static Response upsnd(AtCommand c, ModuleContext m) {
        if (!m.capabilities().upsdSupported()) {
            return Response.error();
        }
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UPSND: (0-6),(0-2,8)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0, 0, Network.PSD_PROFILES - 1);
        int tag = c.intParam(1);
        String v = m.network().upsnd(id, tag);
        return v == null ? Response.cme(CmeError.INCORRECT_PARAMETERS) : Response.ok("+UPSND: " + id + "," + tag + "," + v);
    }

    // ------------------------------------------------------------------ +UDCONF

    private static Response udconf(AtCommand c, ModuleContext m) {
        if (c.kind() != AtCommand.Kind.SET) {
            return c.kind() == AtCommand.Kind.TEST ? Response.ok() : Response.error();
        }
        if (c.params().get(0).value().equals("1?")) {
            // the contract's read form AT+UDCONF=1? reads like AT+UDCONF=1
            return SocketCommands.udconfHexMode(c, m);
        }
        int op = c.intParam(0);
        if (op == 1) {
            return SocketCommands.udconfHexMode(c, m);
        }
        if (op == 19) {
            if (!m.capabilities().udconf19Supported()) {
                // section 2.3.2 does not apply to SARA-R42, LEXI-R422, SARA-R5 00B and 01B
                return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
            }
            if (c.paramCount() == 1) {
                return Response.ok(m.network().udconf19Read());
            }
            return result(m.network().setUdconf19(c.intParam(1), c.optInt(2, 0)));
        }
        return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
    }
}
