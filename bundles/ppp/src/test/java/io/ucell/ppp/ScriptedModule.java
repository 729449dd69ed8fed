package io.ucell.ppp;

import io.ucell.at.transport.Transport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An in-memory module for AT-sequence unit tests: each command line goes to {@code answers}, which returns the
 * bytes to send back (final result code included). An answer holding CONNECT starts a data phase: bytes from the
 * engine are then kept in {@link #fromHost} until "+++" (answered with {@link #escapeAnswer}) or
 * {@link #noCarrier()}.
 */
final class ScriptedModule implements Transport {
    final List<String> commands = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream fromHost = new ByteArrayOutputStream();
    private final BlockingQueue<byte[]> toEngine = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile Function<String, String> answers = c -> "\r\nOK\r\n";
    private volatile boolean open;
    private volatile boolean dataMode;
    /** "OK" (online command mode) or "NO CARRIER": how the module answers "+++". */
    volatile String escapeAnswer = "OK";
    private byte[] pending;
    private int pendingPos;

    void answers(Function<String, String> a) {
        answers = a;
    }

    boolean inDataMode() {
        return dataMode;
    }

    void send(String s) {
        toEngine.add(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    void sendData(byte[] b) {
        toEngine.add(b.clone());
    }

    /** The call ends from the module's side (LCP Terminate from the DTE, network loss). */
    void noCarrier() {
        dataMode = false;
        send("\r\nNO CARRIER\r\n");
    }

    synchronized byte[] hostBytes() {
        return fromHost.toByteArray();
    }

    @Override
    public void open() {
        open = true;
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        if (!open) {
            throw new IOException("scripted link closed");
        }
        if (pending == null) {
            try {
                pending = toEngine.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            pendingPos = 0;
            if (pending == null) {
                return 0;
            }
        }
        int n = Math.min(len, pending.length - pendingPos);
        System.arraycopy(pending, pendingPos, buf, off, n);
        pendingPos += n;
        if (pendingPos == pending.length) {
            pending = null;
        }
        return n;
    }

    @Override
    public synchronized void write(byte[] buf, int off, int len) throws IOException {
        if (!open) {
            throw new IOException("scripted link closed");
        }
        if (dataMode) {
            if (len == 3 && Arrays.equals(Arrays.copyOfRange(buf, off, off + 3), "+++".getBytes(StandardCharsets.US_ASCII))) {
                dataMode = false;
                send("\r\n" + escapeAnswer + "\r\n");
                return;
            }
            fromHost.write(buf, off, len);
            return;
        }
        for (int i = off; i < off + len; i++) {
            if (buf[i] == '\r') {
                String cmd = line.toString(StandardCharsets.ISO_8859_1);
                line.reset();
                commands.add(cmd);
                String answer = answers.apply(cmd);
                if (answer.contains("CONNECT")) {
                    dataMode = true;
                }
                send(answer);
            } else if (buf[i] != '\n') {
                line.write(buf[i]);
            }
        }
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public String describe() {
        return "scripted module";
    }
}
