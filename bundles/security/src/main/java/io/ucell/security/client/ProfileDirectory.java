package io.ucell.security.client;

import io.ucell.security.SecurityProfile;
import io.ucell.security.profile.ProfileSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The configured profiles, and which one serves a host: an exact or {@code *.domain} match first, then a
 * profile with no server list. Only applied profiles are offered; the chosen one gets its session data back
 * into the module first (a reboot or PSM may have cleared it).
 */
public final class ProfileDirectory {
    private final List<ProfileController> controllers = new CopyOnWriteArrayList<>();

    public void add(ProfileController c) {
        if (c != null) {
            controllers.add(c);
        }
    }

    public void remove(ProfileController c) {
        controllers.remove(c);
    }

    public Optional<SecurityProfile> profileFor(String host) {
        ProfileController chosen = null;
        for (ProfileController c : controllers) {
            ProfileSettings s = c.settings();
            if (s == null || !c.applied()) {
                continue;
            }
            if (!s.servers().isEmpty() && s.serves(host)) {
                chosen = c;
                break;
            }
            if (s.servers().isEmpty() && chosen == null) {
                chosen = c;
            }
        }
        if (chosen == null) {
            return Optional.empty();
        }
        try {
            chosen.prepareForConnection();
        } catch (RuntimeException e) {
            // the connection still works, with a full handshake
        }
        return chosen.applied() ? Optional.of(chosen.describe()) : Optional.empty();
    }

    public List<SecurityProfile> profiles() {
        List<SecurityProfile> out = new ArrayList<>();
        for (ProfileController c : controllers) {
            out.add(c.describe());
        }
        return out;
    }

    /** A warning when two configurations use the same module profile (the last applied one wins), else null. */
    public String clash() {
        java.util.Map<Integer, String> seen = new java.util.HashMap<>();
        for (ProfileController c : controllers) {
            ProfileSettings s = c.settings();
            if (s == null) {
                continue;
            }
            String other = seen.putIfAbsent(s.profile(), c.describe().pid());
            if (other != null) {
                return "security profiles " + other + " and " + c.describe().pid() + " both configure module profile "
                        + s.profile() + ": the last one applied wins";
            }
        }
        return null;
    }

    public Optional<ProfileController> controller(int profile) {
        for (ProfileController c : controllers) {
            if (c.settings() != null && c.settings().profile() == profile) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
