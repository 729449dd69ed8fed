package io.ucell.at;

import java.nio.charset.StandardCharsets;

/**
 * The one place where a string becomes an AT command parameter.
 *
 * <p>u-blox modules take string parameters between double quotes with no escaping: a quote ends the
 * string, CR ends the command line and other control characters are undefined. A user string that
 * holds any of them could inject a second command, so it is refused before a byte is written.
 * Arbitrary bytes belong in hex or binary (prompt) modes, never here.
 *
 * <p>Command text is carried as ISO-8859-1 so one char is one byte on the wire; a user string is
 * encoded as UTF-8 first, which is what the modules expect for topic names, URLs and file names.
 */
public final class AtQuoting {

    private AtQuoting() {
    }

    /** Returns {@code value} between double quotes, as wire characters, or throws if the module cannot take it. */
    public static String quote(String value) {
        return '"' + toWire(value, "string parameter") + '"';
    }

    /** Checks a value that goes into a quoted parameter; returns it unchanged so it can be used inline. */
    public static String requireQuotable(String value, String what) {
        toWire(value, what);
        return value;
    }

    /** Whether {@link #quote} would accept the value. */
    public static boolean isQuotable(String value) {
        try {
            toWire(value, "value");
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static String toWire(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is missing (null)");
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            int b = utf8[i] & 0xFF;
            if (b == '"') {
                throw new IllegalArgumentException(what + " contains a double quote at index " + i
                        + ", which the module cannot take inside a quoted parameter");
            }
            if (b < 0x20 || b == 0x7F) {
                throw new IllegalArgumentException(what + " contains the control character 0x"
                        + String.format("%02X", b) + " at index " + i
                        + (b == '\r' || b == '\n' ? " (a line end would end the AT command)" : "")
                        + "; send arbitrary bytes in hex or binary mode instead");
            }
        }
        return new String(utf8, StandardCharsets.ISO_8859_1);
    }
}
