package io.ucell.simulator.ppp;

import java.io.ByteArrayOutputStream;

/**
 * RFC 1662 HDLC-like framing: 0x7E flags, 0x7D escapes (the next byte XOR 0x20), the async control character map
 * (ACCM) for 0x00-0x1F, and the 16-bit frame check sequence. Frames are handled without flags, escapes and FCS:
 * address, control, protocol and information as they are on the link.
 */
final class Hdlc {
    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;
    /** ACCM before LCP has agreed another one: every control character is escaped (RFC 1662 7.1). */
    static final int DEFAULT_ACCM = 0xFFFFFFFF;

    private static final int[] FCS_TABLE = new int[256];
    private static final int GOOD_FCS = 0xF0B8;

    static {
        for (int b = 0; b < 256; b++) {
            int v = b;
            for (int i = 0; i < 8; i++) {
                v = (v & 1) != 0 ? (v >>> 1) ^ 0x8408 : v >>> 1;
            }
            FCS_TABLE[b] = v;
        }
    }

    private Hdlc() {
    }

    static int fcs(int fcs, byte[] data, int off, int len) {
        for (int i = off; i < off + len; i++) {
            fcs = (fcs >>> 8) ^ FCS_TABLE[(fcs ^ data[i]) & 0xFF];
        }
        return fcs;
    }

    /** Frames {@code frame} (address/control included when sent): escapes, FCS, flags on both ends. */
    static byte[] encode(byte[] frame, int accm) {
        int fcs = fcs(0xFFFF, frame, 0, frame.length) ^ 0xFFFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream(frame.length * 2 + 8);
        out.write(FLAG);
        for (byte b : frame) {
            put(out, b & 0xFF, accm);
        }
        put(out, fcs & 0xFF, accm);
        put(out, (fcs >>> 8) & 0xFF, accm);
        out.write(FLAG);
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, int b, int accm) {
        if (b == FLAG || b == ESCAPE || (b < 0x20 && (accm & (1 << b)) != 0)) {
            out.write(ESCAPE);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }

    /** Collects bytes between flags; a frame with a bad FCS or too short is dropped (RFC 1662 4.3). */
    static final class Decoder {
        private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
        private boolean escaped;
        private boolean inFrame;
        private final int maxFrame;

        Decoder(int maxFrame) {
            this.maxFrame = maxFrame;
        }

        /** True once a flag was seen: bytes before the first flag are not PPP (an AT line, noise). */
        boolean inFrame() {
            return inFrame;
        }

        /** One received byte; returns a complete frame (without FCS) when this byte closed one, else null. */
        byte[] feed(int b) {
            if (b == FLAG) {
                byte[] frame = null;
                if (buf.size() >= 4 && !escaped) {
                    byte[] raw = buf.toByteArray();
                    if (fcs(0xFFFF, raw, 0, raw.length) == GOOD_FCS) {
                        frame = java.util.Arrays.copyOf(raw, raw.length - 2);
                    }
                }
                buf.reset();
                escaped = false;
                inFrame = true;
                return frame;
            }
            if (!inFrame) {
                return null;
            }
            if (b == ESCAPE) {
                escaped = true;
                return null;
            }
            // unescaped control characters are data: this link inserts no XON/XOFF that would need discarding
            if (escaped) {
                b ^= 0x20;
                escaped = false;
            }
            if (buf.size() < maxFrame + 8) {
                buf.write(b);
            }
            return null;
        }
    }
}
