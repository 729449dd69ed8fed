package io.ucell.simulator.model;

import java.util.Locale;
import java.util.Optional;

/** PDP types accepted by +CGDCONT. */
public enum PdpType {
    IP("IP"),
    IPV6("IPV6"),
    IPV4V6("IPV4V6");

    private final String atName;

    PdpType(String atName) {
        this.atName = atName;
    }

    public String atName() {
        return atName;
    }

    public boolean wantsV4() {
        return this != IPV6;
    }

    public boolean wantsV6() {
        return this != IP;
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

    /**
     * Section 2.3.1 mapping table: which +UPSD=0,0,&lt;type&gt; values fit an external context of this type
     * (0 = IPv4, 1 = IPv6, 2 = IPv4v6 with IPv4 preferred, 3 = IPv4v6 with IPv6 preferred).
     */
    public boolean matchesUpsdType(int upsdType) {
        switch (this) {
            case IP:
                return upsdType == 0;
            case IPV6:
                return upsdType == 1;
            default:
                return upsdType == 2 || upsdType == 3;
        }
    }
}
