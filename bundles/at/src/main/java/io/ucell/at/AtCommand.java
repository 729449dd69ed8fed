package io.ucell.at;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One AT command, built so that no user string reaches the wire unchecked.
 *
 * <pre>
 * AtCommand.set("+USOCR").param(6).build();                 // AT+USOCR=6
 * AtCommand.set("+CGDCONT").param(1).param("IP").param(apn)  // AT+CGDCONT=1,"IP","apn"
 * AtCommand.read("+UMNOPROF").build();                      // AT+UMNOPROF?
 * AtCommand.set("+USOWR").param(0).param(n).binaryData(bytes).build(); // '@' prompt, then the bytes
 * </pre>
 */
public final class AtCommand {

    /** What the module sends before the data of a prompt command. */
    public enum Prompt { NONE, AT_SIGN, GREATER_THAN }

    private static final Pattern NAME = Pattern.compile("\\+[A-Z][A-Z0-9]*");
    private static final Pattern BASIC = Pattern.compile("[A-Z&][A-Z0-9&=]*");
    /** V.250 dial string: digits, '*', '#', '+' and ',' (no modifiers that end the line or switch modes). */
    private static final Pattern DIAL_STRING = Pattern.compile("[0-9*#+,]{1,40}");

    private final String text;
    private final String traceText;
    private final String name;
    private final List<String> responsePrefixes;
    private final Duration timeout;
    private final Prompt prompt;
    private final byte[] data;
    private final byte[] terminator;
    private final boolean connect;
    private final boolean maskResponse;

    private AtCommand(Builder b) {
        this.text = b.text.toString();
        this.traceText = b.trace.toString();
        this.name = b.name;
        this.responsePrefixes = b.responsePrefixes == null
                ? (b.name.startsWith("+") ? List.of(b.name) : List.of())
                : Collections.unmodifiableList(b.responsePrefixes);
        this.timeout = b.timeout;
        this.prompt = b.prompt;
        this.data = b.data;
        this.terminator = b.terminator;
        this.connect = b.connect;
        this.maskResponse = b.maskResponse;
    }

    /** AT+NAME=... (parameters follow). */
    public static Builder set(String name) {
        return new Builder(checkName(name), "=");
    }

    /** AT+NAME? */
    public static Builder read(String name) {
        return new Builder(checkName(name), "?").noParams();
    }

    /** AT+NAME=? */
    public static Builder test(String name) {
        return new Builder(checkName(name), "=?").noParams();
    }

    /** AT+NAME (action command without parameters, e.g. AT+CGSN, AT+USOER). */
    public static Builder action(String name) {
        return new Builder(checkName(name), "").noParams();
    }

    /** A V.250 basic command such as "I", "I9", "E0", "&K3" or "" for plain AT. */
    public static Builder basic(String command) {
        String c = command.toUpperCase(Locale.ROOT);
        if (!c.isEmpty() && !BASIC.matcher(c).matches()) {
            throw new IllegalArgumentException("not a basic AT command: '" + command + "'");
        }
        Builder b = new Builder(c, "");
        b.noParams();
        b.responsePrefixes = List.of();
        return b;
    }

    /**
     * ATD with a dial string, e.g. {@code dial("*99***1#")} for a packet-data (PPP) call on cid 1; add
     * {@link Builder#expectConnect()} and run it with {@link AtEngine#dial}. Only digits, '*', '#', '+' and ','
     * are accepted, so nothing else can reach the command line.
     */
    public static Builder dial(String dialString) {
        if (dialString == null || !DIAL_STRING.matcher(dialString).matches()) {
            throw new IllegalArgumentException("not a dial string: '" + dialString + "'");
        }
        Builder b = new Builder("D", dialString);
        b.noParams();
        b.responsePrefixes = List.of();
        return b;
    }

