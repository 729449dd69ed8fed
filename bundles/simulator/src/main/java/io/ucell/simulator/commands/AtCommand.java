package io.ucell.simulator.commands;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * One parsed command line. Extended commands ("AT+CGDCONT=1,\"IP\"") have a name starting with '+', a kind
 * and parameters; basic commands ("ATE0", "ATI9", "AT&F") have a one- or two-character name and a numeric
 * argument.
 */
public final class AtCommand {
    public enum Kind { ACTION, SET, READ, TEST }

    /** One parameter: the text without quotes, whether it was quoted, and whether it was left empty. */
    public record Param(String value, boolean quoted) {
        public boolean empty() {
            return !quoted && value.isEmpty();
        }
    }

    private final String line;
    private final String name;
    private final Kind kind;
    private final List<Param> params;
    private final String basicArg;

    private AtCommand(String line, String name, Kind kind, List<Param> params, String basicArg) {
        this.line = line;
        this.name = name;
        this.kind = kind;
        this.params = params;
        this.basicArg = basicArg;
    }

    /** Parses the text after the "AT" prefix; throws {@link BadCommandException} on a syntax error. */
    public static AtCommand parse(String line, String body) {
        if (body.isEmpty()) {
            return new AtCommand(line, "", Kind.ACTION, List.of(), "");
        }
        char c = body.charAt(0);
        if (c == '+' || c == '#' || c == '*' || c == '^') {
            int i = 1;
            while (i < body.length() && (Character.isLetterOrDigit(body.charAt(i)) || body.charAt(i) == '_')) {
                i++;
            }
            if (i == 1) {
                throw new BadCommandException("empty command name");
            }
            String name = body.substring(0, i).toUpperCase(Locale.ROOT);
            String rest = body.substring(i);
            if (rest.isEmpty()) {
                return new AtCommand(line, name, Kind.ACTION, List.of(), "");
            }
            if (rest.equals("?")) {
                return new AtCommand(line, name, Kind.READ, List.of(), "");
            }
            if (rest.equals("=?")) {
                return new AtCommand(line, name, Kind.TEST, List.of(), "");
            }
            if (rest.charAt(0) == '=') {
                return new AtCommand(line, name, Kind.SET, parseParams(rest.substring(1)), "");
            }
            throw new BadCommandException("unexpected text after command name");
        }
        // S-register: ATSn? reads, ATSn=v sets (ATS2 escape character, ATS12 escape guard time)
        if ((c == 'S' || c == 's') && body.length() > 1 && Character.isDigit(body.charAt(1))) {
            int i = 1;
            while (i < body.length() && Character.isDigit(body.charAt(i))) {
                i++;
            }
            String name = "S" + Integer.parseInt(body.substring(1, i));
            String rest = body.substring(i);
            if (rest.equals("?")) {
                return new AtCommand(line, name, Kind.READ, List.of(), "");
            }
            if (rest.startsWith("=") && rest.length() > 1 && rest.substring(1).chars().allMatch(Character::isDigit)) {
                return new AtCommand(line, name, Kind.SET, List.of(new Param(rest.substring(1), false)), "");
            }
            throw new BadCommandException("bad S-register command");
        }
        // dial: ATD takes a dial string ("ATD*99***1#", section 4.1), not a number
        if (c == 'D' || c == 'd') {
            return new AtCommand(line, "D", Kind.ACTION, List.of(), body.substring(1).strip());
        }
        // basic command: letter (or &letter) followed by digits
        int i = 0;
        if (c == '&') {
            i = 1;
        }
        if (i >= body.length() || !Character.isLetter(body.charAt(i))) {
            throw new BadCommandException("not a command");
        }
        String name = body.substring(0, i + 1).toUpperCase(Locale.ROOT);
        String arg = body.substring(i + 1);
        if (arg.equals("?")) {
            return new AtCommand(line, name, Kind.READ, List.of(), "");
        }
        if (!arg.chars().allMatch(Character::isDigit)) {
            throw new BadCommandException("basic command argument must be numeric");
        }
        return new AtCommand(line, name, Kind.ACTION, List.of(), arg);
    }

    static List<Param> parseParams(String s) {
        List<Param> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            // skip blanks before a parameter
            while (i < n && s.charAt(i) == ' ') {
                i++;
            }
            if (i < n && s.charAt(i) == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new BadCommandException("unterminated string");
                }
                out.add(new Param(s.substring(i + 1, end), true));
                i = end + 1;
                while (i < n && s.charAt(i) == ' ') {
                    i++;
                }
            } else {
                int end = s.indexOf(',', i);
                if (end < 0) {
                    end = n;
                }
                String v = s.substring(i, end).trim();
                if (v.indexOf('"') >= 0) {
                    throw new BadCommandException("misplaced quote");
                }
                out.add(new Param(v, false));
                i = end;
            }
            if (i >= n) {
                break;
            }
            if (s.charAt(i) != ',') {
                throw new BadCommandException("expected ','");
            }
            i++;
        }
        return Collections.unmodifiableList(out);
    }

    public String line() {
        return line;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public List<Param> params() {
        return params;
    }

    public int paramCount() {
        return params.size();
    }

    public String basicArg() {
        return basicArg;
    }

    public boolean has(int i) {
        return i < params.size() && !params.get(i).empty();
    }

    /** Integer parameter; throws {@link BadParameterException} if missing or not a number. */
    public int intParam(int i) {
        if (!has(i)) {
            throw new BadParameterException("parameter " + i + " missing");
        }
        Param p = params.get(i);
        if (p.quoted()) {
            throw new BadParameterException("parameter " + i + " must not be quoted");
        }
        try {
            return Integer.parseInt(p.value());
        } catch (NumberFormatException e) {
            throw new BadParameterException("parameter " + i + " is not a number");
        }
    }

    public int intParam(int i, int min, int max) {
        int v = intParam(i);
        if (v < min || v > max) {
            throw new BadParameterException("parameter " + i + " out of range");
        }
        return v;
    }

    public int optInt(int i, int dflt) {
        return has(i) ? intParam(i) : dflt;
    }

    public int optInt(int i, int dflt, int min, int max) {
        return has(i) ? intParam(i, min, max) : dflt;
    }

    /** String parameter; strings must be quoted, as the module requires. */
    public String strParam(int i) {
        if (i >= params.size() || !params.get(i).quoted()) {
            throw new BadParameterException("parameter " + i + " must be a quoted string");
        }
        return params.get(i).value();
    }

    public String optStr(int i, String dflt) {
        if (i >= params.size() || params.get(i).empty()) {
            return dflt;
        }
        return strParam(i);
    }

    @Override
    public String toString() {
        return line;
    }
}
