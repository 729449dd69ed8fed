package org.eclipse.kura.crypto;

import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;

import javax.crypto.BadPaddingException;
import javax.crypto.IllegalBlockSizeException;
import javax.crypto.NoSuchPaddingException;

import org.eclipse.kura.KuraException;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Kura's cryptographic service: AES encryption and decryption (of configuration passwords among others), Base64,
 * hashes and keystore passwords. Kura provides it; bundles only consume it.
 * <p>
 * This is the 1.3.0 form of the interface; Kura's newer API (package 1.4.0) adds AES streams.
 *
 * @noimplement Not meant to be implemented by clients.
 */
@ProviderType
public interface CryptoService {

    /** AES-encrypts the given characters. */
    char[] encryptAes(char[] value) throws KuraException;

    /** AES-decrypts the given characters, e.g. the value of a {@link org.eclipse.kura.configuration.Password}. */
    char[] decryptAes(char[] encryptedValue) throws KuraException;

    /**
     * AES-encrypts a string.
     *
     * @deprecated use {@link #encryptAes(char[])}
     */
    @Deprecated
    String encryptAes(String value) throws NoSuchAlgorithmException, NoSuchPaddingException, InvalidKeyException,
            IllegalBlockSizeException, BadPaddingException;

    /**
     * AES-decrypts a string.
     *
     * @deprecated use {@link #decryptAes(char[])}
     */
    @Deprecated
    String decryptAes(String encryptedValue) throws NoSuchAlgorithmException, NoSuchPaddingException,
            InvalidKeyException, IOException, IllegalBlockSizeException, BadPaddingException;

    /** The SHA-1 hash of a string. */
    default String sha1Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-1");
    }

    /** The SHA-256 hash of a string. */
    default String sha256Hash(String s) throws NoSuchAlgorithmException, UnsupportedEncodingException {
        return hash(s, "SHA-256");
    }

    /** The hash of a string with the given algorithm name (as in {@link java.security.MessageDigest}). */
    String hash(String s, String algorithm) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** Base64-encodes a string. */
    String encodeBase64(String stringValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** Decodes a Base64 string. */
    String decodeBase64(String encodedValue) throws NoSuchAlgorithmException, UnsupportedEncodingException;

    /** The password of the keystore at the given path. */
    char[] getKeyStorePassword(String keyStorePath);

    /** Stores the password of the keystore at the given path. */
    void setKeyStorePassword(String keyStorePath, char[] password) throws KuraException;

    /**
     * Stores the password of the keystore at the given path.
     *
     * @deprecated use {@link #setKeyStorePassword(String, char[])}
     */
    @Deprecated
    void setKeyStorePassword(String keyStorePath, String password) throws IOException;

    /** Whether Kura runs in security mode. */
    boolean isFrameworkSecure();
}
