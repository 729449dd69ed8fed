package io.ucell.testsupport;

import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509KeyManager;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates for the TLS tests, made with BouncyCastle: a CA, servers, clients, expired and weak ones. */
public final class TestPki {
    private static final AtomicLong SERIAL = new AtomicLong(System.currentTimeMillis());

    public record Issued(X509Certificate cert, KeyPair keys) {
        public String certPem() {
            return pem(cert);
        }

        public String keyPem() {
            return pem(keys.getPrivate());
        }
    }

    private TestPki() {
    }

    public static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    public static KeyPair ec() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    public static Issued ca(String cn) throws Exception {
        KeyPair k = ec();
        return sign(cn, k, null, List.of(), true, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
    }

    /** A leaf certificate for {@code cn} with DNS and IP subject alternative names. */
    public static Issued leaf(Issued ca, String cn, KeyPair k, List<String> names) throws Exception {
        return sign(cn, k, ca, names, false, Instant.now().minus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(30)));
    }

    public static Issued expiredLeaf(Issued ca, String cn, KeyPair k, List<String> names) throws Exception {
        return sign(cn, k, ca, names, false, Instant.now().minus(Duration.ofDays(30)),
                Instant.now().minus(Duration.ofDays(1)));
    }

    public static Issued sign(String cn, KeyPair k, Issued issuer, List<String> names, boolean isCa, Instant from,
            Instant to) throws Exception {
        X500Name subject = new X500Name("CN=" + cn);
        X500Name issuerName = issuer == null ? subject
                : X500Name.getInstance(issuer.cert().getSubjectX500Principal().getEncoded());
        JcaX509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(issuerName,
                BigInteger.valueOf(SERIAL.incrementAndGet()), Date.from(from), Date.from(to), subject, k.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                : KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
        if (!names.isEmpty()) {
            List<GeneralName> gn = new ArrayList<>();
            for (String n : names) {
                gn.add(n.matches("[0-9.]+") ? new GeneralName(GeneralName.iPAddress, n)
                        : new GeneralName(GeneralName.dNSName, n));
            }
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(gn.toArray(new GeneralName[0])));
        }
        PrivateKey signer = issuer == null ? k.getPrivate() : issuer.keys().getPrivate();
        String alg = signer.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(b.build(new JcaContentSignerBuilder(alg).build(signer)));
        return new Issued(cert, k);
    }

    public static String pem(Object o) {
        try {
            StringWriter w = new StringWriter();
            try (JcaPEMWriter p = new JcaPEMWriter(w)) {
                p.writeObject(o instanceof PrivateKey ? new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(
                        (PrivateKey) o, null).generate() : o);
            }
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The key as encrypted PKCS#8 PEM (PBES2, AES-256-CBC), as OpenSSL writes it. */
    public static String encryptedKeyPem(PrivateKey key, String password) {
        try {
            org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder enc =
                    new org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder(
                            org.bouncycastle.openssl.PKCS8Generator.AES_256_CBC);
            enc.setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
            enc.setPassword(password.toCharArray());
            StringWriter w = new StringWriter();
            try (JcaPEMWriter p = new JcaPEMWriter(w)) {
                p.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, enc.build()));
            }
            return w.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * A TLS 1.2 server context with {@code server}'s certificate, trusting client certificates issued by
     * {@code clientCa}. With {@code requiredSni} it presents its certificate only to clients that asked for
     * that name (like a host serving several names): no SNI, no handshake.
     */
    public static SSLContext serverContext(Issued server, Issued clientCa, String requiredSni) throws Exception {
        return serverContext(server, clientCa, requiredSni, null);
    }

    /**
     * As {@link #serverContext(Issued, Issued, String)}, adding to {@code sniSeen} (when not null) the SNI host
     * name every client asked for ("" for a handshake without SNI); without {@code clientCa} the JDK's default
     * trust (clients with certificates are not asked for one).
     */
    public static SSLContext serverContext(Issued server, Issued clientCa, String requiredSni, List<String> sniSeen)
            throws Exception {
        char[] pw = "test".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", server.keys().getPrivate(), pw, new X509Certificate[] {server.cert()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
        kmf.init(ks, pw);
        X509KeyManager base = (X509KeyManager) kmf.getKeyManagers()[0];
        javax.net.ssl.TrustManager[] trust = null;
        if (clientCa != null) {
            KeyStore ts = KeyStore.getInstance("PKCS12");
            ts.load(null, null);
            ts.setCertificateEntry("ca", clientCa.cert());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(ts);
            trust = tmf.getTrustManagers();
        }
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(new javax.net.ssl.KeyManager[] {new SniKeyManager(base, requiredSni, sniSeen)}, trust, null);
        return ctx;
    }

    /** A server key manager that adds to {@code sniSeen} the SNI host name of every handshake ("" for none). */
    public static X509ExtendedKeyManager sniRecording(X509KeyManager base, List<String> sniSeen) {
        return new SniKeyManager(base, null, sniSeen);
    }

    /** Chooses the server certificate only when the client's SNI names {@code requiredSni} (if set). */
    private static final class SniKeyManager extends X509ExtendedKeyManager {
        private final X509KeyManager base;
        private final String requiredSni;
        private final List<String> seen;

        SniKeyManager(X509KeyManager base, String requiredSni, List<String> seen) {
            this.base = base;
            this.requiredSni = requiredSni;
            this.seen = seen;
        }

        /** Once per handshake: the server asks for its alias once per key type it could use. */
        private void record(javax.net.ssl.SSLSession handshake) {
            if (seen == null || !(handshake instanceof ExtendedSSLSession s)) {
                return;
            }
            String name = "";
            for (SNIServerName n : s.getRequestedServerNames()) {
                if (n instanceof SNIHostName h) {
                    name = h.getAsciiName();
                }
            }
            synchronized (seen) {
                if (handshake.getValue("ucell.sni.recorded") == null) {
                    handshake.putValue("ucell.sni.recorded", Boolean.TRUE);
                    seen.add(name);
                }
            }
        }

        @Override
        public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
            if (socket instanceof SSLSocket ssl) {
                record(ssl.getHandshakeSession());
            }
            if (requiredSni != null && !(socket instanceof SSLSocket && sniMatches(
                    (ExtendedSSLSession) ((SSLSocket) socket).getHandshakeSession()))) {
                return null;
            }
            return base.chooseServerAlias(keyType, issuers, socket);
        }

        @Override
        public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
            record(engine.getHandshakeSession());
            if (requiredSni != null && !sniMatches((ExtendedSSLSession) engine.getHandshakeSession())) {
                return null;
            }
            return base.chooseServerAlias(keyType, issuers, null);
        }

        private boolean sniMatches(ExtendedSSLSession s) {
            if (s == null) {
                return false;
            }
            for (SNIServerName n : s.getRequestedServerNames()) {
                if (n instanceof SNIHostName && ((SNIHostName) n).getAsciiName().equalsIgnoreCase(requiredSni)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String[] getClientAliases(String keyType, Principal[] issuers) {
            return base.getClientAliases(keyType, issuers);
        }

        @Override
        public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
            return null;
        }

        @Override
        public String[] getServerAliases(String keyType, Principal[] issuers) {
            return base.getServerAliases(keyType, issuers);
        }

        @Override
        public X509Certificate[] getCertificateChain(String alias) {
            return base.getCertificateChain(alias);
        }

        @Override
        public PrivateKey getPrivateKey(String alias) {
            return base.getPrivateKey(alias);
        }
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    public static X500Principal name(String cn) {
        return new X500Principal("CN=" + cn);
    }
}
