package io.ucell.security.profile;

import io.ucell.at.AtCommand;
import io.ucell.pki.CipherSuites;
import io.ucell.security.at.SecurityAt;
import java.util.ArrayList;
import java.util.List;

/**
 * The +USECPRF commands that put a profile into the module, in the spec's order (3.2, 3.3): reset first (so
 * nothing of an older configuration stays), then every op the settings use. Session resumption (op 13) is
 * {@link #sessionCommands}, since it is volatile and written again after every reboot.
 */
public final class ProfileWriter {
    private ProfileWriter() {
    }

    public static List<AtCommand> commands(ProfileSettings s) {
        int p = s.profile();
        List<AtCommand> out = new ArrayList<>();
        out.add(SecurityAt.reset(p));
        out.add(SecurityAt.usecprf(p, 0).param(s.validationLevel()).build());
        if (s.minTlsVersion() != 0) {
            out.add(SecurityAt.usecprf(p, 1).param(s.minTlsVersion()).build());
        }
        ProfileSettings.CipherSelection c = s.cipherSelection();
        if (c.legacy() > 0) {
            out.add(SecurityAt.usecprf(p, 2).param(c.legacy()).build());
        } else if (!c.list() && c.iana().size() == 1) {
            int iana = c.iana().get(0);
            out.add(SecurityAt.usecprf(p, 2).param(99).param(hi(iana)).param(lo(iana)).build());
        } else {
            for (int iana : c.iana()) {
                out.add(SecurityAt.usecprf(p, 2).param(100).param(hi(iana)).param(lo(iana)).param(0).build());
            }
        }
        string(out, p, 3, s.caName());
        string(out, p, 4, s.hostname());
        string(out, p, 5, s.clientCertName());
        string(out, p, 6, s.clientKeyName());
        if (!s.clientKeyPassword().isEmpty()) {
            out.add(SecurityAt.usecprf(p, 7).secret(s.clientKeyPassword()).build());
        }
        if (!s.psk().isEmpty()) {
            AtCommand.Builder b = SecurityAt.usecprf(p, 8).secret(s.psk());
            if (s.pskHex()) {
                b.param(1);
            }
            out.add(b.build());
            string(out, p, 9, s.pskIdentity());
        }
        string(out, p, 10, s.sni());
        if (s.rotPsk()) {
            out.add(SecurityAt.usecprf(p, 11).param(1).build());
        }
        string(out, p, 12, s.pinnedName());
        return out;
    }

    /**
     * Op 13: enable resumption and set its type; the session data follows separately. Nothing when it is off:
     * the reset that starts {@link #commands} already left it off (and a firmware without op 13 still works).
     */
    public static List<AtCommand> sessionCommands(ProfileSettings s) {
        if (!s.sessionResumption()) {
            return List.of();
        }
        return List.of(SecurityAt.usecprf(s.profile(), 13).param(0).param(1).build(),
                SecurityAt.usecprf(s.profile(), 13).param(1).param(s.sessionType()).build());
    }

    /** Op 13,2 (id and master secret, base64) or 13,12 (data the module encrypted, and its size). */
    public static AtCommand sessionData(int profile, int sub, List<String> values) {
        AtCommand.Builder b = SecurityAt.usecprf(profile, 13).param(sub);
        if (sub == 12) {
            b.secret(values.get(0)).param(Long.parseLong(values.get(1)));
        } else {
            b.secret(values.get(0)).secret(values.get(1));
        }
        return b.build();
    }

    private static void string(List<AtCommand> out, int p, int op, String value) {
        if (!value.isEmpty()) {
            out.add(SecurityAt.usecprf(p, op).param(value).build());
        }
    }

    private static String hi(int iana) {
        return CipherSuites.hex(iana).substring(0, 2);
    }

    private static String lo(int iana) {
        return CipherSuites.hex(iana).substring(2);
    }
}
