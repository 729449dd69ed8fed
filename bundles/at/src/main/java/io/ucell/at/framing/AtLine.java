package io.ucell.at.framing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line from the module: an information line, a URC or a final result code.
 *
 * <p>Text is ISO-8859-1 so every byte maps to one char and nothing is lost: counted payloads
 * (socket data, file contents) may hold any byte, CR, LF and quotes included. For lines of the form
 * {@code +PREFIX: a,"b",c} the framer has already split the parameters, using the announced length
 * of counted payloads, so a quote or comma inside the data does not break the split.
 */
public final class AtLine {

    private final String text;
    private final String prefix;
    private final List<String> params;

    AtLine(String text, String prefix, List<String> params) {
        this.text = text;
        this.prefix = prefix;
        this.params = params == null ? null : Collections.unmodifiableList(params);
    }

    /** Builds a line from text, splitting parameters without counted payloads (for tests and URC injection). */
    public static AtLine of(String text) {
        int colon = text.indexOf(':');
        if (text.startsWith("+") && colon > 1) {
            return new AtLine(text, text.substring(0, colon), splitParams(text.substring(colon + 1)));
        }
        return new AtLine(text, null, null);
    }

    /** The whole line, payload bytes included, as ISO-8859-1. */
    public String text() {
        return text;
    }

    /** The line as bytes, exactly as received. */
    public byte[] bytes() {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** "+USORD" for "+USORD: 0,2,..."; null for a line without a +PREFIX: head. */
    public String prefix() {
        return prefix;
    }

    public boolean hasPrefix(String p) {
        return prefix != null && prefix.equals(p);
    }

    /** Parameters after the prefix with quotes removed; for unprefixed lines the whole text as one parameter. */
    public List<String> params() {
        return params == null ? List.of(text) : params;
    }

    public int paramCount() {
        return params().size();
    }

    public String param(int index) {
        List<String> p = params();
        if (index >= p.size()) {
            throw new IndexOutOfBoundsException("line '" + text + "' has no parameter " + index);
        }
        return p.get(index);
    }

    public int intParam(int index) {
        String value = param(index).trim();
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + index + " of '" + text + "' is not a number: " + value, e);
        }
    }

    /** The bytes of a parameter, for counted payloads. */
    public byte[] bytesParam(int index) {
        return param(index).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Splits {@code a,"b,c",d} into [a, b,c, d]; quotes protect commas. */
    static List<String> splitParams(String rest) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean started = false;
        String s = rest;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' && !inQuotes && !started) {
                continue; // a space after "+PREFIX:" or after a comma is not part of the value
            }
            started = true;
            if (c == '"') {
                inQuotes = !inQuotes;
            } else if (c == ',' && !inQuotes) {
                out.add(field.toString());
                field.setLength(0);
                started = false;
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }
}
