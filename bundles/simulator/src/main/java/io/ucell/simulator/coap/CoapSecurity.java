package io.ucell.simulator.coap;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Where the CoAP client gets its (D)TLS credentials for a +UCOAP=8 security profile. The +USECMNG /
 * +USECPRF security profiles live elsewhere; this hook is what they plug into. Until then
 * {@link #DEMO} is used: DTLS with the pre-shared key {@value #DEMO_IDENTITY} / {@value #DEMO_KEY} for every
 * profile, and TLS that trusts any server certificate (a simulator convenience, never a real module's).
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
