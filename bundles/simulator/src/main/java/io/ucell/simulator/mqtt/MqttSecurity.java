package io.ucell.simulator.mqtt;

import io.ucell.simulator.security.SecurityProfiles;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Where secure MQTT (+UMQTT=11,1,&lt;profile&gt;) gets its TLS context. The default reads the security profile's
 * certificate validation level (+USECPRF op 0): level 0 trusts any server, as the module does; level 1 and up
 * validate against the JVM's trust store (until the simulated certificate store exists), level 2 and up also
 * check the host name. A richer +USECMNG/+USECPRF implementation plugs in here.
 */
public interface MqttSecurity {

    /** The TLS parameters for one connection. */
    record Tls(SSLContext context, boolean verifyHostName) {
    }

    Tls tls(SecurityProfiles profiles, int securityProfile) throws Exception;

    MqttSecurity BY_VALIDATION_LEVEL = (profiles, profile) -> {
        int level = SecurityProfiles.validProfile(profile) ? profiles.validationLevel(profile) : 0;
        SSLContext ctx = SSLContext.getInstance("TLS");
        if (level == 0) {
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
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
            } }, new SecureRandom());
        } else {
            ctx.init(null, null, new SecureRandom());
        }
        return new Tls(ctx, level >= 2);
    };
}
