package io.ucell.simulator.commands;

import io.ucell.simulator.model.Identity;
import io.ucell.simulator.network.Network;

/** Identity, interface settings, +CFUN and +UMNOPROF (section 2.3 "Network settings verification"). */
final class GeneralCommands {
    private GeneralCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("E", GeneralCommands::echo);
        r.register("I", GeneralCommands::info);
        r.register("Z", GeneralCommands::resetSettings);
        r.register("&F", GeneralCommands::resetSettings);
        r.register("+CMEE", GeneralCommands::cmee);
        r.register("S2", GeneralCommands::s2);
        r.register("S12", GeneralCommands::s12);
        CommandHandler cgmi = (c, m) -> identityLine(c, m.model().identity().manufacturer());
        CommandHandler cgmm = (c, m) -> identityLine(c, m.model().identity().model());
        CommandHandler cgmr = (c, m) -> identityLine(c, m.model().identity().firmware());
        r.register("+CGMI", cgmi).register("+GMI", cgmi);
        r.register("+CGMM", cgmm).register("+GMM", cgmm);
        r.register("+CGMR", cgmr).register("+GMR", cgmr);
        r.register("+CGSN", GeneralCommands::cgsn).register("+GSN", GeneralCommands::cgsn);
        r.register("+CIMI", (c, m) -> identityLine(c, m.config().imsi()));
        r.register("+CCID", GeneralCommands::ccid);
        r.register("+CFUN", GeneralCommands::cfun);
        r.register("+UMNOPROF", GeneralCommands::umnoprof);
    }

    private static Response echo(AtCommand c, ModuleContext m) {
        if (c.kind() != AtCommand.Kind.ACTION) {
            return Response.error();
        }
        switch (c.basicArg()) {
            case "":
            case "0":
                m.session().setEcho(false);
                return Response.ok();
            case "1":
                m.session().setEcho(true);
                return Response.ok();
            default:
                return Response.error();
        }
    }

    private static Response info(AtCommand c, ModuleContext m) {
        if (c.kind() != AtCommand.Kind.ACTION) {
            return Response.error();
        }
        Identity id = m.model().identity();
        switch (c.basicArg()) {
            case "":
                return Response.ok("Manufacturer: " + id.manufacturer(), "Model: " + id.model(),
                        "Revision: " + id.firmware(), "SVN: " + id.svn(), "IMEI: " + m.config().imei());
            case "0":
                return Response.ok(id.typeNumber());
            case "9":
                return Response.ok(id.ati9());
            default:
                return Response.error();
        }
    }

    private static Response resetSettings(AtCommand c, ModuleContext m) {
        if (c.kind() != AtCommand.Kind.ACTION || !(c.basicArg().isEmpty() || c.basicArg().equals("0"))) {
            return Response.error();
        }
        m.session().setEcho(true);
        m.session().setCmee(0);
        m.session().setEscapeChar('+');
        m.session().setEscapeGuard(50);
        return Response.ok();
    }

    /** ATS2: the escape character of the data phase (0-255, default 43 '+'). */
    private static Response s2(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.READ) {
            return Response.ok(String.format("%03d", m.session().escapeChar()));
        }
        m.session().setEscapeChar(c.intParam(0, 0, 255));
        return Response.ok();
    }

    /** ATS12: the escape guard time in 20 ms units (0-255, default 50 = 1 s; 0: no timing, section 9.1.4). */
    private static Response s12(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.READ) {
            return Response.ok(String.format("%03d", m.session().escapeGuard()));
        }
        m.session().setEscapeGuard(c.intParam(0, 0, 255));
        return Response.ok();
    }

    private static Response cmee(AtCommand c, ModuleContext m) {
        switch (c.kind()) {
            case READ:
                return Response.ok("+CMEE: " + m.session().cmee());
            case TEST:
                return Response.ok("+CMEE: (0-2)");
            case SET:
                m.session().setCmee(c.optInt(0, 0, 0, 2));
                return Response.ok();
            default:
                m.session().setCmee(0);
                return Response.ok();
        }
    }

    private static Response identityLine(AtCommand c, String value) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.ACTION) {
            return Response.error();
        }
        return Response.ok(value);
    }

    private static Response cgsn(AtCommand c, ModuleContext m) {
        String imei = m.config().imei();
        String svn = m.model().identity().svn();
        switch (c.kind()) {
            case ACTION:
                return Response.ok(imei);
            case TEST:
                return Response.ok("+CGSN: (0-3)");
            case SET:
                switch (c.intParam(0, 0, 3)) {
                    case 0:
                        return Response.ok(imei);
                    case 1:
                        return Response.ok("+CGSN: \"" + imei + "\"");
                    case 2:
                        return Response.ok("+CGSN: \"" + imei.substring(0, 14) + svn + "\"");
                    default:
                        return Response.ok("+CGSN: \"" + svn + "\"");
                }
            default:
                return Response.error();
        }
    }

    private static Response ccid(AtCommand c, ModuleContext m) {
        switch (c.kind()) {
            case ACTION:
            case READ:
                return Response.ok("+CCID: " + m.config().iccid());
            case TEST:
                return Response.ok();
            default:
                return Response.error();
        }
    }

    private static Response cfun(AtCommand c, ModuleContext m) {
        Network n = m.network();
        switch (c.kind()) {
            case READ:
                return Response.ok("+CFUN: " + n.cfun() + ",0");
            case TEST:
                return Response.ok("+CFUN: (0,1,4,15,16),(0-1)");
            case SET:
                int fun = c.intParam(0);
                int rst = c.optInt(1, 0, 0, 1);
                if (fun == 15 || fun == 16 || (rst == 1 && (fun == 1 || fun == 4 || fun == 0))) {
                    // OK first, then the module resets: the host sees OK and then silence for the boot time
                    return Response.ok().thenRun(m::reboot);
                }
                if (fun != 0 && fun != 1 && fun != 4) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                n.setCfun(fun);
                return Response.ok();
            default:
                return Response.error();
        }
    }

    private static Response umnoprof(AtCommand c, ModuleContext m) {
        Network n = m.network();
        switch (c.kind()) {
            case READ:
                return Response.ok("+UMNOPROF: " + n.activeMnoProfile());
            case TEST:
                return Response.ok("+UMNOPROF: (0,1,2,3,4,5,6,8,19,21,28,31,39,90,100,101,201)");
            case SET:
                CmeError e = n.setMnoProfile(c.intParam(0));
                return e == null ? Response.ok() : Response.cme(e);
            default:
                return Response.error();
        }
    }
}
