package io.ucell.sockets.client;

import java.util.ArrayDeque;

/** Received bytes waiting for the application, in arrival order; not thread safe. */
final class ByteBuffer {
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int headOffset;
    private int size;

    int size() {
        return size;
    }

    void add(byte[] data) {
        if (data.length > 0) {
            chunks.add(data);
            size += data.length;
        }
    }

    int take(byte[] b, int off, int len) {
        int n = 0;
        while (n < len && !chunks.isEmpty()) {
            byte[] head = chunks.peek();
            int k = Math.min(len - n, head.length - headOffset);
            System.arraycopy(head, headOffset, b, off + n, k);
            n += k;
            headOffset += k;
            if (headOffset == head.length) {
                chunks.poll();
                headOffset = 0;
            }
        }
        size -= n;
        return n;
    }

    void clear() {
        chunks.clear();
        headOffset = 0;
        size = 0;
    }
}
