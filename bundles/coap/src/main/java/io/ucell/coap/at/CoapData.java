package io.ucell.coap.at;

import io.ucell.at.framing.AtLine;
import java.util.List;

/**
 * One +UCOAPCD URC. The app note shows it only by example ("+UCOAPCD: 2,0,"776F726C64",0", section 8.3), so
 * every reading of it is accepted:
 * <ul>
 * <li>4 fields, class,x,"hex",more: x up to 31 is the code detail (2,5 = 2.05); a larger x can only be a
 * Content-Format (40 link-format, 42 octet-stream, 50 json...), the detail then being unknown (0);</li>
 * <li>3 fields, code,"hex",more, and 2 fields, code,"hex": the code as "2.05", as 205, or as the raw
 * CoAP code byte (69 = 2.05, 132 = 4.04), or as a class alone (2);</li>
 * </ul>
 * the payload in upper or lower case hex, quoted or not.
 */
public record CoapData(int codeClass, int codeDetail, int contentFormat, byte[] payload, boolean more) {

    public static CoapData parse(AtLine line) {
        List<String> p = line.params();
        if (p.size() < 2) {
            throw new IllegalArgumentException("+UCOAPCD with " + p.size() + " fields: " + line.text());
        }
        int cls;
        int detail = 0;
        int cf = -1;
        int hexIndex;
        if (p.size() >= 4) {
            cls = Integer.parseInt(p.get(0).trim());
            int x = Integer.parseInt(p.get(1).trim());
            if (x <= 31) {
                detail = x;
            } else {
                cf = x;
            }
            hexIndex = 2;
        } else {
            int[] code = code(p.get(0).trim());
            cls = code[0];
            detail = code[1];
            hexIndex = 1;
        }
        byte[] payload = hex(p.get(hexIndex).trim());
        boolean more = p.size() > hexIndex + 1 && p.get(hexIndex + 1).trim().equals("1");
        return new CoapData(cls, detail, cf, payload, more);
    }

    /** "2.05", "205", "69", "2" to {class, detail}. */
    static int[] code(String s) {
        int dot = s.indexOf('.');
        if (dot > 0) {
            return new int[] {Integer.parseInt(s.substring(0, dot)), Integer.parseInt(s.substring(dot + 1))};
        }
        int v = Integer.parseInt(s);
        if (v >= 0 && v <= 7) {
            return new int[] {v, 0};
        }
        int c = v / 100;
        if (v >= 100 && v <= 599 && (c == 2 || c == 4 || c == 5) && v % 100 <= 31) {
            return new int[] {c, v % 100};
        }
        // the code byte of RFC 7252: 3 bits class, 5 bits detail (raw 4.xx and 5.xx are 128-191: never read as decimal)
        return new int[] {(v >> 5) & 7, v & 31};
    }

    static byte[] hex(String s) {
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex payload length " + s.length());
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex: " + s);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
