package io.ucell.pki;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Certificates and private keys as the module receives them: PEM or DER, keys as PKCS#8 (plain or
 * password-encrypted), PKCS#1 RSA or SEC1 EC. JDK only: PKCS#1 and SEC1 keys are wrapped into PKCS#8 here.
 */
public final class KeyMaterial {
    private static final byte[] RSA_ALGORITHM = hex("300d06092a864886f70d0101010500");
    private static final byte[] EC_PUBLIC_KEY_OID = hex("06072a8648ce3d0201");

    /** Decoded upload: the DER bytes and the PEM label (null for DER input). */
    public record Decoded(byte[] der, String label) {
    }

    private KeyMaterial() {
    }

    /** PEM (first block) to DER, or the bytes as they are when they are not PEM. */
    public static Decoded decode(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int begin = text.indexOf("-----BEGIN ");
        if (begin < 0) {
            return new Decoded(data.clone(), null);
        }
        int labelEnd = text.indexOf("-----", begin + 11);
        if (labelEnd < 0) {
            throw new IllegalArgumentException("PEM header not terminated");
        }
        String label = text.substring(begin + 11, labelEnd).trim();
        int end = text.indexOf("-----END " + label, labelEnd);
        if (end < 0) {
            throw new IllegalArgumentException("PEM block " + label + " has no END line");
        }
        String body = text.substring(labelEnd + 5, end);
        if (body.contains("Proc-Type:")) {
            throw new IllegalArgumentException("legacy OpenSSL-encrypted PEM key: convert it to PKCS#8");
        }
        try {
            return new Decoded(Base64.getMimeDecoder().decode(body.replaceAll("\\s", "")), label);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("PEM block " + label + " is not valid base64");
        }
    }

