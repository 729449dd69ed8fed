package io.ucell.http.client;

import io.ucell.at.AtQuoting;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's configuration.
 *
 * @param profile         the module's HTTP profile (0-3) this client owns
 * @param server          base URL for requests that give only a path ("http://host:port"), may be empty
 * @param username        basic authentication user ("" for none; at most 30 characters)
 * @param password        basic authentication password (at most 30 characters)
 * @param securityProfile +USECPRF security profile (0-4) for https
 * @param timeout         the module's request timeout (+UHTTP op 7: 30-180 s)
 * @param lingerSeconds   linger time of the module's socket (0-120 s, A.1.1), -1 to leave the module's default
 * @param pdpCid          context the HTTP client uses (+UHTTP op 20), -1 for the module's default
 * @param pdpIpType       preferred protocol of that mapping: 0 IPv4, 1 IPv6
 * @param queueTimeout    longest wait for another request on the same profile to finish
 */
public record HttpSettings(int profile, String server, String username, String password, int securityProfile,
        Duration timeout, int lingerSeconds, int pdpCid, int pdpIpType, Duration queueTimeout) {
    public static final int MAX_CREDENTIAL = 30;

    public HttpSettings {
        server = server == null ? "" : server.trim();
        username = username == null ? "" : username;
        password = password == null ? "" : password;
    }

    /** Without the password. */
    @Override
    public String toString() {
        return "HttpSettings[profile=" + profile + ", server=" + server + ", username=" + username + ", password="
                + (password.isEmpty() ? "" : "****") + ", securityProfile=" + securityProfile + ", timeout=" + timeout
                + ", linger=" + lingerSeconds + ", pdpCid=" + pdpCid + ", pdpIpType=" + pdpIpType + ", queueTimeout="
                + queueTimeout + "]";
    }

    public static HttpSettings defaults() {
        return new HttpSettings(0, "", "", "", 0, Duration.ofSeconds(60), -1, -1, 0, Duration.ofSeconds(120));
    }

    public HttpSettings withServer(String s) {
        return new HttpSettings(profile, s, username, password, securityProfile, timeout, lingerSeconds, pdpCid,
                pdpIpType, queueTimeout);
    }

    public HttpSettings withCredentials(String user, String pass) {
        return new HttpSettings(profile, server, user, pass, securityProfile, timeout, lingerSeconds, pdpCid, pdpIpType,
                queueTimeout);
    }

    public HttpSettings withSecurityProfile(int p) {
        return new HttpSettings(profile, server, username, password, p, timeout, lingerSeconds, pdpCid, pdpIpType,
                queueTimeout);
    }

    public HttpSettings withTimeout(Duration t, int linger) {
        return new HttpSettings(profile, server, username, password, securityProfile, t, linger, pdpCid, pdpIpType,
                queueTimeout);
    }

    public HttpSettings withPdp(int cid, int ipType) {
        return new HttpSettings(profile, server, username, password, securityProfile, timeout, lingerSeconds, cid, ipType,
                queueTimeout);
    }

    public HttpSettings withProfile(int p) {
        return new HttpSettings(p, server, username, password, securityProfile, timeout, lingerSeconds, pdpCid, pdpIpType,
                queueTimeout);
    }

    /** Problems independent of the module (empty when valid). */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (profile < 0 || profile > 3) {
            errors.add("profile must be 0-3 (the module has 4 HTTP profiles), not " + profile);
        }
        if (!server.isEmpty()) {
            try {
                HttpTarget.of(server, null);
            } catch (IllegalArgumentException e) {
                errors.add("server: " + e.getMessage());
            }
        }
        if (username.length() > MAX_CREDENTIAL || !AtQuoting.isQuotable(username)) {
            errors.add("username: at most " + MAX_CREDENTIAL + " characters, no double quote or control character");
        }
        if (password.length() > MAX_CREDENTIAL || !AtQuoting.isQuotable(password)) {
            // never the value itself
            errors.add("password: at most " + MAX_CREDENTIAL + " characters, no double quote or control character");
        }
        if (username.isEmpty() && !password.isEmpty()) {
            errors.add("a password needs a username");
        }
        if (securityProfile < 0 || securityProfile > 4) {
            errors.add("security profile must be 0-4, not " + securityProfile);
        }
        if (timeout == null || timeout.toSeconds() < 30 || timeout.toSeconds() > 180) {
            errors.add("timeout must be 30-180 s (+UHTTP op 7), not " + (timeout == null ? "missing" : timeout.toSeconds() + " s"));
        }
        if (lingerSeconds < -1 || lingerSeconds > 120) {
            errors.add("linger must be -1 (module default) or 0-120 s (A.1.1), not " + lingerSeconds);
        }
        if (pdpCid < -1 || pdpCid > 11) {
            errors.add("PDP context id must be -1 (default) or 0-11, not " + pdpCid);
        }
        if (pdpIpType < 0 || pdpIpType > 1) {
            errors.add("PDP protocol type must be 0 (IPv4) or 1 (IPv6), not " + pdpIpType);
        }
        if (queueTimeout == null || queueTimeout.isNegative()) {
            errors.add("queue timeout must not be negative");
        }
        return errors;
    }

    /** Problems with this module: HTTP, linger and PDP mapping are not everywhere (section 10, A.1.1, 10.1). */
    public List<String> validate(ModuleCapabilities caps) {
        List<String> errors = new ArrayList<>();
        if (caps == null) {
            return errors;
        }
        if (!caps.httpSupported()) {
            errors.add("the " + caps.describe() + " has no HTTP client (section 10)");
            return errors;
        }
        if (lingerSeconds >= 0 && !lingerSupported(caps)) {
            errors.add("the " + caps.describe() + " has no linger setting for HTTP (A.1.1)");
        }
        if (pdpCid >= 0 && !caps.internalPdpMappingSupported()) {
            errors.add("the " + caps.describe() + " cannot map HTTP to another PDP context (10.1)");
        }
        if (pdpCid >= 0 && !caps.validCid(pdpCid)) {
            errors.add("context id " + pdpCid + " is out of range on the " + caps.describe());
        }
        return errors;
    }

    /** A.1.1: "not supported by SARA-R5 00B product versions and by SARA-R422 modules". */
    public static boolean lingerSupported(ModuleCapabilities caps) {
        return caps.httpSupported() && !(caps.family().series() == ModuleFamily.Series.R5
                && caps.productVersion() == ProductVersion.V00B);
    }
}
