package io.ucell.simulator.sockets;

/** A bounded FIFO of bytes (ring buffer); not thread safe, the socket stack's lock guards it. */
final class ByteQueue {
    private final byte[] buf;
    private int head;
    private int size;

    ByteQueue(int capacity) {
        buf = new byte[capacity];
    }

    int size() {
        return size;
    }

    int capacity() {
        return buf.length;
    }

    int free() {
        return buf.length - size;
    }

    /** Appends all of b[off..off+len); the caller has checked {@link #free()}. */
    void write(byte[] b, int off, int len) {
        if (len > free()) {
            throw new IllegalStateException("queue overflow");
        }
        int tail = (head + size) % buf.length;
        int first = Math.min(len, buf.length - tail);
        System.arraycopy(b, off, buf, tail, first);
        System.arraycopy(b, off + first, buf, 0, len - first);
        size += len;
    }

    /** Removes and returns up to max bytes. */
    byte[] read(int max) {
        int n = Math.min(max, size);
        byte[] out = new byte[n];
        int first = Math.min(n, buf.length - head);
        System.arraycopy(buf, head, out, 0, first);
        System.arraycopy(buf, 0, out, first, n - first);
        head = (head + n) % buf.length;
        size -= n;
        return out;
    }

    void clear() {
        head = 0;
        size = 0;
    }
}
