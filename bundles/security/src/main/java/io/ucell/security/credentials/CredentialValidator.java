package io.ucell.security.credentials;

import io.ucell.pki.KeyMaterial;
import io.ucell.security.CredentialException;
import io.ucell.security.CredentialType;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;

/**
 * Checks a certificate or key before it goes to the module, with the JDK: it parses, RSA keys have 2048 bits
 * or more and EC keys 192 or more (app note 3.1, for certificates' keys too), a certificate is inside its
 * validity period, a CA certificate is flagged as CA (3.5), and a key matches its certificate. Every refusal
 * says what is wrong.
 */
public final class CredentialValidator {
    public static final int MIN_RSA_BITS = 2048;
    public static final int MIN_EC_BITS = 192;

    /**
     * A checked item.
     *
     * @param der         what is uploaded and hashed (the PEM body decoded, or the DER as given)
     * @param label       PEM label, or null for DER
     * @param certificate the certificate (null for a key)
     * @param key         the key (null for a certificate)
     * @param md5         MD5 of {@code der}, lower-case hex (what +USECMNG answers)
     */
    public record Checked(CredentialType type, byte[] der, String label, X509Certificate certificate, PrivateKey key,
            String md5) {
    }

    private CredentialValidator() {
    }

    public static Checked check(CredentialType type, byte[] pemOrDer, String password, Instant now)
            throws CredentialException {
        if (pemOrDer == null || pemOrDer.length == 0) {
            throw new CredentialException(what(type) + " is empty");
        }
        KeyMaterial.Decoded d;
        try {
            d = KeyMaterial.decode(pemOrDer);
        } catch (IllegalArgumentException e) {
            throw new CredentialException(what(type) + ": " + e.getMessage());
        }
        if (type.certificate()) {
            X509Certificate c;
            try {
                c = KeyMaterial.certificate(d.der());
            } catch (GeneralSecurityException | RuntimeException e) {
                throw new CredentialException(what(type) + " does not parse as an X.509 certificate");
            }
            checkCertificate(type, c, now);
            return new Checked(type, d.der(), d.label(), c, null, md5(d.der()));
        }
        PrivateKey k;
        try {
            k = KeyMaterial.privateKey(d.der(), d.label(), password == null ? null : password.toCharArray());
        } catch (GeneralSecurityException | RuntimeException e) {
            String why = e.getMessage() == null ? "" : ": " + e.getMessage();
            throw new CredentialException("private key does not parse (PKCS#8, PKCS#1 or SEC1; an encrypted key "
                    + "needs its password)" + why);
        }
        checkKeySize("private key", k);
        return new Checked(type, d.der(), d.label(), null, k, md5(d.der()));
    }

    public static void checkCertificate(CredentialType type, X509Certificate c, Instant now)
            throws CredentialException {
        String who = what(type) + " \"" + c.getSubjectX500Principal().getName() + "\"";
        try {
            c.checkValidity(Date.from(now));
        } catch (CertificateExpiredException e) {
            throw new CredentialException(who + " expired on " + c.getNotAfter().toInstant());
        } catch (CertificateNotYetValidException e) {
            throw new CredentialException(who + " is not valid before " + c.getNotBefore().toInstant());
        }
        checkKeySize(who, c.getPublicKey());
        if (type == CredentialType.CA_CERTIFICATE && c.getBasicConstraints() < 0) {
            throw new CredentialException(who + " is not flagged as a CA (basic constraints CA:TRUE missing)");
        }
    }

    /** RSA at least 2048 bits, EC at least 192 (section 3.1). */
    public static void checkKeySize(String who, Object key) throws CredentialException {
        if (key instanceof RSAKey) {
            int bits = ((RSAKey) key).getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new CredentialException(who + " has a " + bits + "-bit RSA key; the module needs at least "
                        + MIN_RSA_BITS);
            }
        } else if (key instanceof ECKey) {
            int bits = ((ECKey) key).getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                throw new CredentialException(who + " has a " + bits + "-bit EC key; the module needs at least "
                        + MIN_EC_BITS);
            }
        }
    }

    /** The key signs and the certificate's public key verifies: they are a pair. */
    public static void checkPair(X509Certificate cert, PrivateKey key) throws CredentialException {
        PublicKey pub = cert.getPublicKey();
        if (!pub.getAlgorithm().equals(key.getAlgorithm())) {
            throw new CredentialException("the private key (" + key.getAlgorithm() + ") does not match the client "
                    + "certificate (" + pub.getAlgorithm() + ")");
        }
        String alg = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        byte[] probe = "ucell key match".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try {
            Signature s = Signature.getInstance(alg);
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(probe);
            if (!v.verify(sig)) {
                throw new CredentialException("the private key does not match the client certificate \""
                        + cert.getSubjectX500Principal().getName() + "\"");
            }
        } catch (GeneralSecurityException e) {
            throw new CredentialException("the private key does not match the client certificate: " + e.getMessage());
        }
    }

    public static String md5(byte[] der) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String what(CredentialType t) {
        switch (t) {
            case CA_CERTIFICATE:
                return "CA certificate";
            case CLIENT_CERTIFICATE:
                return "client certificate";
            case SERVER_CERTIFICATE:
                return "server certificate";
            default:
                return "private key";
        }
    }
}
