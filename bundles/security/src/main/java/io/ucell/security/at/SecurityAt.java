package io.ucell.security.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import io.ucell.security.CredentialType;
import io.ucell.security.StoredCredential;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds +USECMNG / +USECPRF commands (every string through the engine's quoting, secrets masked) and reads
 * their answers. Answers are read leniently: the spec shows list lines with and without a {@code +USECMNG:}
 * head and the import answer as {@code +USECMNG: 0,...} or {@code 1,...}; any of these is accepted.
 */
public final class SecurityAt {
    public static final Duration TIMEOUT = Duration.ofSeconds(20);

    private SecurityAt() {
    }

    /** +USECMNG=0,type,"name",size[,"password"] then, after '>', exactly the bytes (no terminator). */
    public static AtCommand importItem(CredentialType type, String name, byte[] data, String password) {
        AtCommand.Builder b = AtCommand.set("+USECMNG").param(0).param(type.code).param(name).param(data.length);
        if (password != null && !password.isEmpty()) {
            b.secret(password);
        }
        return b.promptData(data, new byte[0]).timeout(TIMEOUT).build();
    }

    /** +USECMNG=1,type,"name","file"[,"password"]: from the module's file system. */
    public static AtCommand importFile(CredentialType type, String name, String file, String password) {
        AtCommand.Builder b = AtCommand.set("+USECMNG").param(1).param(type.code).param(name).param(file);
        if (password != null && !password.isEmpty()) {
            b.secret(password);
        }
        return b.timeout(TIMEOUT).build();
    }

    public static AtCommand list() {
        return AtCommand.set("+USECMNG").param(3).timeout(TIMEOUT).build();
    }

    public static AtCommand md5(CredentialType type, String name) {
        return AtCommand.set("+USECMNG").param(4).param(type.code).param(name).timeout(TIMEOUT).build();
    }

    public static AtCommand remove(CredentialType type, String name) {
        return AtCommand.set("+USECMNG").param(2).param(type.code).param(name).timeout(TIMEOUT).build();
    }

    /**
     * The MD5 of an import or +USECMNG=4 answer: the last parameter of the +USECMNG line. The app note's 3.1 table
     * prints the client key's import answer as the bare hash ("7ab34c9aa03fbce5edd6723d8b8e05"), so without a
     * +USECMNG line an information line of hex digits alone is the hash.
     */
    public static String md5Of(AtResponse r) {
        java.util.Optional<AtLine> head = r.line("+USECMNG");
        if (head.isPresent()) {
            AtLine l = head.get();
            return l.param(l.paramCount() - 1).trim().toLowerCase(java.util.Locale.ROOT);
        }
        for (int i = r.lines().size() - 1; i >= 0; i--) {
            String t = r.lines().get(i).text().trim();
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.matches("[0-9A-Fa-f]{6,64}")) {
                return t.toLowerCase(java.util.Locale.ROOT);
            }
        }
        return r.require("+USECMNG").text(); // throws, naming the command
    }

    /** +USECMNG=3 lines: {@code CA,"name","subject","expiry"} or {@code PK,"name"}, with or without a head. */
    public static List<StoredCredential> parseList(AtResponse r) {
        List<StoredCredential> out = new ArrayList<>();
        for (AtLine l : r.lines()) {
            String text = l.text().trim();
            if (text.startsWith("+USECMNG:")) {
                text = text.substring("+USECMNG:".length()).trim();
            }
            List<String> p = AtLine.of("+L: " + text).params();
            if (p.size() < 2) {
                continue;
            }
            CredentialType t = CredentialType.ofTag(p.get(0).trim());
            if (t == null) {
                continue;
            }
            out.add(new StoredCredential(t, p.get(1), p.size() > 2 ? p.get(2) : "", p.size() > 3 ? p.get(3) : ""));
        }
        return out;
    }

    // ------------------------------------------------------------------ +USECPRF

    public static AtCommand.Builder usecprf(int profile, int op) {
        return AtCommand.set("+USECPRF").param(profile).param(op).timeout(TIMEOUT);
    }

    public static AtCommand reset(int profile) {
        return AtCommand.set("+USECPRF").param(profile).timeout(TIMEOUT).build();
    }

    /** One +UUSECPRF URC of session resumption (section 3.4). */
    public record SessionUrc(int profile, int sub, List<String> values) {
        public static final int TYPE = 1;
        public static final int DATA = 2;
        public static final int ENCRYPTED_DATA = 12;

        /** The URC, or null when it is not a +UUSECPRF: p,13,... line. */
        public static SessionUrc parse(AtLine line) {
            if (!line.hasPrefix("+UUSECPRF") || line.paramCount() < 4) {
                return null;
            }
            try {
                if (Integer.parseInt(line.param(1).trim()) != 13) {
                    return null;
                }
                List<String> v = new ArrayList<>();
                for (int i = 3; i < line.paramCount(); i++) {
                    v.add(line.param(i).trim());
                }
                return new SessionUrc(Integer.parseInt(line.param(0).trim()), Integer.parseInt(line.param(2).trim()), v);
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
