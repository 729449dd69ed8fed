package io.ucell.simulator.mqtt;

import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.security.ProfileTls;
import java.io.IOException;

/**
 * Where secure MQTT (+UMQTT=11,1,&lt;security profile&gt;) gets its TLS. {@link #MODULE} uses the module's
 * security profile completely, as HTTPS and secure sockets do: trusted roots, client certificate and key from
 * +USECMNG, validation level, expected host name, TLS version, cipher suites, SNI, pinning, session resumption
 * URCs, and one of the module's 4 TLS connections for as long as the broker connection lasts.
 */
public interface MqttSecurity {

    /**
     * TLS for one broker connection (closed when it ends).
     *
     * @param host the broker name given to +UMQTT op 2 (or the IP of op 3): the name the certificate is checked
     *             against (unless op 4 of the profile sets one) and the default SNI
     * @throws IOException (an {@link javax.net.ssl.SSLException}) when there is no TLS to be had: no free TLS
     *                     connection, a certificate the profile names is missing
     */
    ProfileTls open(ModuleContext module, int securityProfile, String host) throws IOException;

    /** The module's security profiles (+USECPRF) with its certificate store (+USECMNG). */
    MqttSecurity MODULE = (module, securityProfile, host) -> module.securityProfiles().clientLibraryTls(securityProfile,
            host);
}
