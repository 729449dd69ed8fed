package io.ucell.at;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Masks the secrets in a command line typed by a person ({@link AtCommand#raw(String)}), so that the DEBUG trace of
 * {@code ucell:at AT+UMQTT=4,"user","pw"} shows {@code "****"} as the clients' own commands do. The table lists every
 * command of the app note (and of our clients) that carries a password, key password, PSK or session secret.
 */
final class RawLineSecrets {

    /** Parameters (0-based) to mask when the parameter at {@code selector} is one of {@code values} (any when empty). */
    private record Rule(int selector, Set<String> values, int... masked) { }

    private static final Map<String, List<Rule>> RULES = Map.of(
            "+UMQTT", List.of(new Rule(0, Set.of("4"), 2)),                 // 4,"user","password"
            "+UHTTP", List.of(new Rule(1, Set.of("3"), 2)),                 // profile,3,"password"
            "+UFTP", List.of(new Rule(0, Set.of("3"), 1)),                  // 3,"password"
            "+UPSD", List.of(new Rule(1, Set.of("3"), 2)),                  // profile,3,"password"
            "+USECPRF", List.of(new Rule(1, Set.of("7", "8"), 2),           // key password, PSK
                    new Rule(1, Set.of("13"), 3, 4)),                       // session id and master secret / data
            "+USECMNG", List.of(new Rule(0, Set.of("0", "1"), 4)),          // import with a key password
            "+UAUTHREQ", List.of(new Rule(0, Set.of(), 3)),                 // cid,type,"user","password"
            "+CGAUTH", List.of(new Rule(0, Set.of(), 3)));                  // cid,type,"user","password"

    private RawLineSecrets() {
    }

    /** {@code line} with every secret parameter replaced by "****" (quoted or not, as typed). */
    static String mask(String line, String name) {
        List<Rule> rules = RULES.get(name);
        int eq = line.indexOf('=');
        if (rules == null || eq < 0) {
            return line;
        }
        List<int[]> spans = parameterSpans(line, eq + 1);
        StringBuilder out = new StringBuilder(line);
        List<Integer> toMask = new ArrayList<>();
        for (Rule r : rules) {
            if (r.selector() >= spans.size()) {
                continue;
            }
            String selected = text(line, spans.get(r.selector())).trim();
            if (r.values().isEmpty() || r.values().contains(selected)) {
                for (int m : r.masked()) {
                    if (m < spans.size()) {
                        toMask.add(m);
                    }
                }
            }
        }
        // replace from the end so the earlier spans stay valid
        toMask.stream().distinct().sorted((a, b) -> b - a).forEach(i -> {
            int[] s = spans.get(i);
            String value = text(line, s).trim();
            boolean quoted = value.startsWith("\"");
            out.replace(s[0], s[1], quoted ? "\"****\"" : "****");
        });
        return out.toString();
    }

    private static String text(String line, int[] span) {
        return line.substring(span[0], span[1]);
    }

    /** [start, end) of each comma-separated parameter after {@code from}; commas inside quotes do not split. */
    private static List<int[]> parameterSpans(String line, int from) {
        List<int[]> spans = new ArrayList<>();
        boolean quoted = false;
        int start = from;
        for (int i = from; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                spans.add(new int[] {start, i});
                start = i + 1;
            }
        }
        spans.add(new int[] {start, line.length()});
        return spans;
    }
}
