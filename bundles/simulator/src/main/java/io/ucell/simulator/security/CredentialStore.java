package io.ucell.simulator.security;

import io.ucell.pki.KeyMaterial;
import io.ucell.simulator.nvm.Nvm;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import java.util.TreeSet;
import javax.security.auth.x500.X500Principal;

/**
 * The module's certificate and key store of +USECMNG (section 3.1): items by type and internal name, kept in
 * NVM (they survive reboots, as on the module's file system). Each item is the DER of what was imported
 * (a PEM upload is decoded first); its MD5 is over that DER, which is what a host compares to skip an upload.
 * Keys are kept as imported (PKCS#8, PKCS#1 or SEC1) and parsed when a TLS connection uses them.
 */
public final class CredentialStore {
    /** +USECMNG types and the tags +USECMNG=3 lists them with. */
    public enum Type {
        CA_CERT(0, "CA"), CLIENT_CERT(1, "CC"), PRIVATE_KEY(2, "PK"), SERVER_CERT(3, "SC");

        public final int code;
        public final String tag;

        Type(int code, String tag) {
            this.code = code;
            this.tag = tag;
        }

        public static Type of(int code) {
            for (Type t : values()) {
                if (t.code == code) {
                    return t;
                }
            }
            return null;
        }

        public boolean certificate() {
            return this != PRIVATE_KEY;
        }
    }

    public static final int MAX_NAME = 200;
    public static final int MAX_ITEMS_PER_TYPE = 16;

    private final Nvm nvm;

    public CredentialStore(Nvm nvm) {
        this.nvm = nvm;
    }

    /** A store in memory only (for a {@link SecurityProfiles} built without a module). */
    public CredentialStore() {
        this(new Nvm(null));
    }

    private static String key(Type t, String name) {
        return "usecmng." + t.code + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Imports an item (replacing one of the same type and name) and returns the MD5 of its DER, in lower-case hex.
     *
     * @param password for an encrypted private key (the key is decrypted once to check it), else null
     * @throws IllegalArgumentException when the data is not a certificate or key of that type
     */
    public String importItem(Type type, String name, byte[] data, String password) {
        if (name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("name length");
        }
        KeyMaterial.Decoded d = KeyMaterial.decode(data);
        if (type.certificate()) {
            try {
                KeyMaterial.certificate(d.der());
            } catch (CertificateException e) {
                throw new IllegalArgumentException("not an X.509 certificate");
            }
        } else {
            try {
                KeyMaterial.privateKey(d.der(), d.label(), password == null ? null : password.toCharArray());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("not a private key: " + e.getMessage());
            }
        }
        if (get(type, name) == null && names(type).size() >= MAX_ITEMS_PER_TYPE) {
            throw new IllegalArgumentException("store full");
        }
        String label = d.label() == null ? "" : d.label();
        nvm.put(key(type, name), label + ":" + Base64.getEncoder().encodeToString(d.der()));
        if (password != null) {
            nvm.put(key(type, name) + ".pw", password);
        }
        return md5(d.der());
    }

    public boolean remove(Type type, String name) {
        if (get(type, name) == null) {
            return false;
        }
        nvm.remove(key(type, name));
        nvm.remove(key(type, name) + ".pw");
        return true;
    }

    /** The item's DER and PEM label, or null. */
    public KeyMaterial.Decoded get(Type type, String name) {
        String v = nvm.get(key(type, name));
        if (v == null) {
            return null;
        }
        int colon = v.indexOf(':');
        String label = v.substring(0, colon);
        return new KeyMaterial.Decoded(Base64.getDecoder().decode(v.substring(colon + 1)),
                label.isEmpty() ? null : label);
    }

    public String md5(Type type, String name) {
        KeyMaterial.Decoded d = get(type, name);
        return d == null ? null : md5(d.der());
    }

    public X509Certificate certificate(Type type, String name) {
        KeyMaterial.Decoded d = get(type, name);
        if (d == null) {
            return null;
        }
        try {
            return KeyMaterial.certificate(d.der());
        } catch (CertificateException e) {
            return null;
        }
    }

    /** Every certificate of a type (the trust anchors when a profile names no CA). */
    public List<X509Certificate> certificates(Type type) {
        List<X509Certificate> out = new ArrayList<>();
        for (String n : names(type)) {
            X509Certificate c = certificate(type, n);
            if (c != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** The private key; the password given at import is used when {@code password} is null or empty. */
    public PrivateKey privateKey(String name, String password) throws GeneralSecurityException {
        KeyMaterial.Decoded d = get(Type.PRIVATE_KEY, name);
        if (d == null) {
            throw new GeneralSecurityException("no private key \"" + name + "\"");
        }
        String pw = password == null || password.isEmpty() ? nvm.get(key(Type.PRIVATE_KEY, name) + ".pw") : password;
        return KeyMaterial.privateKey(d.der(), d.label(), pw == null ? null : pw.toCharArray());
    }

    public List<String> names(Type type) {
        String prefix = "usecmng." + type.code + ".";
        TreeSet<String> names = new TreeSet<>();
        for (String k : nvm.snapshot().stringPropertyNames()) {
            if (k.startsWith(prefix) && !k.endsWith(".pw")) {
                names.add(new String(Base64.getUrlDecoder().decode(k.substring(prefix.length())),
                        java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return new ArrayList<>(names);
    }

    /** +USECMNG=3 lines: {@code CA,"name","subject CN","yyyy/MM/dd HH:mm:ss"} (expiry), {@code PK,"name"}. */
    public List<String> listLines(Type only) {
        List<String> lines = new ArrayList<>();
        for (Type t : Type.values()) {
            if (only != null && t != only) {
                continue;
            }
            for (String n : names(t)) {
                if (!t.certificate()) {
                    lines.add(t.tag + ",\"" + n + "\"");
                    continue;
                }
                X509Certificate c = certificate(t, n);
                if (c == null) {
                    continue;
                }
                SimpleDateFormat f = new SimpleDateFormat("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
                f.setTimeZone(TimeZone.getTimeZone("UTC"));
                lines.add(t.tag + ",\"" + n + "\",\"" + commonName(c.getSubjectX500Principal()).replace('"', '\'')
                        + "\",\"" + f.format(c.getNotAfter()) + "\"");
            }
        }
        return lines;
    }

    static String commonName(X500Principal p) {
        String dn = p.getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3);
            }
        }
        return dn;
    }

    public static String md5(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
