package io.ucell.simulator.network;

import io.ucell.simulator.model.PdpType;

/**
 * One PDP context. {@code bearerUp} means the network has set up the bearer and assigned addresses (what
 * +CGDCONT? shows); {@code active} means the module's own stack may use it and +CGACT? reports 1. They
 * differ on SARA-R42, where the bearer of cid 1 is up after attach but the host still has to issue
 * +CGACT=1,cid before the internal applications can use it (section 2.3).
 */
public final class PdpContext {
    private final int cid;
    private PdpType type;
    private String apn;
    private boolean bearerUp;
    private boolean active;
    private String ipv4;
    private String ipv6;
    private String networkApn;

    PdpContext(int cid, PdpType type, String apn) {
        this.cid = cid;
        this.type = type;
        this.apn = apn == null ? "" : apn;
    }

    public int cid() {
        return cid;
    }

    public PdpType type() {
        return type;
    }

    public String apn() {
        return apn;
    }

    void define(PdpType type, String apn) {
        this.type = type;
        this.apn = apn == null ? "" : apn;
    }

    public boolean bearerUp() {
        return bearerUp;
    }

    public boolean active() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    void bringUp(String ipv4, String ipv6, String networkApn) {
        this.bearerUp = true;
        this.ipv4 = ipv4;
        this.ipv6 = ipv6;
        this.networkApn = networkApn;
    }

    void tearDown() {
        bearerUp = false;
        active = false;
        ipv4 = null;
        ipv6 = null;
        networkApn = null;
    }

    /** IPv4 address when the bearer is up and the network granted one, else null. */
    public String ipv4() {
        return ipv4;
    }

    /** IPv6 address (RFC 5952 text) when granted, else null. */
    public String ipv6() {
        return ipv6;
    }

    /**
     * The type the network actually granted (what +CGDCONT? shows once up): an IPV4V6 context that only got
     * an IPv4 address reads back as "IP" (section 2.3 example).
     */
    public PdpType effectiveType() {
        if (!bearerUp) {
            return type;
        }
        if (ipv4 != null && ipv6 != null) {
            return PdpType.IPV4V6;
        }
        return ipv6 != null ? PdpType.IPV6 : PdpType.IP;
    }

    /** APN shown in +CGDCONT?: the defined one, or the one the network chose when none was defined. */
    public String shownApn() {
        if (apn.isEmpty() && networkApn != null) {
            return networkApn;
        }
        return apn;
    }
}
