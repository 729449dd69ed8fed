package io.ucell.simulator.security;

import java.util.Map;
import java.util.TreeMap;

/**
 * The five security profiles of +USECPRF (section 3), as far as secure sockets need them for now: the
 * certificate validation level (op 0) is used; every other op is stored as given and read back, without
 * acting on it. Volatile (one per boot). Not thread safe: used by command handlers, one at a time.
 */
public final class SecurityProfiles {
    public static final int PROFILES = 5;
    public static final int OP_VALIDATION_LEVEL = 0;

    /** Per profile: op to the parameter text exactly as it was given (quoted strings keep their quotes). */
    private final Map<Integer, Map<Integer, String>> profiles = new TreeMap<>();

    public SecurityProfiles() {
        for (int p = 0; p < PROFILES; p++) {
            reset(p);
        }
    }

    public static boolean validProfile(int p) {
        return p >= 0 && p < PROFILES;
    }

    /** AT+USECPRF=p: factory values (validation level 0: no server certificate validation). */
    public void reset(int profile) {
        Map<Integer, String> m = new TreeMap<>();
        m.put(OP_VALIDATION_LEVEL, "0");
        profiles.put(profile, m);
    }

    public void set(int profile, int op, String value) {
        profiles.get(profile).put(op, value);
    }

    /** The stored parameter text, or null when never set. */
    public String get(int profile, int op) {
        return profiles.get(profile).get(op);
    }

    /** 0 none, 1 root certificate, 2 + host name, 3 + validity date. */
    public int validationLevel(int profile) {
        return Integer.parseInt(profiles.get(profile).get(OP_VALIDATION_LEVEL));
    }
}
