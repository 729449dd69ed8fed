package io.ucell.simulator.http;

import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.security.SecurityProfiles;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Where HTTPS gets its TLS context for a +UHTTP=p,6,1,&lt;security profile&gt;. {@link #MODULE} follows the
 * profile's certificate validation level (+USECPRF op 0), as secure sockets do: 0 trusts any server (the
 * module's default), 1 checks the chain, 2 and 3 also the host name. The trust anchors are the JDK's until the
 * module's certificate store (+USECMNG) exists; {@link #trusting(KeyStore)} gives a hook with other anchors
 * (tests with their own CA).
 */
public interface HttpSecurity {

    /** TLS context for a request on the given security profile. */
    SSLContext context(ModuleContext module, int securityProfile) throws GeneralSecurityException;

    HttpSecurity MODULE = trusting(null);

    /** The validation levels of the security profiles, with these trust anchors (null: the JDK's). */
    static HttpSecurity trusting(KeyStore anchors) {
        return (module, securityProfile) -> {
            SecurityProfiles profiles = module.securityProfiles();
            int level = profiles != null && SecurityProfiles.validProfile(securityProfile)
                    ? profiles.validationLevel(securityProfile) : 0;
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new LevelTrust(level, anchors)}, null);
            return ctx;
        };
    }

    /**
     * Validation level as a trust manager. HttpClient always asks for host name checking (HTTPS endpoint
     * identification); the JDK does that check inside its trust manager, so levels 0 and 1 skip it by not
     * passing the engine on.
     */
    final class LevelTrust extends X509ExtendedTrustManager {
        private final int level;
        private final X509ExtendedTrustManager jdk;

        LevelTrust(int level, KeyStore anchors) throws GeneralSecurityException {
            this.level = level;
            TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            f.init(anchors);
            X509ExtendedTrustManager found = null;
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509ExtendedTrustManager x) {
                    found = x;
                }
            }
            if (found == null) {
                throw new GeneralSecurityException("no X509 trust manager");
            }
            this.jdk = found;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (level >= 2) {
                jdk.checkServerTrusted(chain, authType, engine);
            } else if (level == 1) {
                jdk.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            if (level >= 2) {
                jdk.checkServerTrusted(chain, authType, socket);
            } else if (level == 1) {
                jdk.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (level >= 1) {
                jdk.checkServerTrusted(chain, authType);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("client side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return ((X509TrustManager) jdk).getAcceptedIssuers();
        }
    }
}
