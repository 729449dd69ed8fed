package io.ucell.simulator.security;

import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * What a DTLS client needs from a security profile ({@link SecurityProfiles#clientDtls}): the PSK and its identity
 * (op 8, 9), the server certificate check of the profile (op 0, 3, 4, 12, the same as for TLS), the client
 * certificate and key (op 5, 6, 7) and the SNI (op 10, else the name connected to). It holds one of the module's
 * TLS connections until closed.
 */
public final class ProfileDtls implements AutoCloseable {
    private final SecurityProfiles.Psk psk;
    private final ProfileTrustManager trust;
    private final X509Certificate clientCertificate;
    private final PrivateKey clientKey;
    private final String serverName;
    private final AtomicBoolean closed;

    ProfileDtls(SecurityProfiles.Psk psk, ProfileTrustManager trust, X509Certificate clientCertificate,
            PrivateKey clientKey, String serverName, AtomicBoolean closed) {
        this.psk = psk;
        this.trust = trust;
        this.clientCertificate = clientCertificate;
        this.clientKey = clientKey;
        this.serverName = serverName;
        this.closed = closed;
    }

    /** The pre-shared key, or null when the profile has none. */
    public SecurityProfiles.Psk psk() {
        return psk;
    }

    /** The client certificate for mutual authentication, or null. */
    public X509Certificate clientCertificate() {
        return clientCertificate;
    }

    public PrivateKey clientKey() {
        return clientKey;
    }

    /** The host name for SNI and the certificate's name check, or null when only an address is known. */
    public String serverName() {
        return serverName;
    }

    /** The profile's check of the server's chain (validation level, CA, host name, dates, pinning). */
    public void checkServer(X509Certificate[] chain) throws CertificateException {
        trust.checkServerTrusted(chain, "DTLS");
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
