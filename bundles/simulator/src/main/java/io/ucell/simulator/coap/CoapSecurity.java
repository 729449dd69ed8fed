package io.ucell.simulator.coap;

import io.ucell.simulator.security.SecurityProfiles;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Where the CoAP client gets its (D)TLS credentials for a +UCOAP=8 security profile. The module's default
 * is {@link #fromProfiles}: the +USECPRF profile's TLS context (validation level, certificates, TLS
 * version, cipher suites, SNI) and its PSK (op 8 / op 9); a profile with no PSK set falls back to the demo PSK
 * {@value #DEMO_IDENTITY} / {@value #DEMO_KEY} (a simulator convenience, never a real module's).
 * {@link #DEMO} (any profile: the demo PSK, TLS trusting any server) stays for tests that want it.
 */
public interface CoapSecurity {
    String DEMO_IDENTITY = "ucell";
    String DEMO_KEY = "ucell-demo-psk";

    record Psk(String identity, byte[] key) {
    }

    /** DTLS pre-shared key for the profile. */
    Psk psk(int securityProfile);

    /** TLS context for the profile (CoAP over TLS, RFC 8323). */
    SSLContext tls(int securityProfile) throws Exception;

    /**
     * TLS context for a connection to {@code host} (the URI's host: the default SNI and the name checked). The
     * default is {@link #tls(int)}; {@link #fromProfiles} forces the profile's TLS version, cipher suites and SNI
     * on every engine, as Californium's TLS connector takes no such settings of its own.
     */
    default SSLContext tls(int securityProfile, String host) throws Exception {
        return tls(securityProfile);
    }

    /** Changes when the profile's settings change, so endpoints built on the old ones are not reused. */
    default long revision(int securityProfile) {
        return 0;
    }

    /** The module's security profiles (looked up on every call: a reboot brings new ones). */
    static CoapSecurity fromProfiles(Supplier<SecurityProfiles> profiles) {
        return new CoapSecurity() {
            @Override
            public Psk psk(int securityProfile) {
                SecurityProfiles.Psk p = profiles.get().psk(securityProfile);
                if (p == null) {
                    return DEMO.psk(securityProfile);
                }
                return new Psk(new String(p.identity(), StandardCharsets.ISO_8859_1), p.key());
            }

            @Override
            public SSLContext tls(int securityProfile) throws Exception {
                return profiles.get().sslContext(securityProfile);
            }

            @Override
            public SSLContext tls(int securityProfile, String host) throws Exception {
                return profiles.get().libraryContext(securityProfile, host);
            }

            @Override
            public long revision(int securityProfile) {
                return profiles.get().revision(securityProfile);
            }
        };
    }

    CoapSecurity DEMO = new CoapSecurity() {
        @Override
        public Psk psk(int securityProfile) {
            return new Psk(DEMO_IDENTITY, DEMO_KEY.getBytes(StandardCharsets.US_ASCII));
        }

        @Override
        public SSLContext tls(int securityProfile) throws Exception {
            TrustManager trustAll = new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            };
            SSLContext ctx = SSLContext.getInstance("TLSv1.2");
            ctx.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return ctx;
        }
    };
}
