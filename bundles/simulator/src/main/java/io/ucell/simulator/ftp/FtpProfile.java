package io.ucell.simulator.ftp;

/** The +UFTP settings of the current boot (factory values after a reboot). */
final class FtpProfile {
    static final int MAX_SERVER = 128;
    static final int MAX_CREDENTIAL = 30;

    String serverIp = "";
    String serverName = "";
    /** Which of the two was set last (the module connects to that one). */
    boolean byName;
    String user = "";
    String password = "";
    String account = "";
    /** Inactivity timeout (s); 0 none. */
    int timeout = 30;
    int lingerCmd = 60;
    int lingerData = 60;
    boolean passive;
    int port = 21;
    boolean secureControl;
    int securityProfile;
    boolean secureData;
    int pdpCid = -1;
    int pdpIpType;

    String server() {
        return byName ? serverName : serverIp;
    }
}
