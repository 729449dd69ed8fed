package io.ucell.ppp.pppd;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How pppd is run on a link.
 *
 * @param executable path of pppd (usually /usr/sbin/pppd)
 * @param extra      options after {@code notty nodetach}, one per element (see {@link #split})
 * @param user       PPP user name for pppd's {@code user} option (empty: none)
 * @param password   PPP password for pppd's {@code password} option (empty: none); goes only into an
 *                   owner-only options file, never on the command line
 * @param workDir    where the options file is written (owner-only; deleted when pppd stops)
 */
public record PppdOptions(Path executable, List<String> extra, String user, String password, Path workDir) {
    public static final String DEFAULT_EXECUTABLE = "/usr/sbin/pppd";
    /** Let the module's PPP server decide the addresses and DNS; do not ask it to authenticate itself. */
    public static final String DEFAULT_EXTRA = "noauth noipdefault usepeerdns defaultroute";
    /**
     * Options that would put a secret on the command line, take pppd off the link's streams, or make pppd run a
     * program or load code named in the configuration (pppd runs as root; a form field must not become a command).
     */
    private static final List<String> FORBIDDEN = List.of("password", "user", "tty", "pty", "file", "call", "updetach",
            "connect", "disconnect", "init", "welcome", "socket", "plugin", "record", "ip-up-script", "ip-down-script",
            "ipv6-up-script", "ipv6-down-script", "auth-up-script", "auth-down-script", "net-init-script",
            "net-pre-up-script", "net-down-script");

    public PppdOptions {
        extra = List.copyOf(extra);
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    /** Problems with the options (empty when fine). */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (executable == null || !executable.isAbsolute()) {
            errors.add("the pppd path must be absolute: " + executable);
        } else if (!Files.isExecutable(executable)) {
            errors.add("pppd is not an executable file at " + executable + " (install the ppp package)");
        }
        for (String o : extra) {
            if (FORBIDDEN.contains(o)) {
                errors.add("pppd option '" + o + "' is set by ucell or not allowed (user and password come from the"
                        + " configuration; no scripts or plugins from a form)");
            }
            if (o.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                errors.add("a pppd option holds a control character");
            }
        }
        if (user.chars().anyMatch(c -> c < 0x20 || c == 0x7F) || password.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
            errors.add("user or password holds a control character");
        }
        return errors;
    }

    /** Splits "a b 'c d' \"e f\"" into words the way a shell would (no expansion). */
    public static List<String> split(String options) {
        List<String> out = new ArrayList<>();
        if (options == null) {
            return out;
        }
        StringBuilder w = null;
        char quote = 0;
        for (int i = 0; i < options.length(); i++) {
            char c = options.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    w.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                w = w == null ? new StringBuilder() : w;
            } else if (Character.isWhitespace(c)) {
                if (w != null) {
                    out.add(w.toString());
                    w = null;
                }
            } else {
                w = w == null ? new StringBuilder() : w;
                w.append(c);
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unbalanced quote in pppd options");
        }
        if (w != null) {
            out.add(w.toString());
        }
        return out;
    }
}