    /**
     * A command line typed by a person (the console's {@code ucell:at}). It must start with AT and may
     * hold no control characters, so it cannot smuggle a second command line.
     */
    public static AtCommand raw(String line) {
        if (line == null || line.length() < 2 || !line.regionMatches(true, 0, "AT", 0, 2)) {
            throw new IllegalArgumentException("an AT command line starts with AT: '" + line + "'");
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c < 0x20 || c == 0x7F || c > 0x7E) {
                throw new IllegalArgumentException("AT command line holds a control or non-ASCII character at index " + i);
            }
        }
        String body = line.substring(2);
        int end = 0;
        while (end < body.length() && "=?".indexOf(body.charAt(end)) < 0) {
            end++;
        }
        String name = body.substring(0, end).toUpperCase(Locale.ROOT);
        Builder b = new Builder(name, "");
        b.text.setLength(0);
        b.text.append(line);
        b.trace.setLength(0);
        b.trace.append(RawLineSecrets.mask(line, name));
        b.noParams();
        b.responsePrefixes = name.startsWith("+") ? List.of(name) : List.of();
        return b.build();
    }

    private static String checkName(String name) {
        if (name == null || !name.startsWith("+") || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an extended AT command name: '" + name + "'");
        }
        return name;
    }

    /** The command line as sent, without the trailing CR (ISO-8859-1: one char per byte). */
    public String text() {
        return text;
    }

    /** The command line with passwords, keys and PSKs replaced by "****", for logs. */
    public String traceText() {
        return traceText;
    }

    /** "+USORD" for AT+USORD=..., "I9" for ATI9. */
    public String name() {
        return name;
    }

    /** The prefixes of the information lines that belong to this command's response. */
    public List<String> responsePrefixes() {
        return responsePrefixes;
    }

    /** The timeout chosen for this command, or null for the engine's table. */
    public Duration timeout() {
        return timeout;
    }

    public Prompt prompt() {
        return prompt;
    }

    /** The bytes sent after the prompt (null when the command has no data phase). */
    public byte[] data() {
        return data == null ? null : data.clone();
    }

    byte[] dataUnsafe() {
        return data;
    }

    byte[] terminator() {
        return terminator;
    }

    /** Whether the command answers CONNECT and then carries data (dial-up, FTP direct link). */
    public boolean expectsConnect() {
        return connect;
    }

    /** Whether the information lines hold secrets and must not be traced. */
    public boolean masksResponse() {
        return maskResponse;
    }

    byte[] wireBytes() {
        return (text + "\r").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return traceText;
    }

    /** Builds a command; every string goes through {@link AtQuoting}. */
    public static final class Builder {
        private final String name;
        private final StringBuilder text = new StringBuilder("AT");
        private final StringBuilder trace = new StringBuilder("AT");
        private boolean first = true;
        private boolean paramsAllowed = true;
        private List<String> responsePrefixes;
        private Duration timeout;
        private Prompt prompt = Prompt.NONE;
        private byte[] data;
        private byte[] terminator;
        private boolean connect;
        private boolean maskResponse;

        private Builder(String name, String suffix) {
            this.name = name;
            text.append(name).append(suffix);
            trace.append(name).append(suffix);
        }

        private Builder noParams() {
            paramsAllowed = false;
            return this;
        }

        private void separator() {
            if (!paramsAllowed) {
                throw new IllegalStateException("command AT" + name + " takes no parameters here");
            }
            if (!first) {
                text.append(',');
                trace.append(',');
            }
            first = false;
        }

        /** An integer parameter. */
        public Builder param(long value) {
            separator();
            text.append(value);
            trace.append(value);
            return this;
        }

        /** A string parameter, quoted; refused if it holds a quote or a control character. */
        public Builder param(String value) {
            String quoted = AtQuoting.quote(value);
            separator();
            text.append(quoted);
            trace.append(quoted);
            return this;
        }

        /** A password, key or PSK: quoted like any string, shown as "****" in traces. */
        public Builder secret(String value) {
            String quoted = AtQuoting.quote(value);
            separator();
            text.append(quoted);
            trace.append("\"****\"");
            return this;
        }

        /** Bytes as a quoted hexadecimal string (for hex modes). */
        public Builder hex(byte[] value) {
            separator();
            StringBuilder h = new StringBuilder(value.length * 2 + 2).append('"');
            for (byte b : value) {
                h.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            String quoted = h.append('"').toString().toUpperCase(Locale.ROOT);
            text.append(quoted);
            trace.append(quoted);
            return this;
        }

        /** A parameter left out, to reach a later one: AT+X=1,,3. */
        public Builder empty() {
            separator();
            return this;
        }

        /** Overrides the engine's timeout table for this command. */
        public Builder timeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = value;
            return this;
        }

        /** The prefixes of the information lines of the response, when they differ from the command name. */
        public Builder responsePrefixes(String... prefixes) {
            this.responsePrefixes = List.of(prefixes);
            return this;
        }

        /** After the '@' prompt (and the 50 ms the module needs) send exactly these bytes. */
        public Builder binaryData(byte[] bytes) {
            this.prompt = Prompt.AT_SIGN;
            this.data = bytes.clone();
            this.terminator = new byte[0];
            return this;
        }

        /** After the '>' prompt send these bytes, then the terminator the command needs (may be empty). */
        public Builder promptData(byte[] bytes, byte[] terminatorBytes) {
            this.prompt = Prompt.GREATER_THAN;
            this.data = bytes.clone();
            this.terminator = terminatorBytes.clone();
            return this;
        }

        /** The command answers CONNECT and the stream then carries data. */
        public Builder expectConnect() {
            this.connect = true;
            return this;
        }

        /** Keeps the information lines out of traces (they echo secrets). */
        public Builder maskResponse() {
            this.maskResponse = true;
            return this;
        }

        public AtCommand build() {
            return new AtCommand(this);
        }
    }
}
