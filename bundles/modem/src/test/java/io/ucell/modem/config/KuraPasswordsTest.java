package io.ucell.modem.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.kura.KuraErrorCode;
import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.Password;
import org.eclipse.kura.crypto.CryptoService;
import org.junit.jupiter.api.Test;

class KuraPasswordsTest {

    /** AES + Base64 like Kura's CryptoService; only the two char[] methods are used. */
    static final class AesCrypto implements CryptoService {
        private final SecretKeySpec key = new SecretKeySpec("0123456789abcdef".getBytes(StandardCharsets.US_ASCII), "AES");

        @Override
        public char[] encryptAes(char[] value) throws KuraException {
            try {
                Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
                c.init(Cipher.ENCRYPT_MODE, key);
                return Base64.getEncoder().encodeToString(c.doFinal(new String(value).getBytes(StandardCharsets.UTF_8)))
                        .toCharArray();
            } catch (Exception e) {
                throw new KuraException(KuraErrorCode.ENCODE_ERROR, e);
            }
        }

        @Override
        public char[] decryptAes(char[] encrypted) throws KuraException {
            try {
                Cipher c = Cipher.getInstance("AES/ECB/PKCS5Padding");
                c.init(Cipher.DECRYPT_MODE, key);
                return new String(c.doFinal(Base64.getDecoder().decode(new String(encrypted))), StandardCharsets.UTF_8)
                        .toCharArray();
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
            throw new UnsupportedOperationException();
        }

        @Override
        public String decodeBase64(String encodedValue) {
            throw new UnsupportedOperationException();
        }

        @Override
        public char[] getKeyStorePassword(String keyStorePath) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setKeyStorePassword(String keyStorePath, char[] password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setKeyStorePassword(String keyStorePath, String password) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isFrameworkSecure() {
            return false;
        }
    }

    @Test
    void anEncryptedPasswordIsDecrypted() throws Exception {
        AesCrypto crypto = new AesCrypto();
        char[] stored = crypto.encryptAes("s3cret!".toCharArray());
        assertEquals("s3cret!", KuraPasswords.reveal(new Password(stored), crypto));
        assertEquals("s3cret!", KuraPasswords.reveal(new String(stored), crypto));
    }

    @Test
    void clearTextStaysAsItIs() {
        assertEquals("plain", KuraPasswords.reveal("plain", new AesCrypto()), "not Base64/AES: taken as clear text");
        assertEquals("plain", KuraPasswords.reveal(new Password("plain"), null), "no CryptoService");
        assertEquals("", KuraPasswords.reveal(null, new AesCrypto()));
        assertEquals("", KuraPasswords.reveal(new Password((String) null), null));
    }
}
