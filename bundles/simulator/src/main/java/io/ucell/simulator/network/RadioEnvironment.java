package io.ucell.simulator.network;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The world around the module: coverage, signal levels and DNS overrides. It survives reboots (a reboot does
 * not move the antenna); fault injection changes it.
 */
public final class RadioEnvironment {
    private volatile boolean coverage = true;
    private volatile int rssiDbm = -75;
    private volatile int rsrpDbm = -95;
    private volatile int rsrqDb = -10;
    private final Map<String, String> dnsForward = new ConcurrentHashMap<>();
    private final Map<String, String> dnsReverse = new ConcurrentHashMap<>();

    public boolean coverage() {
        return coverage;
    }

    public void setCoverage(boolean coverage) {
        this.coverage = coverage;
    }

    public int rssiDbm() {
        return rssiDbm;
    }

    public int rsrpDbm() {
        return rsrpDbm;
    }

    public int rsrqDb() {
        return rsrqDb;
    }

    public void setSignal(int rssiDbm, int rsrpDbm, int rsrqDb) {
        this.rssiDbm = rssiDbm;
        this.rsrpDbm = rsrpDbm;
        this.rsrqDb = rsrqDb;
    }

    public void setDnsOverride(String name, String ip) {
        dnsForward.put(name.toLowerCase(java.util.Locale.ROOT), ip);
        dnsReverse.put(ip, name);
    }

    public String dnsForward(String name) {
        return dnsForward.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String dnsReverse(String ip) {
        return dnsReverse.get(ip);
    }
}
