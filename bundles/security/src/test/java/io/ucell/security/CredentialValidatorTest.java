package io.ucell.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.security.credentials.CredentialValidator;
import io.ucell.security.credentials.CredentialValidator.Checked;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks before upload (app note 3.1, 3.5): parses, key sizes, validity, CA flag, key matches certificate. */
class CredentialValidatorTest {
    private static Issued ca;
    private static Issued client;

    @BeforeAll
    static void pki() throws Exception {
        ca = TestPki.ca("validator CA");
        client = TestPki.leaf(ca, "device", TestPki.rsa(2048), List.of());
    }

    private static Checked check(CredentialType t, String pem) throws CredentialException {
        return CredentialValidator.check(t, pem.getBytes(), null, Instant.now());
    }

    @Test
    void pemAndDerGiveTheSameDerAndMd5() throws Exception {
        Checked pem = check(CredentialType.CA_CERTIFICATE, ca.certPem());
        Checked der = CredentialValidator.check(CredentialType.CA_CERTIFICATE, ca.cert().getEncoded(), null, Instant.now());
        assertEquals(pem.md5(), der.md5());
        assertEquals(CredentialValidator.md5(ca.cert().getEncoded()), pem.md5());
    }

    @Test
    void keysInEveryFormParse() throws Exception {
        KeyPair rsa = client.keys();
        assertNotNull(check(CredentialType.PRIVATE_KEY, client.keyPem()).key()); // PKCS#8
        // traditional OpenSSL PEM: PKCS#1 "RSA PRIVATE KEY" and SEC1 "EC PRIVATE KEY" (with its curve)
        String pkcs1Pem = TestPki.pem(rsa);
        assertTrue(pkcs1Pem.startsWith("-----BEGIN RSA PRIVATE KEY-----"), pkcs1Pem);
        Checked k = check(CredentialType.PRIVATE_KEY, pkcs1Pem);
        assertEquals(((RSAPrivateCrtKey) rsa.getPrivate()).getModulus(), ((RSAPrivateCrtKey) k.key()).getModulus());
        // SEC1 as OpenSSL writes it, curve included (the JDK's own inner SEC1 has none)
        java.security.interfaces.ECPrivateKey ecKey = (java.security.interfaces.ECPrivateKey) TestPki.ec().getPrivate();
        byte[] sec1 = new org.bouncycastle.asn1.sec.ECPrivateKey(256, ecKey.getS(),
                org.bouncycastle.asn1.sec.SECObjectIdentifiers.secp256r1).getEncoded();
        String sec1Pem = "-----BEGIN EC PRIVATE KEY-----\n" + java.util.Base64.getMimeEncoder().encodeToString(sec1)
                + "\n-----END EC PRIVATE KEY-----\n";
        Checked e = check(CredentialType.PRIVATE_KEY, sec1Pem);
        assertEquals(ecKey.getS(), ((java.security.interfaces.ECPrivateKey) e.key()).getS());
        // and the same key as DER without a label
        byte[] sec1Der = java.util.Base64.getMimeDecoder().decode(sec1Pem.replaceAll("-----[A-Z ]+-----", ""));
        assertEquals(e.md5(), CredentialValidator.check(CredentialType.PRIVATE_KEY, sec1Der, null, Instant.now()).md5());
        assertEquals("EC", e.key().getAlgorithm());
    }

    @Test
    void encryptedPkcs8NeedsItsPassword() throws Exception {
        org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder enc =
                new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                        org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC);
        enc.setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()); // only to write it; read by the JDK
        enc.setPassword("key-pass".toCharArray());
        java.io.StringWriter w = new java.io.StringWriter();
        try (org.bouncycastle.openssl.jcajce.JcaPEMWriter p = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(w)) {
            p.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(client.keys().getPrivate(), enc.build()));
        }
        String pem = w.toString();
        assertTrue(pem.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"), pem);
        Checked k = CredentialValidator.check(CredentialType.PRIVATE_KEY, pem.getBytes(), "key-pass", Instant.now());
        CredentialValidator.checkPair(client.cert(), k.key());
        CredentialException e = assertThrows(CredentialException.class,
                () -> CredentialValidator.check(CredentialType.PRIVATE_KEY, pem.getBytes(), null, Instant.now()));
        assertTrue(e.getMessage().contains("password"), e.getMessage());
        assertThrows(CredentialException.class,
                () -> CredentialValidator.check(CredentialType.PRIVATE_KEY, pem.getBytes(), "wrong", Instant.now()));
    }

    /** A PEM pasted into a one-line field (Kura's password input) loses its line breaks: still a PEM. */
    @Test
    void pemWithoutLineBreaksParses() throws Exception {
        String oneLine = client.keyPem().replace("\n", "").replace("\r", "");
        assertEquals(check(CredentialType.PRIVATE_KEY, client.keyPem()).md5(), check(CredentialType.PRIVATE_KEY, oneLine).md5());
        String cert = ca.certPem().replace("\n", " ");
        assertEquals(CredentialValidator.md5(ca.cert().getEncoded()), check(CredentialType.CA_CERTIFICATE, cert).md5());
    }

    @Test
    void refusalsSayWhatIsWrong() throws Exception {
        CredentialException e = assertThrows(CredentialException.class,
                () -> check(CredentialType.CA_CERTIFICATE, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"));
        assertTrue(e.getMessage().contains("does not parse"), e.getMessage());

        Issued weak = TestPki.leaf(ca, "weak", TestPki.rsa(1024), List.of());
        e = assertThrows(CredentialException.class, () -> check(CredentialType.CLIENT_CERTIFICATE, weak.certPem()));
        assertTrue(e.getMessage().contains("1024-bit RSA key"), e.getMessage());
        e = assertThrows(CredentialException.class, () -> check(CredentialType.PRIVATE_KEY, weak.keyPem()));
        assertTrue(e.getMessage().contains("1024-bit RSA key"), e.getMessage());

        Issued expired = TestPki.expiredLeaf(ca, "old", TestPki.ec(), List.of());
        e = assertThrows(CredentialException.class, () -> check(CredentialType.CLIENT_CERTIFICATE, expired.certPem()));
        assertTrue(e.getMessage().contains("expired on"), e.getMessage());

        // a leaf offered as CA
        e = assertThrows(CredentialException.class, () -> check(CredentialType.CA_CERTIFICATE, client.certPem()));
        assertTrue(e.getMessage().contains("not flagged as a CA"), e.getMessage());

        Issued other = TestPki.leaf(ca, "other", TestPki.rsa(2048), List.of());
        e = assertThrows(CredentialException.class,
                () -> CredentialValidator.checkPair(client.cert(), other.keys().getPrivate()));
        assertTrue(e.getMessage().contains("does not match"), e.getMessage());
        CredentialValidator.checkPair(client.cert(), client.keys().getPrivate());
    }
}
