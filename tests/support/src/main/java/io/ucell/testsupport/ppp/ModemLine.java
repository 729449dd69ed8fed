package io.ucell.testsupport.ppp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * AT commands on the byte streams a {@link PppClient} later takes over: reads one byte at a time, so nothing after
 * CONNECT is consumed (the PPP frames that follow stay in the stream). For tests only.
 */
public final class ModemLine {
    private static final Pattern FINAL = Pattern.compile(
            "\r\n(OK|ERROR|NO CARRIER|CONNECT|BUSY|NO ANSWER|NO DIALTONE|\\+CME ERROR: [^\r]*)\r\n$");

    private final InputStream in;
    private final OutputStream out;

    /** @param in a stream whose read() ends with SocketTimeoutException or blocks; see {@link #command}. */
    public ModemLine(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    public InputStream in() {
        return in;
    }

    public OutputStream out() {
        return out;
    }

    /** Writes bytes as they are (the "+++" escape, for instance). */
    public void write(String text) {
        try {
            out.write(text.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends {@code command} + CR and returns everything up to and including the final result code (OK, ERROR,
     * +CME ERROR, CONNECT, NO CARRIER...). Throws when none comes within {@code timeout}.
     */
    public String command(String command, Duration timeout) {
        write(command + "\r");
        return awaitFinal(timeout);
    }

    /** Reads until a final result code. */
    public String awaitFinal(Duration timeout) {
        return readUntil(FINAL, timeout);
    }

    /** Reads until the text read so far ends with a match of {@code end}. */
    public String readUntil(Pattern end, Duration timeout) {
        StringBuilder sb = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no final result code within " + timeout + ": " + escape(sb));
            }
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (b < 0) {
                throw new IllegalStateException("stream closed after " + escape(sb));
            }
            sb.append((char) b);
            if (b == '\n' && end.matcher(sb).find()) {
                return sb.toString();
            }
        }
    }

    /** The last final result code in {@code response}: "OK", "CONNECT", "NO CARRIER"... */
    public static String finalCode(String response) {
        String[] lines = response.strip().split("\r\n");
        return lines[lines.length - 1].strip();
    }

    static String escape(CharSequence s) {
        return s.toString().replace("\r", "\\r").replace("\n", "\\n");
    }
}
