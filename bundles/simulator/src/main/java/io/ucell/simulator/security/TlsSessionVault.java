package io.ucell.simulator.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;

/**
 * What makes (D)TLS session resumption (section 3.4) work across reboots in the simulator. The JDK's TLS
 * cannot be handed a session id and master secret, so the module object (which outlives reboots) keeps the
 * SSLContext whose session cache holds each session, under the session data it reported in +UUSECPRF. The
 * data is base64(session id) and a base64 token standing in for the master secret (HMAC of the id; the
 * JDK does not expose the real one). Data set with +USECPRF=p,13,2 that the vault knows brings back that
 * context, so the next handshake offers the session; unknown data makes a full handshake. The "local
 * encryption" form (types 10/11) is the same data under AES-GCM with a key of this module.
 */
public final class TlsSessionVault {
    private final Map<String, SSLContext> contexts = new ConcurrentHashMap<>();
    private final byte[] key = new byte[32];
    private final SecureRandom random = new SecureRandom();

    public TlsSessionVault() {
        random.nextBytes(key);
    }

    /** The session data for a completed handshake: {@code base64(id),base64(token)}; remembered with its context. */
    public String remember(SSLContext context, SSLSession session) {
        byte[] id = session.getId();
        String data = b64(id) + "," + b64(hmac(id));
        contexts.put(data, context);
        return data;
    }

    public SSLContext lookup(String data) {
        return data == null ? null : contexts.get(data);
    }

    /**
     * Base64 of the encrypted data (local encryption, op 13 sub 12). Deterministic (the IV is derived from the
     * data), so the same session always shows the same data, as the spec's "data not equal = not resumed" needs.
     */
    public String encrypt(String data) {
        try {
            byte[] iv = java.util.Arrays.copyOf(hmac(data.getBytes(StandardCharsets.US_ASCII)), 12);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(data.getBytes(StandardCharsets.US_ASCII));
            byte[] out = new byte[iv.length + ct.length];
            System.arraycopy(iv, 0, out, 0, iv.length);
            System.arraycopy(ct, 0, out, iv.length, ct.length);
            return b64(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The clear data, or null when it was not encrypted by this module. */
    public String decrypt(String encrypted) {
        try {
            byte[] in = Base64.getDecoder().decode(encrypted);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, in, 0, 12));
            return new String(c.doFinal(in, 12, in.length - 12), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    private byte[] hmac(byte[] id) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return m.doFinal(id);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }
}
