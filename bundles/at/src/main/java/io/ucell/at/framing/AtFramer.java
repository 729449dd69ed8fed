package io.ucell.at.framing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns the byte stream from the module into lines, prompts and data-mode bytes.
 *
 * <p>Runs on the engine's single reader thread; it is not thread-safe except for the volatile
 * switches the command thread sets ({@link #expectPrompt}, {@link #armConnect}, {@link #escapePending}).
 * It never blocks: everything it finds goes to the {@link Listener} at once.
 */
public final class AtFramer {

    /** What the framer finds in the stream. */
    public interface Listener {
        /** A complete line: information text, URC or final result code. */
        void onLine(AtLine line);

        /** A data prompt, '@' or '>', which the module sends without CR LF. */
        void onPrompt(char prompt);

        /** Bytes received in data mode (after CONNECT). */
        void onData(byte[] buf, int off, int len);

        /** Data mode ended: {@code marker} is "NO CARRIER" or "OK" (after the +++ escape). */
        void onDataModeEnded(String marker);
    }

    private static final byte[] NO_CARRIER = "\r\nNO CARRIER\r\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] ESCAPE_OK = "\r\nOK\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** Some direct links (FTP, section 9.1) answer the escape with DISCONNECT before the OK: not data. */
    private static final byte[] DISCONNECT = "\r\nDISCONNECT\r\n".getBytes(StandardCharsets.ISO_8859_1);
    /** A line without counted payload longer than this is garbage; cut it so memory stays bounded. */
    private static final int MAX_PLAIN_LINE = 1 << 20;

    private final Listener listener;
    private final PayloadRules rules;

    private volatile boolean promptExpected;
    private volatile boolean connectArmed;
    private volatile boolean escapePending;

    // command mode: the line being built
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean skipSpace;
    private String prefix;
    private PayloadRule rule;
    private List<String> params;
    private StringBuilder param;
    private boolean inQuotes;
    private boolean paramStarted;
    private int payloadRemaining;

    // data mode: bytes held back because they may be the start of NO CARRIER or OK
    private boolean dataMode;
    private boolean swallowLf;
    private final byte[] hold = new byte[Math.max(NO_CARRIER.length, DISCONNECT.length)];
    private int holdLength;
    private byte[] dataOut = new byte[1024];

    public AtFramer(Listener listener, PayloadRules rules) {
        this.listener = listener;
        this.rules = rules;
    }

    /**
     * The information lines in {@code wire} (the characters as the module sends them, one per byte, CR LF
     * included), framed as the engine frames them with {@code rules}: for parsers that are given text instead of
     * a live link, and their tests.
     */
    public static List<AtLine> linesOf(String wire, PayloadRules rules) {
        List<AtLine> lines = new ArrayList<>();
        AtFramer f = new AtFramer(new Listener() {
            @Override
            public void onLine(AtLine line) {
                lines.add(line);
            }

            @Override
            public void onPrompt(char prompt) {
            }

            @Override
            public void onData(byte[] buf, int off, int len) {
            }

            @Override
            public void onDataModeEnded(String marker) {
            }
        }, rules);
        byte[] b = wire.getBytes(StandardCharsets.ISO_8859_1);
        f.feed(b, 0, b.length);
        return lines;
    }

    /** A prompt ('@' or '>') may come next; only then is a line-start '@' or '>' taken as one. */
    public void expectPrompt(boolean expected) {
        this.promptExpected = expected;
    }

    /** The command in progress may answer CONNECT, after which the stream carries data. */
    public void armConnect(boolean armed) {
        this.connectArmed = armed;
    }

    /** "+++" was sent: in data mode an OK now ends the data phase. */
    public void escapePending(boolean pending) {
        this.escapePending = pending;
    }

    public boolean inDataMode() {
        return dataMode;
    }

    /** Drops a half-received line, e.g. after the transport was reopened. */
    public void reset() {
        resetLine();
        dataMode = false;
        holdLength = 0;
        skipSpace = false;
        payloadRemaining = 0;
    }

    /** Nothing arrived for a while: release held-back data-mode bytes so the consumer sees them. */
    public void idle() {
        if (dataMode && holdLength > 0) {
            listener.onData(Arrays.copyOf(hold, holdLength), 0, holdLength);
            holdLength = 0;
        }
    }

    public void feed(byte[] buf, int off, int len) {
        int i = off;
        int end = off + len;
        while (i < end) {
            if (dataMode) {
                if (swallowLf) {
                    // CONNECT came as CR LF; the LF after the CR that ended the line is not data
                    swallowLf = false;
                    if (buf[i] == '\n') {
                        i++;
                        continue;
                    }
                }
                i = feedData(buf, i, end);
            } else {
                feedCommandByte(buf[i++]);
            }
        }
    }

    private void feedCommandByte(byte b) {
        int c = b & 0xFF;
        if (payloadRemaining > 0) {
            append(b);
            param.append((char) c);
            payloadRemaining--;
            return;
        }
        if (skipSpace) {
            skipSpace = false;
            if (c == ' ') {
                return;
            }
        }
        if (c == '\r' || c == '\n') {
            endLine();
            return;
        }
        if (lineLength == 0 && promptExpected && (c == '@' || c == '>')) {
            promptExpected = false;
            skipSpace = c == '>';
            listener.onPrompt((char) c);
            return;
        }
        append(b);
        if (params != null) {
            trackParam(c);
        } else if (c == ':' && prefix == null && line[0] == '+') {
            prefix = new String(line, 0, lineLength - 1, StandardCharsets.ISO_8859_1);
            rule = rules.forPrefix(prefix);
            params = new ArrayList<>();
            param = new StringBuilder();
            paramStarted = false;
        }
        if (lineLength > MAX_PLAIN_LINE) {
            endLine();
        }
    }

    private void trackParam(int c) {
        if (!paramStarted && !inQuotes && c == ' ' && param.length() == 0) {
            // the space after "+PREFIX:", and a space after a comma ("...,7,2, \"12\"", app note 5.7, 6.4, 10.2):
            // not part of the value, and a counted payload's quote must still open the count
            return;
        }
        if (c == '"') {
            if (!inQuotes && !paramStarted) {
                inQuotes = true;
                paramStarted = true;
                int counted = rule == null ? -1 : rule.countedLength(params);
                if (counted > 0) {
                    payloadRemaining = counted;
                }
                // after the counted bytes the field continues as quoted text up to the closing quote:
                // in hex mode the module announces the byte count but sends twice as many characters
            } else {
                inQuotes = !inQuotes;
            }
            return;
        }
        if (c == ',' && !inQuotes) {
            params.add(param.toString());
            param.setLength(0);
            paramStarted = false;
            return;
        }
        paramStarted = true;
        param.append((char) c);
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        if (lineLength == 0) {
            return;
        }
        String text = new String(line, 0, lineLength, StandardCharsets.ISO_8859_1);
        List<String> lineParams = null;
        if (params != null) {
            params.add(param.toString());
            lineParams = params;
        }
        AtLine atLine = new AtLine(text, prefix, lineParams);
        resetLine();
        listener.onLine(atLine);
        if (connectArmed && (text.equals("CONNECT") || text.startsWith("CONNECT "))) {
            connectArmed = false;
            dataMode = true;
            swallowLf = true;
            holdLength = 0;
        }
    }

    private void resetLine() {
        if (line.length > 4096) {
            line = new byte[256];
        }
        lineLength = 0;
        prefix = null;
        rule = null;
        params = null;
        param = null;
        inQuotes = false;
        paramStarted = false;
    }

    /** Consumes data-mode bytes from {@code i}; returns where command mode resumes (or {@code end}). */
    private int feedData(byte[] buf, int i, int end) {
        int outLength = 0;
        if (dataOut.length < end - i + hold.length) {
            dataOut = new byte[end - i + hold.length];
        }
        while (i < end) {
            hold[holdLength++] = buf[i++];
            while (holdLength > 0) {
                byte[] marker = matchMarker();
                if (marker == FULL_NO_CARRIER || marker == FULL_OK) {
                    if (outLength > 0) {
                        listener.onData(dataOut, 0, outLength);
                    }
                    holdLength = 0;
                    dataMode = false;
                    escapePending = false;
                    listener.onDataModeEnded(marker == FULL_OK ? "OK" : "NO CARRIER");
                    return i;
                }
                if (marker == FULL_DISCONNECT) {
                    holdLength = 0; // swallowed; the OK that follows ends the data phase
                    break;
                }
                if (marker == PREFIX) {
                    break;
                }
                // the first held byte cannot start a marker: it is data
                dataOut[outLength++] = hold[0];
                System.arraycopy(hold, 1, hold, 0, --holdLength);
            }
        }
        if (outLength > 0) {
            listener.onData(dataOut, 0, outLength);
        }
        return i;
    }

    private static final byte[] FULL_NO_CARRIER = new byte[0];
    private static final byte[] FULL_OK = new byte[0];
    private static final byte[] PREFIX = new byte[0];
    private static final byte[] FULL_DISCONNECT = new byte[0];

    private byte[] matchMarker() {
        boolean prefixOfAny = false;
        int m = matchAgainst(NO_CARRIER);
        if (m == 2) {
            return FULL_NO_CARRIER;
        }
        prefixOfAny |= m == 1;
        if (escapePending) {
            m = matchAgainst(ESCAPE_OK);
            if (m == 2) {
                return FULL_OK;
            }
            prefixOfAny |= m == 1;
            m = matchAgainst(DISCONNECT);
            if (m == 2) {
                return FULL_DISCONNECT;
            }
            prefixOfAny |= m == 1;
        }
        return prefixOfAny ? PREFIX : null;
    }

    /** 0: the held bytes do not start the marker; 1: they are a proper prefix; 2: they are the marker. */
    private int matchAgainst(byte[] marker) {
        if (holdLength > marker.length) {
            return 0;
        }
        for (int k = 0; k < holdLength; k++) {
            if (hold[k] != marker[k]) {
                return 0;
            }
        }
        return holdLength == marker.length ? 2 : 1;
    }
}
