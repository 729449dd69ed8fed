package io.ucell.sockets;

/**
 * Options applied with +USOSO when a TCP socket is created, before it connects.
 *
 * @param keepAlive       SO_KEEPALIVE (+USOSO=s,65535,8,1; section 5.4)
 * @param lingerMs        SO_LINGER time in ms, 0..32767, or -1 for off (+USOSO=s,65535,128,1,ms; appendix A.1)
 * @param noDelay         TCP_NODELAY (+USOSO=s,6,1,1)
 * @param securityProfile the +USECPRF profile for TLS by the module (+USOSEC=s,1,p; section 5.11), or -1 for none
 */
public record SocketOptions(boolean keepAlive, int lingerMs, boolean noDelay, int securityProfile) {
    public static final int NO_LINGER = -1;
    public static final int NOT_SECURE = -1;
    /** Highest linger time: a signed 16-bit number of milliseconds (A.1.1). */
    public static final int MAX_LINGER_MS = 32767;
    /** Security profiles 0..4 (+USECPRF). */
    public static final int MAX_SECURITY_PROFILE = 4;

    public SocketOptions {
        if (lingerMs < NO_LINGER || lingerMs > MAX_LINGER_MS) {
            throw new IllegalArgumentException("linger must be -1 (off) or 0.." + MAX_LINGER_MS + " ms: " + lingerMs);
        }
        if (securityProfile < NOT_SECURE || securityProfile > MAX_SECURITY_PROFILE) {
            throw new IllegalArgumentException("security profile must be -1 (none) or 0.." + MAX_SECURITY_PROFILE
                    + ": " + securityProfile);
        }
    }

    /** The module's own defaults: no keepalive, no linger, Nagle on, no TLS. */
    public static SocketOptions defaults() {
        return new SocketOptions(false, NO_LINGER, false, NOT_SECURE);
    }

    public SocketOptions withKeepAlive(boolean on) {
        return new SocketOptions(on, lingerMs, noDelay, securityProfile);
    }

    public SocketOptions withLinger(int ms) {
        return new SocketOptions(keepAlive, ms, noDelay, securityProfile);
    }

    public SocketOptions withNoDelay(boolean on) {
        return new SocketOptions(keepAlive, lingerMs, on, securityProfile);
    }

    /** TLS by the module with this security profile (configure it first with +USECPRF, section 3). */
    public SocketOptions withSecurityProfile(int profile) {
        return new SocketOptions(keepAlive, lingerMs, noDelay, profile);
    }

    public boolean secure() {
        return securityProfile >= 0;
    }
}
