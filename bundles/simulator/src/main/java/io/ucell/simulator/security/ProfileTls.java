package io.ucell.simulator.security;

import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * One of the module's TLS connections held by a client library that makes its own engines or sockets
 * ({@link SecurityProfiles#clientLibraryTls}): hand {@link #context()} (and {@link #parameters()}) to the library,
 * call {@link #established} once a handshake is done, close when the connection ends (frees the slot of the
 * 4-connection limit).
 */
public final class ProfileTls implements AutoCloseable {
    private final int profile;
    private final SSLContext profileContext;
    private final SSLContext context;
    private final SSLParameters parameters;
    private final SecurityProfiles profiles;
    private final AtomicBoolean closed;

    ProfileTls(int profile, SSLContext profileContext, SSLContext context, SSLParameters parameters,
            SecurityProfiles profiles, AtomicBoolean closed) {
        this.profile = profile;
        this.profileContext = profileContext;
        this.context = context;
        this.parameters = parameters;
        this.profiles = profiles;
        this.closed = closed;
    }

    /** Engines and sockets from it use the profile whatever the library sets (ALPN excepted). */
    public SSLContext context() {
        return context;
    }

    /** The profile's protocols, cipher suites and SNI (for libraries that want parameters too). */
    public SSLParameters parameters() {
        return parameters;
    }

    /** After a handshake: the +UUSECPRF session URCs when the profile has session resumption on. */
    public void established(SSLSession session) {
        profiles.sessionEstablished(profile, profileContext, session);
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
