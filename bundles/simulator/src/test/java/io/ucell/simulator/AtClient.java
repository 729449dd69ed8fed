package io.ucell.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Tiny AT client for tests: writes "AT...\r" and reads until a final result code. */
final class AtClient implements AutoCloseable {
    private static final Pattern FINAL = Pattern.compile("\r\n(OK|ERROR|\\+CME ERROR: [^\r]*)\r\n");

    private final Socket socket;
    private final OutputStream out;
    private final StringBuilder rx = new StringBuilder();
    private int cursor;
    private int urcCursor;
    private volatile boolean eof;

    AtClient(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        InputStream in = socket.getInputStream();
        Thread t = new Thread(() -> {
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) > 0) {
                    synchronized (rx) {
                        rx.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                        rx.notifyAll();
                    }
                }
            } catch (IOException e) {
                // closed
            }
            eof = true;
            synchronized (rx) {
                rx.notifyAll();
            }
        }, "at-client");
        t.setDaemon(true);
        t.start();
    }

    boolean eof() {
        return eof;
    }

    void write(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    void writeRaw(String s) throws IOException {
        write(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a command and returns everything received up to and including its final result code. */
    String send(String cmd) throws Exception {
        return send(cmd, Duration.ofSeconds(5));
    }

    String send(String cmd, Duration timeout) throws Exception {
        synchronized (rx) {
            cursor = rx.length();
        }
        writeRaw(cmd + "\r");
        return awaitFinal(timeout);
    }

    String awaitFinal(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (rx) {
            while (true) {
                Matcher m = FINAL.matcher(rx);
                if (m.find(cursor)) {
                    String r = rx.substring(cursor, m.end());
                    cursor = m.end();
                    return r;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    throw new AssertionError("no final result code; received: " + escape(rx.substring(cursor)));
                }
                rx.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /**
     * Sends a command that opens an '@' prompt, waits for the prompt plus the 50 ms the module asks for, then
     * sends {@code data}; returns everything up to the final result code.
     */
    String sendWithPrompt(String cmd, byte[] data) throws Exception {
        return sendWithPrompt(cmd, data, '@');
    }

    /** Sends a command, waits for the prompt character, then sends the data and awaits the final result code. */
    String sendWithPrompt(String cmd, byte[] data, char promptChar) throws Exception {
        String promptText = String.valueOf(promptChar);
        int start;
        synchronized (rx) {
            cursor = rx.length();
            start = cursor;
        }
        writeRaw(cmd + "\r");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (rx) {
            while (rx.indexOf(promptText, start) < 0) {
                if (FINAL.matcher(rx).find(start)) {
                    return awaitFinal(Duration.ofSeconds(1)); // refused before the prompt
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    throw new AssertionError("no " + promptText + " prompt; received: " + escape(rx.substring(start)));
                }
                rx.wait(Math.max(1, left / 1_000_000));
            }
        }
        Thread.sleep(60);
        write(data);
        return awaitFinal(Duration.ofSeconds(5));
    }

    /**
     * Sends a command that opens a '>' prompt taking a counted payload (+UMQTTC=9), then {@code data} at once;
     * returns everything up to the final result code.
     */
    String sendWithTextPrompt(String cmd, byte[] data) throws Exception {
        int start;
        synchronized (rx) {
            cursor = rx.length();
            start = cursor;
        }
        writeRaw(cmd + "\r");
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        synchronized (rx) {
            while (rx.indexOf(">", start) < 0) {
                if (FINAL.matcher(rx).find(start)) {
                    return awaitFinal(Duration.ofSeconds(1)); // refused before the prompt
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    throw new AssertionError("no > prompt; received: " + escape(rx.substring(start)));
                }
                rx.wait(Math.max(1, left / 1_000_000));
            }
        }
        write(data);
        return awaitFinal(Duration.ofSeconds(5));
    }

    /** Forgets URCs received so far: the next {@link #awaitUrc} only sees later ones. */
    void skipUrcs() {
        synchronized (rx) {
            urcCursor = rx.length();
        }
    }

    /** Waits for a whole line starting with {@code prefix} received after the previous awaited URC. */
    String awaitUrc(String prefix, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (rx) {
            while (true) {
                int i = rx.indexOf("\r\n" + prefix, urcCursor);
                if (i >= 0) {
                    int end = rx.indexOf("\r\n", i + 2);
                    if (end >= 0) {
                        urcCursor = end;
                        return rx.substring(i + 2, end);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || eof) {
                    throw new AssertionError("no URC " + prefix + "; received: " + escape(rx.substring(urcCursor)));
                }
                rx.wait(Math.max(1, left / 1_000_000));
            }
        }
    }

    /** Everything received from now for {@code d}. */
    String collect(Duration d) throws InterruptedException {
        int start;
        synchronized (rx) {
            start = rx.length();
        }
        Thread.sleep(d.toMillis());
        synchronized (rx) {
            return rx.substring(start);
        }
    }

    String all() {
        synchronized (rx) {
            return rx.toString();
        }
    }

    /** Information lines of a response (no echo, no final result code). */
    static List<String> lines(String response) {
        List<String> l = new ArrayList<>(Arrays.asList(response.split("\r\n")));
        l.removeIf(s -> s.isEmpty() || s.startsWith("AT") || s.equals("OK") || s.equals("ERROR")
                || s.startsWith("+CME ERROR") || s.endsWith("\r"));
        return l;
    }

    static String finalCode(String response) {
        Matcher m = FINAL.matcher(response);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    static String escape(String s) {
        return s.replace("\r", "\\r").replace("\n", "\\n");
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