    public static X509Certificate certificate(byte[] der) throws CertificateException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(der));
    }

    /**
     * A private key from its DER form.
     *
     * @param label    PEM label or null (then every form is tried)
     * @param password for an encrypted PKCS#8 key, else ignored (may be null)
     */
    public static PrivateKey privateKey(byte[] der, String label, char[] password) throws GeneralSecurityException {
        String l = label == null ? "" : label.toUpperCase(Locale.ROOT);
        if (l.equals("ENCRYPTED PRIVATE KEY")) {
            return decrypt(der, password);
        }
        if (l.equals("RSA PRIVATE KEY")) {
            return pkcs8(wrapPkcs1(der));
        }
        if (l.equals("EC PRIVATE KEY")) {
            return pkcs8(wrapSec1(der));
        }
        if (l.equals("PRIVATE KEY")) {
            return pkcs8(der);
        }
        GeneralSecurityException last = null;
        for (int form = 0; form < 4; form++) {
            try {
                switch (form) {
                    case 0:
                        return pkcs8(der);
                    case 1:
                        return pkcs8(wrapPkcs1(der));
                    case 2:
                        return pkcs8(wrapSec1(der));
                    default:
                        return decrypt(der, password);
                }
            } catch (GeneralSecurityException | RuntimeException e) {
                last = e instanceof GeneralSecurityException ? (GeneralSecurityException) e
                        : new GeneralSecurityException(e.getMessage(), e);
            }
        }
        throw new GeneralSecurityException("not a PKCS#8, PKCS#1 or SEC1 private key", last);
    }

    private static PrivateKey decrypt(byte[] der, char[] password) throws GeneralSecurityException {
        if (password == null || password.length == 0) {
            throw new GeneralSecurityException("encrypted private key and no password");
        }
        if (PBES2.equals(oidAt(der))) {
            // PBES2 (what OpenSSL and most tools write): read here, since not every JDK parses all its forms
            return pkcs8(decryptPbes2(der, password));
        }
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String alg = info.getAlgParameters() != null ? info.getAlgParameters().toString() : info.getAlgName();
            SecretKeyFactory f = SecretKeyFactory.getInstance(alg);
            PKCS8EncodedKeySpec spec = info.getKeySpec(f.generateSecret(new PBEKeySpec(password)));
            return pkcs8(spec.getEncoded());
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException("not an encrypted PKCS#8 key", e);
        }
    }

    private static final String PBES2 = "2a864886f70d01050d";
    private static final String PBKDF2 = "2a864886f70d01050c";

    /** Hex of the OID that starts the AlgorithmIdentifier of an EncryptedPrivateKeyInfo, or null. */
    private static String oidAt(byte[] der) {
        try {
            Der top = Der.read(der, 0);
            Der alg = Der.read(der, top.valueStart);
            Der oid = Der.read(der, alg.valueStart);
            return oid.tag == 0x06 ? java.util.HexFormat.of().formatHex(der, oid.valueStart, oid.end) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** PKCS#5 PBES2: PBKDF2 (HMAC-SHA1/224/256/384/512) and AES-CBC or 3DES-CBC; returns the PKCS#8 inside. */
    private static byte[] decryptPbes2(byte[] der, char[] password) throws GeneralSecurityException {
        java.util.HexFormat hex = java.util.HexFormat.of();
        try {
            Der top = Der.read(der, 0);
            Der alg = Der.read(der, top.valueStart);
            Der oid = Der.read(der, alg.valueStart);
            Der params = Der.read(der, oid.end);
            Der kdf = Der.read(der, params.valueStart);
            Der kdfOid = Der.read(der, kdf.valueStart);
            if (!PBKDF2.equals(hex.formatHex(der, kdfOid.valueStart, kdfOid.end))) {
                throw new GeneralSecurityException("PBES2 key derivation other than PBKDF2");
            }
            Der kdfParams = Der.read(der, kdfOid.end);
            Der salt = Der.read(der, kdfParams.valueStart);
            Der iterations = Der.read(der, salt.end);
            int iter = new java.math.BigInteger(Arrays.copyOfRange(der, iterations.valueStart, iterations.end)).intValue();
            String prf = "HmacSHA1";
            int p = iterations.end;
            while (p < kdfParams.end) {
                Der d = Der.read(der, p);
                if (d.tag == 0x30) {
                    Der prfOid = Der.read(der, d.valueStart);
                    switch (hex.formatHex(der, prfOid.valueStart, prfOid.end)) {
                        case "2a864886f70d0207":
                            prf = "HmacSHA1";
                            break;
                        case "2a864886f70d0208":
                            prf = "HmacSHA224";
                            break;
                        case "2a864886f70d0209":
                            prf = "HmacSHA256";
                            break;
                        case "2a864886f70d020a":
                            prf = "HmacSHA384";
                            break;
                        case "2a864886f70d020b":
                            prf = "HmacSHA512";
                            break;
                        default:
                            throw new GeneralSecurityException("unknown PBKDF2 PRF");
                    }
                }
                p = d.end;
            }
            Der scheme = Der.read(der, kdf.end);
            Der schemeOid = Der.read(der, scheme.valueStart);
            Der iv = Der.read(der, schemeOid.end);
            String cipher;
            int keyBytes;
            switch (hex.formatHex(der, schemeOid.valueStart, schemeOid.end)) {
                case "608648016503040102":
                    cipher = "AES";
                    keyBytes = 16;
                    break;
                case "608648016503040116":
                    cipher = "AES";
                    keyBytes = 24;
                    break;
                case "60864801650304012a":
                    cipher = "AES";
                    keyBytes = 32;
                    break;
                case "2a864886f70d0307":
                    cipher = "DESede";
                    keyBytes = 24;
                    break;
                default:
                    throw new GeneralSecurityException("unknown PBES2 cipher");
            }
            Der data = Der.read(der, alg.end);
            byte[] key = SecretKeyFactory.getInstance("PBKDF2With" + prf)
                    .generateSecret(new PBEKeySpec(password, Arrays.copyOfRange(der, salt.valueStart, salt.end), iter,
                            keyBytes * 8)).getEncoded();
            javax.crypto.Cipher c = javax.crypto.Cipher.getInstance(cipher + "/CBC/PKCS5Padding");
            c.init(javax.crypto.Cipher.DECRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, cipher),
                    new javax.crypto.spec.IvParameterSpec(Arrays.copyOfRange(der, iv.valueStart, iv.end)));
            return c.doFinal(der, data.valueStart, data.end - data.valueStart);
        } catch (javax.crypto.BadPaddingException e) {
            throw new GeneralSecurityException("wrong password for the encrypted private key");
        } catch (RuntimeException e) {
            throw new GeneralSecurityException("malformed encrypted private key", e);
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        GeneralSecurityException last = null;
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(spec);
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw last;
    }

    /** PKCS#1 RSAPrivateKey into PKCS#8 PrivateKeyInfo. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        return tlv(0x30, concat(hex("020100"), RSA_ALGORITHM, tlv(0x04, pkcs1)));
    }

    /** SEC1 ECPrivateKey (with its curve parameters) into PKCS#8 PrivateKeyInfo. */
    static byte[] wrapSec1(byte[] sec1) {
        Der seq = Der.read(sec1, 0);
        if (seq.tag != 0x30) {
            throw new IllegalArgumentException("SEC1 key is not a sequence");
        }
        byte[] curve = null;
        int p = seq.valueStart;
        while (p < seq.end) {
            Der d = Der.read(sec1, p);
            if (d.tag == 0xA0) {
                curve = Arrays.copyOfRange(sec1, d.valueStart, d.end);
            }
            p = d.end;
        }
        if (curve == null) {
            throw new IllegalArgumentException("SEC1 key without curve parameters");
        }
        return tlv(0x30, concat(hex("020100"), tlv(0x30, concat(EC_PUBLIC_KEY_OID, curve)), tlv(0x04, sec1)));
    }

    /** One DER element: tag, where its value starts and where it ends. */
    static final class Der {
        final int tag;
        final int valueStart;
        final int end;

        private Der(int tag, int valueStart, int end) {
            this.tag = tag;
            this.valueStart = valueStart;
            this.end = end;
        }

        static Der read(byte[] b, int at) {
            int tag = b[at] & 0xFF;
            int len = b[at + 1] & 0xFF;
            int p = at + 2;
            if (len > 0x80) {
                int n = len & 0x7F;
                len = 0;
                for (int i = 0; i < n; i++) {
                    len = (len << 8) | (b[p++] & 0xFF);
                }
            }
            if (p + len > b.length) {
                throw new IllegalArgumentException("truncated DER");
            }
            return new Der(tag, p, p + len);
        }
    }

    static byte[] tlv(int tag, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int len = value.length;
        if (len < 0x80) {
            out.write(len);
        } else if (len < 0x100) {
            out.write(0x81);
            out.write(len);
        } else if (len < 0x10000) {
            out.write(0x82);
            out.write(len >> 8);
            out.write(len);
        } else {
            out.write(0x83);
            out.write(len >> 16);
            out.write(len >> 8);
            out.write(len);
        }
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
