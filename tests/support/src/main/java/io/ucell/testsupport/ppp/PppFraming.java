package io.ucell.testsupport.ppp;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** RFC 1662 HDLC-like framing for the test client: flags, 0x7D escapes, ACCM, FCS-16 (written independently of the simulator's). */
final class PppFraming {
    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;

    private PppFraming() {
    }

    static int fcs16(byte[] data, int off, int len) {
        int fcs = 0xFFFF;
        for (int i = off; i < off + len; i++) {
            fcs ^= data[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                fcs = (fcs & 1) != 0 ? (fcs >>> 1) ^ 0x8408 : fcs >>> 1;
            }
        }
        return fcs;
    }

    static byte[] frame(byte[] content, int accm) {
        int fcs = fcs16(content, 0, content.length) ^ 0xFFFF;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(FLAG);
        for (byte b : content) {
            put(out, b & 0xFF, accm);
        }
        put(out, fcs & 0xFF, accm);
        put(out, fcs >>> 8, accm);
        out.write(FLAG);
        return out.toByteArray();
    }

    private static void put(ByteArrayOutputStream out, int b, int accm) {
        if (b == FLAG || b == ESCAPE || (b < 0x20 && ((accm >>> b) & 1) != 0)) {
            out.write(ESCAPE);
            out.write(b ^ 0x20);
        } else {
            out.write(b);
        }
    }

    /** Unframes received bytes; frames with a bad FCS are dropped; text outside frames goes to {@link #text()}. */
    static final class Receiver {
        private final ByteArrayOutputStream frame = new ByteArrayOutputStream();
        private final StringBuilder text = new StringBuilder();
        private boolean inFrame;
        private boolean escaped;
        int badFrames;

        /** Returns a whole frame (without FCS) when {@code b} ended one. */
        byte[] feed(int b) {
            if (b == FLAG) {
                byte[] done = null;
                if (frame.size() >= 4) {
                    byte[] raw = frame.toByteArray();
                    int fcs = fcs16(raw, 0, raw.length - 2) ^ 0xFFFF;
                    if ((raw[raw.length - 2] & 0xFF) == (fcs & 0xFF) && (raw[raw.length - 1] & 0xFF) == fcs >>> 8) {
                        done = Arrays.copyOf(raw, raw.length - 2);
                    } else {
                        badFrames++;
                    }
                }
                frame.reset();
                escaped = false;
                inFrame = true;
                return done;
            }
            if (!inFrame || (frame.size() == 0 && !escaped && (b == '\r' || b == '\n' || (b >= 'A' && b <= 'Z')
                    || b == ' ' || b == '+'))) {
                // between frames: the module's text (CONNECT, NO CARRIER, OK)
                text.append((char) b);
                inFrame = false;
                return null;
            }
            if (b == ESCAPE) {
                escaped = true;
                return null;
            }
            frame.write(escaped ? b ^ 0x20 : b);
            escaped = false;
            return null;
        }

        StringBuilder text() {
            return text;
        }
    }
}
