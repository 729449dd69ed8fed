package io.ucell.simulator.network;

import java.util.Map;
import java.util.TreeMap;

/** One internal PSD profile (+UPSD), with the parameters the simulator keeps. */
public final class PsdProfile {
    public static final int PARAM_IP_TYPE = 0;
    public static final int PARAM_CID = 100;

    private final int id;
    private final Map<Integer, String> params = new TreeMap<>();
    private boolean active;
    private boolean mappingEffective;

    PsdProfile(int id, int defaultIpType) {
        this.id = id;
        reset(defaultIpType);
    }

    void reset(int defaultIpType) {
        params.clear();
        params.put(PARAM_IP_TYPE, Integer.toString(defaultIpType));
        params.put(PARAM_CID, "1");
        mappingEffective = false;
    }

    public int id() {
        return id;
    }

    public int ipType() {
        return Integer.parseInt(params.get(PARAM_IP_TYPE));
    }

    public int cid() {
        return Integer.parseInt(params.get(PARAM_CID));
    }

    public Map<Integer, String> params() {
        return params;
    }

    void put(int tag, String value) {
        params.put(tag, value);
    }

    public boolean active() {
        return active;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** SARA-R42: the +UPSD=x,100,cid mapping only takes hold when given while the context had an address. */
    public boolean mappingEffective() {
        return mappingEffective;
    }

    void setMappingEffective(boolean v) {
        mappingEffective = v;
    }
}
