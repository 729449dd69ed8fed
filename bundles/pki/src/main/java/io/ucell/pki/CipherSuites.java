package io.ucell.pki;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Cipher suites of +USECPRF op 2 (section 3.2.1): the u-blox legacy numbering (1..33, the AT manual's
 * table), IANA numbers and IANA names. TLS 1.3 suites exist by IANA number only.
 */
public final class CipherSuites {
    public record Suite(int legacy, int iana, String name) {
    }

    private static final Map<Integer, Suite> BY_IANA = new LinkedHashMap<>();
    private static final Map<Integer, Suite> BY_LEGACY = new LinkedHashMap<>();

    static {
        add(1, 0x002f, "TLS_RSA_WITH_AES_128_CBC_SHA");
        add(2, 0x003c, "TLS_RSA_WITH_AES_128_CBC_SHA256");
        add(3, 0x0035, "TLS_RSA_WITH_AES_256_CBC_SHA");
        add(4, 0x003d, "TLS_RSA_WITH_AES_256_CBC_SHA256");
        add(5, 0x000a, "TLS_RSA_WITH_3DES_EDE_CBC_SHA");
        add(6, 0x008c, "TLS_PSK_WITH_AES_128_CBC_SHA");
        add(7, 0x008d, "TLS_PSK_WITH_AES_256_CBC_SHA");
        add(8, 0x008b, "TLS_PSK_WITH_3DES_EDE_CBC_SHA");
        add(9, 0x0094, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA");
        add(10, 0x0095, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA");
        add(11, 0x0093, "TLS_RSA_PSK_WITH_3DES_EDE_CBC_SHA");
        add(12, 0x00ae, "TLS_PSK_WITH_AES_128_CBC_SHA256");
        add(13, 0x00af, "TLS_PSK_WITH_AES_256_CBC_SHA384");
        add(14, 0x00b6, "TLS_RSA_PSK_WITH_AES_128_CBC_SHA256");
        add(15, 0x00b7, "TLS_RSA_PSK_WITH_AES_256_CBC_SHA384");
        add(16, 0x00a8, "TLS_PSK_WITH_AES_128_GCM_SHA256");
        add(17, 0x00a9, "TLS_PSK_WITH_AES_256_GCM_SHA384");
        add(18, 0x00ac, "TLS_RSA_PSK_WITH_AES_128_GCM_SHA256");
        add(19, 0x00ad, "TLS_RSA_PSK_WITH_AES_256_GCM_SHA384");
        add(20, 0xc008, "TLS_ECDHE_ECDSA_WITH_3DES_EDE_CBC_SHA");
        add(21, 0xc009, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA");
        add(22, 0xc00a, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA");
        add(23, 0xc012, "TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA");
        add(24, 0xc013, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA");
        add(25, 0xc014, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA");
        add(26, 0xc023, "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256");
        add(27, 0xc024, "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384");
        add(28, 0xc027, "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256");
        add(29, 0xc028, "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384");
        add(30, 0xc02b, "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256");
        add(31, 0xc02c, "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384");
        add(32, 0xc02f, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
        add(33, 0xc030, "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");
        add(0, 0xcca8, "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
        add(0, 0xcca9, "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");
        add(0, 0x009c, "TLS_RSA_WITH_AES_128_GCM_SHA256");
        add(0, 0x009d, "TLS_RSA_WITH_AES_256_GCM_SHA384");
        add(0, 0x1301, "TLS_AES_128_GCM_SHA256");
        add(0, 0x1302, "TLS_AES_256_GCM_SHA384");
        add(0, 0x1303, "TLS_CHACHA20_POLY1305_SHA256");
        add(0, 0x1304, "TLS_AES_128_CCM_SHA256");
        add(0, 0x1305, "TLS_AES_128_CCM_8_SHA256");
    }

    private CipherSuites() {
    }

    private static void add(int legacy, int iana, String name) {
        Suite s = new Suite(legacy, iana, name);
        BY_IANA.put(iana, s);
        if (legacy > 0) {
            BY_LEGACY.put(legacy, s);
        }
    }

    public static Suite byLegacy(int legacy) {
        return BY_LEGACY.get(legacy);
    }

    public static Suite byIana(int iana) {
        return BY_IANA.get(iana);
    }

    public static boolean tls13(int iana) {
        return (iana & 0xff00) == 0x1300;
    }

    /** "C0" "2F" to 0xC02F; -1 when they are not two hex bytes. */
    public static int iana(String hi, String lo) {
        if (hi == null || lo == null || hi.length() != 2 || lo.length() != 2) {
            return -1;
        }
        try {
            return Integer.parseInt(hi + lo, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** By IANA name (the JDK's names), any case, or null. */
    public static Suite byName(String name) {
        for (Suite s : BY_IANA.values()) {
            if (s.name().equalsIgnoreCase(name.trim())) {
                return s;
            }
        }
        return null;
    }

    public static String hex(int iana) {
        return String.format("%04X", iana);
    }
}
