package io.ucell.ppp.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import io.ucell.ppp.PortFilter;
import io.ucell.ppp.PppAuthType;
import java.time.Duration;
import java.util.Optional;

/** Commands of app note section 4 and the u-blox AT manual's syntax for them; every string is quoted by the builder. */
public final class PppAt {
    /** The module may activate the context during the dial; network operations take up to 3 minutes. */
    public static final Duration DIAL_TIMEOUT = Duration.ofMinutes(3);
    /** +UPORTFWD profile action 100: full-cone NAT on a context's PPP interface (4.1.3). */
    public static final int FULL_CONE_NAT = 100;

    private PppAt() {
    }

    /** AT+UAUTHREQ=cid,type[,"user","password"]; the password is a secret (masked in traces). */
    public static AtCommand authRequest(int cid, PppAuthType type, String user, String password) {
        AtCommand.Builder b = AtCommand.set("+UAUTHREQ").param(cid).param(type.code());
        boolean credentials = !user.isEmpty() || !password.isEmpty();
        if (credentials) {
            b.param(user).secret(password);
        }
        return b.build();
    }

    /** AT+UPORTFWD=100,cid: full-cone NAT for the PPP interface of the context; before the dial, every time. */
    public static AtCommand fullConeNat(int cid) {
        return AtCommand.set("+UPORTFWD").param(FULL_CONE_NAT).param(cid).build();
    }

    /** AT+CVHU=0: ATH in online command mode ends the data call (SARA-R42, 4.2). */
    public static AtCommand voiceHangUpControl() {
        return AtCommand.set("+CVHU").param(0).build();
    }

    /** ATD*99***cid#: the packet-data call that answers CONNECT, then PPP. */
    public static AtCommand dial(int cid) {
        return AtCommand.dial("*99***" + cid + "#").expectConnect().timeout(DIAL_TIMEOUT).build();
    }

    /**
     * ATS12=n: the escape guard time in 1/50 s. The module wants more than this much silence around "+++", so it
     * is set to three quarters of the engine's guard time, which the engine then always exceeds.
     */
    public static AtCommand escapeGuardTime(Duration engineGuardTime) {
        long units = Math.max(1, Math.min(255, engineGuardTime.toMillis() * 3 / 4 / 20));
        return AtCommand.basic("S12=" + units).build();
    }

    /** ATH: ends the call from online command mode. */
    public static AtCommand hangUp() {
        return AtCommand.basic("H").build();
    }

    /** AT+UEMBPF=mode,"low-high" (AT+UEMBPF=0 for a disabled filter without a range). */
    public static AtCommand setPortFilter(PortFilter f) {
        AtCommand.Builder b = AtCommand.set("+UEMBPF").param(f.enabled() ? 1 : 0);
        if (f.hasRange()) {
            b.param(f.range());
        }
        return b.build();
    }

    public static AtCommand readPortFilter() {
        return AtCommand.read("+UEMBPF").build();
    }

    /** +UEMBPF: mode,"low-high" (the range may be empty: 0,""). */
    public static PortFilter parsePortFilter(AtResponse r) {
        AtLine l = r.require("+UEMBPF");
        int mode = l.intParam(0);
        String range = l.paramCount() > 1 ? l.param(1).trim() : "";
        return PortFilter.of(mode == 1, range);
    }

    public static AtCommand readContexts() {
        return AtCommand.read("+CGDCONT").build();
    }

    /**
     * The IPv4 address +CGDCONT? shows for the context ("+CGDCONT: 1,"IP","apn","10.1.2.3",0,0"; IPV4V6 shows
     * "v4 v6"), empty when the context has none (0.0.0.0 or not listed).
     */
    public static Optional<String> contextIpv4(AtResponse r, int cid) {
        for (AtLine l : r.all("+CGDCONT")) {
            try {
                if (l.intParam(0) != cid || l.paramCount() < 4) {
                    continue;
                }
            } catch (IllegalArgumentException e) {
                continue;
            }
            for (String part : l.param(3).trim().split("\\s+")) {
                if (part.matches("\\d{1,3}(\\.\\d{1,3}){3}") && !part.equals("0.0.0.0")) {
                    return Optional.of(part);
                }
            }
        }
        return Optional.empty();
    }

    /** The PDP type +CGDCONT? shows for the context ("IP", "IPV6", "IPV4V6"), empty when it is not listed. */
    public static Optional<String> contextType(AtResponse r, int cid) {
        for (AtLine l : r.all("+CGDCONT")) {
            try {
                if (l.intParam(0) == cid && l.paramCount() > 1) {
                    return Optional.of(l.param(1).trim());
                }
            } catch (IllegalArgumentException e) {
                // not a context line
            }
        }
        return Optional.empty();
    }

    /** Router mode: the DTE is 192.168.(200+cid).1 (4.1.1). */
    public static String routerHostAddress(int cid) {
        return "192.168." + (200 + cid) + ".1";
    }

    /** Router mode: the module is 192.168.(200+cid).2 (4.1.1). */
    public static String routerModuleAddress(int cid) {
        return "192.168." + (200 + cid) + ".2";
    }
}
