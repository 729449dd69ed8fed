package io.ucell.modem.core;

import java.util.Locale;
import java.util.Optional;

/** PDP types and their +UPSD=0,0 mapping (section 2.3.1: IP → 0, IPV6 → 1, IPV4V6 → 2). */
public enum PdpType {
    IP("IP", 0),
    IPV6("IPV6", 1),
    IPV4V6("IPV4V6", 2);

    private final String atName;
    private final int upsdType;

    PdpType(String atName, int upsdType) {
        this.atName = atName;
        this.upsdType = upsdType;
    }

    public String atName() {
        return atName;
    }

    /** The +UPSD=0,0,&lt;type&gt; value that matches a context of this type. */
    public int upsdType() {
        return upsdType;
    }

    /** +UDCONF=19 preferred IP type: 1 (IPv6) for IPV6, 0 (IPv4) otherwise. */
    public int udconf19Type() {
        return this == IPV6 ? 1 : 0;
    }

    public static Optional<PdpType> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String u = s.trim().toUpperCase(Locale.ROOT);
        for (PdpType t : values()) {
            if (t.atName.equals(u)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
