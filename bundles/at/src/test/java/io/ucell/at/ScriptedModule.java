package io.ucell.at;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import io.ucell.at.transport.Transport;

/**
 * An in-memory transport with a scripted module on the other side, for engine unit tests: each
 * command line the engine writes goes to {@code onCommand}, which answers through {@link #send}.
 * Bytes written while {@link #capturing} is on are kept in {@link #captured} instead.
 */
final class ScriptedModule implements Transport {

    private final BlockingQueue<byte[]> toEngine = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream lineBuf = new ByteArrayOutputStream();
    private volatile boolean open;
    private volatile BiConsumer<ScriptedModule, String> onCommand = (m, c) -> m.send("\r\nOK\r\n");
    final List<String> commands = new CopyOnWriteArrayList<>();
    final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    volatile int capturing;
    volatile long lastWriteNanos;
    byte[] pending;
    int pendingPos;

    void script(BiConsumer<ScriptedModule, String> handler) {
        this.onCommand = handler;
    }

    void send(String s) {
        send(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    void send(byte[] b) {
        toEngine.add(b.clone());
    }

    /** Makes the engine's next read fail as if the USB device vanished. */
    void drop() {
        open = false;
        toEngine.add(new byte[0]);
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
            if (!open) {
                throw new IOException("scripted link dropped");
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
        lastWriteNanos = System.nanoTime();
        for (int i = off; i < off + len; i++) {
            if (capturing > 0) {
                captured.write(buf[i]);
                capturing--;
                continue;
            }
            if (buf[i] == '\r') {
                String line = lineBuf.toString(StandardCharsets.ISO_8859_1);
                lineBuf.reset();
                commands.add(line);
                onCommand.accept(this, line);
            } else {
                lineBuf.write(buf[i]);
            }
        }
    }

    @Override
    public void close() {
        open = false;
    }

    @Override
    public String describe() {
        return "scripted";
    }
}
