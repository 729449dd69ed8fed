package io.ucell.mqtt.client;

import io.ucell.at.AtQuoting;
import io.ucell.mqtt.MqttWill;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The MQTT profile and the client's own timings.
 *
 * @param clientId        client id; empty for the module's IMEI (the module's default, section 6.1.1)
 * @param server          broker IP address or host name (resolved by the module's DNS)
 * @param port            broker port (1883, 8883 for TLS)
 * @param userName        user name; empty for none
 * @param password        password (sent as a secret, never logged); empty for none
 * @param keepAlive       inactivity timeout in seconds (0 = none); the ping loop runs when it is set
 * @param linger          linger time in seconds (0 leaves the module's default)
 * @param cleanSession    clean session flag
 * @param will            last will, or null
 * @param secure          TLS with the +USECMNG security profile {@code securityProfile}
 * @param securityProfile 0-4
 * @param pdpCid          context the client uses (-1 default; SARA-R5 02B and LEXI-R520 only)
 * @param pdpIpType       0 IPv4, 1 IPv6 for the mapping
 * @param responseTimeout how long an operation waits for its +UUMQTTC
 * @param reconnectBase   first reconnect delay after a lost connection
 * @param reconnectCap    longest reconnect delay
 */
public record MqttSettings(String clientId, String server, int port, String userName, String password, int keepAlive,
        int linger, boolean cleanSession, MqttWill will, boolean secure, int securityProfile, int pdpCid, int pdpIpType,
        Duration responseTimeout, Duration reconnectBase, Duration reconnectCap) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");

    public MqttSettings {
        clientId = clientId == null ? "" : clientId.trim();
        server = server == null ? "" : server.trim();
        userName = userName == null ? "" : userName;
        password = password == null ? "" : password;
    }

    /** localhost:1883, client id = IMEI, keepalive 60 s, clean session. */
    public static MqttSettings defaults() {
        return new MqttSettings("", "127.0.0.1", 1883, "", "", 60, 0, true, null, false, 0, -1, 0, Duration.ofSeconds(30),
                Duration.ofSeconds(1), Duration.ofSeconds(60));
    }

    public MqttSettings withServer(String host, int p) {
        return new MqttSettings(clientId, host, p, userName, password, keepAlive, linger, cleanSession, will, secure,
                securityProfile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withClientId(String id) {
        return new MqttSettings(id, server, port, userName, password, keepAlive, linger, cleanSession, will, secure,
                securityProfile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withWill(MqttWill w) {
        return new MqttSettings(clientId, server, port, userName, password, keepAlive, linger, cleanSession, w, secure,
                securityProfile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withSecurity(boolean on, int profile) {
        return new MqttSettings(clientId, server, port, userName, password, keepAlive, linger, cleanSession, will, on,
                profile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withCredentials(String user, String pass) {
        return new MqttSettings(clientId, server, port, user, pass, keepAlive, linger, cleanSession, will, secure,
                securityProfile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withKeepAlive(int seconds, int lingerSeconds) {
        return new MqttSettings(clientId, server, port, userName, password, seconds, lingerSeconds, cleanSession, will,
                secure, securityProfile, pdpCid, pdpIpType, responseTimeout, reconnectBase, reconnectCap);
    }

    public MqttSettings withReconnect(Duration base, Duration cap) {
        return new MqttSettings(clientId, server, port, userName, password, keepAlive, linger, cleanSession, will, secure,
                securityProfile, pdpCid, pdpIpType, responseTimeout, base, cap);
    }

    public MqttSettings withPdp(int cid, int ipType) {
        return new MqttSettings(clientId, server, port, userName, password, keepAlive, linger, cleanSession, will, secure,
                securityProfile, cid, ipType, responseTimeout, reconnectBase, reconnectCap);
    }

    /** An IPv4 or IPv6 literal goes to +UMQTT=2, a name to +UMQTT=3. */
    public boolean serverIsIp() {
        return isIpv4(server) || (server.indexOf(':') >= 0 && server.matches("[0-9A-Fa-f:.]+"));
    }

    private static boolean isIpv4(String s) {
        var m = IPV4.matcher(s);
        if (!m.matches()) {
            return false;
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }

    /** Everything wrong, independent of the module (empty when valid). */
    public List<String> validate() {
        List<String> e = new ArrayList<>();
        if (clientId.length() > 256 || !quotable(clientId)) {
            e.add("client id must be at most 256 characters without quotes or control characters");
        }
        if (server.isEmpty()) {
            e.add("broker address missing");
        } else if (!serverIsIp() && (server.length() > 128 || !HOST.matcher(server).matches())) {
            e.add("broker must be an IP address or a host name of at most 128 characters: " + server);
        }
        if (port < 1 || port > 65535) {
            e.add("broker port must be 1-65535");
        }
        if (userName.length() > 512 || !quotable(userName)) {
            e.add("user name must be at most 512 characters without quotes or control characters");
        }
        if (password.length() > 512 || !quotable(password)) {
            e.add("password must be at most 512 characters without quotes or control characters");
        }
        if (!password.isEmpty() && userName.isEmpty()) {
            e.add("a password needs a user name");
        }
        if (keepAlive < 0 || keepAlive > 65535) {
            e.add("keepalive must be 0-65535 s");
        }
        if (linger < 0 || linger > 65535) {
            e.add("linger must be 0-65535 s");
        }
        if (securityProfile < 0 || securityProfile > 4) {
            e.add("security profile must be 0-4");
        }
        if (pdpCid < -1 || pdpCid > 11) {
            e.add("PDP context must be -1 (default) or 0-11");
        }
        if (pdpIpType < 0 || pdpIpType > 1) {
            e.add("PDP IP type must be 0 (IPv4) or 1 (IPv6)");
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            e.add("response timeout must be positive");
        }
        if (reconnectBase == null || reconnectCap == null || reconnectBase.isNegative() || reconnectBase.isZero()
                || reconnectCap.compareTo(reconnectBase) < 0) {
            e.add("reconnect delays: base must be positive and at most the cap");
        }
        if (will != null && !quotable(will.topic())) {
            e.add("will topic must not hold quotes or control characters");
        }
        return e;
    }

    private static boolean quotable(String s) {
        return AtQuoting.isQuotable(s);
    }

    @Override
    public String toString() {
        // never the password
        return "MqttSettings[" + (clientId.isEmpty() ? "IMEI" : clientId) + "@" + server + ":" + port
                + (userName.isEmpty() ? "" : ", user " + userName) + ", keepalive " + keepAlive + (secure ? ", TLS profile "
                + securityProfile : "") + (will != null ? ", will on " + will.topic() : "") + "]";
    }
}
