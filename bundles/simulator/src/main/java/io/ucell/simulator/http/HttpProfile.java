package io.ucell.simulator.http;

import java.util.Arrays;

/**
 * One of the 4 HTTP profiles (+UHTTP). Volatile: AT+UHTTP=p and a reboot give the factory values (no server,
 * port 80, no authentication, plain HTTP, timeout 180 s, linger 30 s per A.1.1, default context).
 */
final class HttpProfile {
    static final int HEADERS = 5;
    static final int DEFAULT_TIMEOUT = 180;
    static final int DEFAULT_LINGER = 30;

    /** Server address: the IP (op 0) or the name (op 1), whichever was set last. */
    String serverIp = "";
    String serverName = "";
    String username = "";
    String password = "";
    int authType;
    int port = 80;
    /** The port was set with op 5: the 443/80 rule of 10.4 no longer moves it. */
    boolean portSetByUser;
    boolean secure;
    int securityProfile;
    int timeoutSeconds = DEFAULT_TIMEOUT;
    int lingerSeconds = DEFAULT_LINGER;
    /** Custom request headers by id 0-4 as "name:value", null when unset (op 9). */
    final String[] headers = new String[HEADERS];
    /** Internal PDP mapping (op 20): -1 = the default context. */
    int pdpCid = -1;
    int pdpIpType;

    String server() {
        return !serverName.isEmpty() ? serverName : serverIp;
    }

    HttpProfile copy() {
        HttpProfile p = new HttpProfile();
        p.serverIp = serverIp;
        p.serverName = serverName;
        p.username = username;
        p.password = password;
        p.authType = authType;
        p.port = port;
        p.portSetByUser = portSetByUser;
        p.secure = secure;
        p.securityProfile = securityProfile;
        p.timeoutSeconds = timeoutSeconds;
        p.lingerSeconds = lingerSeconds;
        System.arraycopy(headers, 0, p.headers, 0, HEADERS);
        p.pdpCid = pdpCid;
        p.pdpIpType = pdpIpType;
        return p;
    }

    @Override
    public String toString() {
        return "HttpProfile[" + server() + ":" + port + (secure ? " tls/" + securityProfile : "") + " auth " + authType
                + " timeout " + timeoutSeconds + " headers " + Arrays.toString(headers) + "]";
    }
}
