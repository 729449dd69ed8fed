package io.ucell.simulator.http;

import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.security.ProfileTls;
import java.io.IOException;

/**
 * Where HTTPS gets its TLS for a +UHTTP=p,6,1,&lt;security profile&gt;. {@link #MODULE} uses the module's
 * security profile completely, as secure sockets do: trusted roots, client certificate and key from +USECMNG,
 * validation level, expected host name, TLS version, cipher suites, SNI, pinning, session resumption URCs, and
 * one of the module's 4 TLS connections while the request runs.
 */
public interface HttpSecurity {

    /**
     * TLS for one request (closed when it ends).
     *
     * @param host the server name given to +UHTTP op 1 (or the IP of op 0): the name the certificate is checked
     *             against (unless op 4 sets one) and the default SNI
     * @throws IOException (an {@link javax.net.ssl.SSLException}) when there is no TLS to be had: no free TLS
     *                     connection, a certificate the profile names is missing
     */
    ProfileTls open(ModuleContext module, int securityProfile, String host) throws IOException;

    /** The module's security profiles (+USECPRF) with its certificate store (+USECMNG). */
    HttpSecurity MODULE = (module, securityProfile, host) -> module.securityProfiles().clientLibraryTls(securityProfile,
            host);
}
