package io.ucell.ppp;

import java.util.Locale;
import java.util.Optional;

/** The authentication the module's PPP server asks the DTE for (+UAUTHREQ auth_type). */
public enum PppAuthType {
    NONE(0), PAP(1), CHAP(2), AUTO(3);

    private final int code;

    PppAuthType(int code) {
        this.code = code;
    }

    /** The +UAUTHREQ value: 0 none, 1 PAP, 2 CHAP, 3 automatic. */
    public int code() {
        return code;
    }

    /** "none", "pap", "chap", "auto" (any case) or the +UAUTHREQ number. */
    public static Optional<PppAuthType> parse(String s) {
        String v = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
        for (PppAuthType t : values()) {
            if (t.name().equals(v) || Integer.toString(t.code).equals(v)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
