package io.ucell.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.crypto.CryptoService;

/** A CryptoService like Kura's for the tests: AES-GCM under a random key, base64 text. */
final class AesCrypto implements CryptoService {
    private final byte[] key = new byte[16];
    private final SecureRandom random = new SecureRandom();

    AesCrypto() {
        random.nextBytes(key);
    }

    @Override
    public char[] encryptAes(char[] value) throws KuraException {
        try {
            byte[] iv = new byte[12];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
            byte[] ct = c.doFinal(new String(value).getBytes(StandardCharsets.UTF_8));
            byte[] all = new byte[12 + ct.length];
            System.arraycopy(iv, 0, all, 0, 12);
            System.arraycopy(ct, 0, all, 12, ct.length);
            return Base64.getEncoder().encodeToString(all).toCharArray();
        } catch (Exception e) {
            throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
        }
    }

    @Override
    public char[] decryptAes(char[] encryptedValue) throws KuraException {
        try {
            byte[] all = Base64.getDecoder().decode(new String(encryptedValue));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, all, 0, 12));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8).toCharArray();
        } catch (Exception e) {
            throw new KuraException(KuraErrorCode.DECODER_ERROR, e);
        }
    }

    @Override
    public String encryptAes(String value) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String decryptAes(String encryptedValue) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String hash(String s, String algorithm) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String encodeBase64(String stringValue) {
        return Base64.getEncoder().encodeToString(stringValue.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String decodeBase64(String encodedValue) {
        return new String(Base64.getDecoder().decode(encodedValue), StandardCharsets.UTF_8);
    }

    @Override
    public char[] getKeyStorePassword(String keyStorePath) {
        return new char[0];
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, char[] password) {
    }

    @Override
    public void setKeyStorePassword(String keyStorePath, String password) {
    }

    @Override
    public boolean isFrameworkSecure() {
        return false;
    }
}
