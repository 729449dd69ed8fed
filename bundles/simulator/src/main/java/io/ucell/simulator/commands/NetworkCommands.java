package io.ucell.simulator.commands;

import io.ucell.simulator.network.Network;

/** Registration and signal: +COPS, +CEREG, +CREG, +CGATT, +CGEREP, +CSQ, +CESQ. */
final class NetworkCommands {
    private NetworkCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("+COPS", NetworkCommands::cops);
        r.register("+CEREG", (c, m) -> regCommand(c, m, true));
        r.register("+CREG", (c, m) -> regCommand(c, m, false));
        r.register("+CGATT", NetworkCommands::cgatt);
        r.register("+CGEREP", NetworkCommands::cgerep);
        r.register("+CSQ", (c, m) -> c.kind() == AtCommand.Kind.TEST ? Response.ok("+CSQ: (0-31,99),(0-7,99)")
                : c.kind() == AtCommand.Kind.ACTION ? Response.ok(m.network().csq()) : Response.error());
        r.register("+CESQ", (c, m) -> c.kind() == AtCommand.Kind.TEST
                ? Response.ok("+CESQ: (0-63,99),(0-7,99),(0-96,255),(0-49,255),(0-34,255),(0-97,255)")
                : c.kind() == AtCommand.Kind.ACTION ? Response.ok(m.network().cesq()) : Response.error());
    }

    private static Response cops(AtCommand c, ModuleContext m) {
        Network n = m.network();
        switch (c.kind()) {
            case READ:
                if (n.registered()) {
                    return Response.ok("+COPS: " + n.copsMode() + "," + n.copsFormat() + ",\"" + n.operatorName()
                            + "\"," + m.config().rat());
                }
                return Response.ok("+COPS: " + n.copsMode());
            case TEST:
                if (n.cfun() != 1) {
                    return Response.ok("+COPS: ,,(0-4),(0-2)");
                }
                return Response.ok("+COPS: (2,\"" + m.config().operatorLong() + "\",\"" + m.config().operatorShort()
                        + "\",\"" + m.config().operatorNumeric() + "\"," + m.config().rat() + "),,(0-4),(0-2)");
            case SET:
                int mode = c.intParam(0, 0, 4);
                int format = c.optInt(1, n.copsFormat(), 0, 2);
                String oper = c.has(2) ? c.params().get(2).value() : null;
                if (mode == 3 && !c.has(1)) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                CmeError e = n.setCops(mode, format, oper);
                return e == null ? Response.ok() : Response.cme(e);
            default:
                return Response.error();
        }
    }

    private static Response regCommand(AtCommand c, ModuleContext m, boolean eps) {
        Network n = m.network();
        String name = eps ? "+CEREG" : "+CREG";
        switch (c.kind()) {
            case READ:
                return Response.ok(eps ? n.ceregRead() : n.cregRead());
            case TEST:
                return Response.ok(name + ": (0-" + (eps ? 5 : 2) + ")");
            case SET:
                // n = 3..5 add cause / PSM fields on a real module; the simulator reports them like n = 2
                int v = c.optInt(0, 0, 0, eps ? 5 : 2);
                if (eps) {
                    n.setCeregN(v);
                } else {
                    n.setCregN(v);
                }
                return Response.ok();
            default:
                return Response.error();
        }
    }

    private static Response cgatt(AtCommand c, ModuleContext m) {
        Network n = m.network();
        switch (c.kind()) {
            case READ:
                return Response.ok("+CGATT: " + (n.registered() ? 1 : 0));
            case TEST:
                return Response.ok("+CGATT: (0-1)");
            case SET:
                int state = c.intParam(0, 0, 1);
                CmeError e = n.setCops(state == 1 ? 0 : 2, n.copsFormat(), null);
                return e == null ? Response.ok() : Response.cme(e);
            default:
                return Response.error();
        }
    }

    private static Response cgerep(AtCommand c, ModuleContext m) {
        switch (c.kind()) {
            case READ:
                return Response.ok("+CGEREP: " + m.network().cgerep() + ",0");
            case TEST:
                return Response.ok("+CGEREP: (0-2),(0-1)");
            case SET:
                m.network().setCgerep(c.optInt(0, 0, 0, 2));
                return Response.ok();
            default:
                return Response.error();
        }
    }
}
