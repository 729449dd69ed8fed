package io.ucell.simulator.ppp;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An LCP, IPCP, PAP or CHAP packet: code, identifier, data (RFC 1661 section 5). Configure packets carry options
 * of type, length, value.
 */
record ControlPacket(int code, int id, byte[] data) {

    /** One configuration option (type and value, the length byte is implied). */
    record Option(int type, byte[] value) {
        static Option ofInt(int type, int v, int bytes) {
            byte[] b = new byte[bytes];
            for (int i = bytes - 1; i >= 0; i--) {
                b[i] = (byte) v;
                v >>>= 8;
            }
            return new Option(type, b);
        }

        int intValue() {
            int v = 0;
            for (byte b : value) {
                v = (v << 8) | (b & 0xFF);
            }
            return v;
        }

        boolean sameAs(Option o) {
            return type == o.type && Arrays.equals(value, o.value);
        }
    }

    /** Parses a packet; null when the length field does not fit (silently discarded, RFC 1661 5). */
    static ControlPacket parse(byte[] p) {
        if (p.length < 4) {
            return null;
        }
        int len = ((p[2] & 0xFF) << 8) | (p[3] & 0xFF);
        if (len < 4 || len > p.length) {
            return null;
        }
        return new ControlPacket(p[0] & 0xFF, p[1] & 0xFF, Arrays.copyOfRange(p, 4, len));
    }

    byte[] bytes() {
        byte[] out = new byte[4 + data.length];
        out[0] = (byte) code;
        out[1] = (byte) id;
        out[2] = (byte) (out.length >>> 8);
        out[3] = (byte) out.length;
        System.arraycopy(data, 0, out, 4, data.length);
        return out;
    }

    /** The options of a Configure packet; null when they are malformed. */
    List<Option> options() {
        List<Option> out = new ArrayList<>();
        int i = 0;
        while (i < data.length) {
            if (i + 2 > data.length) {
                return null;
            }
            int len = data[i + 1] & 0xFF;
            if (len < 2 || i + len > data.length) {
                return null;
            }
            out.add(new Option(data[i] & 0xFF, Arrays.copyOfRange(data, i + 2, i + len)));
            i += len;
        }
        return out;
    }

    static byte[] encodeOptions(List<Option> options) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Option o : options) {
            out.write(o.type());
            out.write(o.value().length + 2);
            out.writeBytes(o.value());
        }
        return out.toByteArray();
    }

    static ControlPacket configure(int code, int id, List<Option> options) {
        return new ControlPacket(code, id, encodeOptions(options));
    }
}
