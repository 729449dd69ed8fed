package io.ucell.simulator.security;

import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How the module checks a server certificate for a security profile (+USECPRF op 0, 3, 4, 12): level 0 none,
 * 1 the chain must lead to a trusted root (the profile's CA, or every imported CA when it names none), 2 also
 * the host name (op 4, else the name the connection was opened with), 3 also every validity date. Keys
 * below RSA 2048 / ECDSA 192 bits are refused at any level (section 3.1). A pinned certificate (op 12) must
 * be the server's own.
 */
final class ProfileTrustManager extends X509ExtendedTrustManager {
    private final int level;
    private final List<X509Certificate> anchors;
    private final String expectedHost;
    private final X509Certificate pinned;

    ProfileTrustManager(int level, List<X509Certificate> anchors, String expectedHost, X509Certificate pinned) {
        this.level = level;
        this.anchors = anchors;
        this.expectedHost = expectedHost;
        this.pinned = pinned;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        String peer = socket instanceof SSLSocket && ((SSLSocket) socket).getHandshakeSession() != null
                ? ((SSLSocket) socket).getHandshakeSession().getPeerHost() : null;
        check(chain, peer);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain, engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, null);
    }

    private void check(X509Certificate[] chain, String peerHost) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("server sent no certificate");
        }
        for (X509Certificate c : chain) {
            checkKeySize(c.getPublicKey(), c);
        }
        if (pinned != null && !pinned.equals(chain[0])) {
            throw new CertificateException("server certificate is not the pinned one");
        }
        if (level == 0) {
            return;
        }
        if (level >= 3) {
            for (X509Certificate c : chain) {
                c.checkValidity();
            }
        }
        verifyChain(chain);
        if (level >= 2) {
            String host = expectedHost != null && !expectedHost.isEmpty() ? expectedHost : peerHost;
            if (host == null || !HostNames.matches(chain[0], host)) {
                throw new CertificateException("server certificate does not match host name " + host);
            }
        }
    }

    private void verifyChain(X509Certificate[] chain) throws CertificateException {
        if (anchors.isEmpty()) {
            throw new CertificateException("no trusted root certificate imported");
        }
        for (int i = 0; i + 1 < chain.length; i++) {
            if (anchors.contains(chain[i])) {
                return;
            }
            if (!verifies(chain[i], chain[i + 1].getPublicKey())) {
                throw new CertificateException("broken certificate chain at " + chain[i].getSubjectX500Principal());
            }
        }
        X509Certificate top = chain[chain.length - 1];
        for (X509Certificate a : anchors) {
            if (a.equals(top) || (a.getSubjectX500Principal().equals(top.getIssuerX500Principal())
                    && verifies(top, a.getPublicKey()))) {
                if (level >= 3) {
                    a.checkValidity();
                }
                return;
            }
        }
        throw new CertificateException("server certificate not issued by a trusted root ("
                + top.getIssuerX500Principal().getName() + ")");
    }

    private static boolean verifies(X509Certificate c, PublicKey issuerKey) {
        try {
            c.verify(issuerKey);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static void checkKeySize(PublicKey key, X509Certificate c) throws CertificateException {
        String what = c == null ? "key" : "certificate " + c.getSubjectX500Principal().getName();
        if (key instanceof RSAPublicKey && ((RSAPublicKey) key).getModulus().bitLength() < 2048) {
            throw new CertificateException(what + " has a " + ((RSAPublicKey) key).getModulus().bitLength()
                    + "-bit RSA key (2048 at least)");
        }
        if (key instanceof ECPublicKey && ((ECPublicKey) key).getParams().getCurve().getField().getFieldSize() < 192) {
            throw new CertificateException(what + " has an EC key under 192 bits");
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("the module is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("the module is a client");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the module is a client");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return anchors.toArray(new X509Certificate[0]);
    }

    /** RFC 6125 host name matching: IP SANs for addresses, DNS SANs (leftmost wildcard) or else the CN. */
    static final class HostNames {
        private HostNames() {
        }

        static boolean matches(X509Certificate cert, String host) {
            String h = host.toLowerCase(Locale.ROOT);
            boolean ip = h.matches("[0-9.]+") || h.contains(":");
            boolean anyDns = false;
            try {
                Collection<List<?>> sans = cert.getSubjectAlternativeNames();
                if (sans != null) {
                    for (List<?> san : sans) {
                        int type = (Integer) san.get(0);
                        String v = String.valueOf(san.get(1)).toLowerCase(Locale.ROOT);
                        if (type == 7 && ip && sameAddress(v, h)) {
                            return true;
                        }
                        if (type == 2) {
                            anyDns = true;
                            if (!ip && dnsMatch(v, h)) {
                                return true;
                            }
                        }
                    }
                }
            } catch (CertificateException e) {
                return false;
            }
            if (!anyDns && !ip) {
                String cn = CredentialStore.commonName(cert.getSubjectX500Principal()).toLowerCase(Locale.ROOT);
                return dnsMatch(cn, h);
            }
            return false;
        }

        private static boolean sameAddress(String a, String b) {
            try {
                return InetAddress.getByName(a).equals(InetAddress.getByName(b));
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }

        private static boolean dnsMatch(String pattern, String host) {
            if (pattern.startsWith("*.")) {
                int dot = host.indexOf('.');
                return dot > 0 && host.substring(dot).equals(pattern.substring(1));
            }
            return pattern.equals(host);
        }
    }
}
