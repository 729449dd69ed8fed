package io.ucell.ftp.client;

import io.ucell.at.AtQuoting;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ProductVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the FTP client writes with +UFTP before logging in.
 *
 * @param server           host name or IP address (+UFTP=1 or =0), at most 128 characters
 * @param port             control port (+UFTP=7)
 * @param user             user name (+UFTP=2), at most 30 characters
 * @param password         password (+UFTP=3, sent as a secret), at most 30 characters
 * @param account          account (+UFTP=4), empty for none
 * @param passive          passive mode (+UFTP=6)
 * @param timeout          inactivity timeout in seconds (+UFTP=5), 0 none
 * @param lingerCommand    control socket linger (s, 0-120), -1 leaves the module's value (not on SARA-R5 00B)
 * @param lingerData       data socket linger (s, 0-120), -1 leaves the module's value
 * @param secureControl    explicit FTPS on the control channel (+UFTP=8)
 * @param secureData       TLS on the data channel too (+UFTP=12)
 * @param securityProfile  +USECPRF profile (0-4) for FTPS
 * @param pdpCid           context the FTP client uses (+UFTP=20), -1 for the default (SARA-R5 02B, LEXI-R520)
 * @param pdpIpType        0 IPv4, 1 IPv6 for the mapping
 * @param operationTimeout how long an operation may take before its +UUFTPCR
 * @param directIdle       direct link retrieve of unknown length: silence that ends it
 */
public record FtpSettings(String server, int port, String user, String password, String account, boolean passive,
        int timeout, int lingerCommand, int lingerData, boolean secureControl, boolean secureData, int securityProfile,
        int pdpCid, int pdpIpType, Duration operationTimeout, Duration directIdle) {

    public static final int MAX_SERVER = 128;
    public static final int MAX_CREDENTIAL = 30;
    private static final Pattern IP = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    public static FtpSettings defaults() {
        return new FtpSettings("", 21, "anonymous", "", "", true, 30, -1, -1, false, false, 0, -1, 0,
                Duration.ofMinutes(3), Duration.ofSeconds(3));
    }

    public FtpSettings withServer(String s, int p) {
        return new FtpSettings(s, p, user, password, account, passive, timeout, lingerCommand, lingerData, secureControl,
                secureData, securityProfile, pdpCid, pdpIpType, operationTimeout, directIdle);
    }

    public FtpSettings withLogin(String u, String pw) {
        return new FtpSettings(server, port, u, pw, account, passive, timeout, lingerCommand, lingerData, secureControl,
                secureData, securityProfile, pdpCid, pdpIpType, operationTimeout, directIdle);
    }

    public FtpSettings withPassive(boolean p) {
        return new FtpSettings(server, port, user, password, account, p, timeout, lingerCommand, lingerData, secureControl,
                secureData, securityProfile, pdpCid, pdpIpType, operationTimeout, directIdle);
    }

    public FtpSettings withSecurity(boolean control, boolean data, int profile) {
        return new FtpSettings(server, port, user, password, account, passive, timeout, lingerCommand, lingerData, control,
                data, profile, pdpCid, pdpIpType, operationTimeout, directIdle);
    }

    public FtpSettings withTimeouts(int t, int lingerCmd, int lingerDat) {
        return new FtpSettings(server, port, user, password, account, passive, t, lingerCmd, lingerDat, secureControl,
                secureData, securityProfile, pdpCid, pdpIpType, operationTimeout, directIdle);
    }

    public FtpSettings withPdp(int cid, int ipType) {
        return new FtpSettings(server, port, user, password, account, passive, timeout, lingerCommand, lingerData,
                secureControl, secureData, securityProfile, cid, ipType, operationTimeout, directIdle);
    }

    public FtpSettings withDirectIdle(Duration idle) {
        return new FtpSettings(server, port, user, password, account, passive, timeout, lingerCommand, lingerData,
                secureControl, secureData, securityProfile, pdpCid, pdpIpType, operationTimeout, idle);
    }

    /** True when {@link #server} is an IP address literal (+UFTP=0) rather than a name (+UFTP=1). */
    public boolean serverIsAddress() {
        return IP.matcher(server).matches();
    }

    /** Everything wrong, independent of the module (empty when valid). */
    public List<String> validate() {
        return validate(null);
    }

    /** Everything wrong, including what this module cannot do (caps may be null before detection). */
    public List<String> validate(ModuleCapabilities caps) {
        List<String> e = new ArrayList<>();
        text(e, "server", server, MAX_SERVER, false);
        text(e, "user", user, MAX_CREDENTIAL, true);
        text(e, "password", password, MAX_CREDENTIAL, true);
        text(e, "account", account, MAX_CREDENTIAL, true);
        if (port < 1 || port > 65535) {
            e.add("port must be 1-65535");
        }
        if (timeout < 0 || timeout > 86_400) {
            e.add("timeout must be 0-86400 s");
        }
        if (lingerCommand < -1 || lingerCommand > 120 || lingerData < -1 || lingerData > 120) {
            e.add("linger times must be 0-120 s (-1 leaves the module's value)");
        }
        if (secureData && !secureControl) {
            e.add("data channel TLS needs control channel TLS (explicit FTPS)");
        }
        if (securityProfile < 0 || securityProfile > 4) {
            e.add("security profile must be 0-4");
        }
        if (pdpIpType < 0 || pdpIpType > 1) {
            e.add("PDP protocol type must be 0 (IPv4) or 1 (IPv6)");
        }
        if (operationTimeout == null || operationTimeout.isNegative() || operationTimeout.isZero()) {
            e.add("operation timeout must be positive");
        }
        if (directIdle == null || directIdle.isNegative() || directIdle.isZero()) {
            e.add("direct link idle time must be positive");
        }
        if (caps != null) {
            if (!caps.ftpSupported()) {
                e.add(caps.family() + " " + caps.productVersion() + " has no FTP client");
            }
            if (pdpCid >= 0 && !caps.internalPdpMappingSupported()) {
                e.add("FTP PDP mapping is not supported on " + caps.family() + " " + caps.productVersion());
            }
            if (pdpCid >= 0 && !caps.validCid(pdpCid)) {
                e.add("cid " + pdpCid + " is outside this module's range");
            }
            if ((secureControl || secureData) && !caps.securitySupported()) {
                e.add("this module has no TLS");
            }
            if ((lingerCommand >= 0 || lingerData >= 0) && caps.productVersion() == ProductVersion.V00B
                    && caps.family() == io.ucell.modem.capability.ModuleFamily.SARA_R5) {
                e.add("FTP linger time is not supported on SARA-R5 00B (A.1.1)");
            }
        } else if (pdpCid > 11) {
            e.add("cid must be -1 (default) or 0-11");
        }
        return e;
    }

    private static void text(List<String> e, String what, String v, int max, boolean emptyOk) {
        if (v == null || (!emptyOk && v.isEmpty())) {
            e.add(what + " is missing");
            return;
        }
        if (v.length() > max) {
            e.add(what + " is longer than " + max + " characters");
        }
        if (!AtQuoting.isQuotable(v)) {
            e.add(what + " holds a double quote or a control character");
        }
    }

    @Override
    public String toString() {
        // the password never reaches a log
        return "FtpSettings[server=" + server + ", port=" + port + ", user=" + user + ", passive=" + passive
                + ", secure=" + secureControl + "/" + secureData + ", profile=" + securityProfile + ", pdpCid=" + pdpCid + "]";
    }
}
