package io.ucell.simulator.coap;

import java.util.ArrayList;
import java.util.List;

/**
 * One CoAP profile: the current one that +UCOAP edits, or one of the 4 stored ones (section 8.2).
 * The option mask bits follow the +UCOAP=2 option numbers: 0 URI_HOST, 1 URI_PORT, 2 URI_PATH,
 * 3 URI_QUERY, 4 CONTENT_FORMAT.
 */
final class CoapProfile {
    static final int OPT_URI_HOST = 0;
    static final int OPT_URI_PORT = 1;
    static final int OPT_URI_PATH = 2;
    static final int OPT_URI_QUERY = 3;
    static final int OPT_CONTENT_FORMAT = 4;

    String uri = "";
    int optionMask;
    /** CoAP Content-Format number sent with PUT/POST when bit 4 is set (0 = text/plain). */
    int contentFormat;
    boolean nonConfirmable;
    boolean valid;
    int securityProfile;
    int rai;
    /** Internal PDP mapping (+UCOAP=20): -1 = default context. */
    int pdpCid = -1;
    int pdpIpType;
    /** The profile number last stored or restored (what "PROFILE_NUM" shows for the current profile). */
    int profileNumber;

    boolean option(int bit) {
        return (optionMask & (1 << bit)) != 0;
    }

    void setOption(int bit, boolean on) {
        optionMask = on ? optionMask | (1 << bit) : optionMask & ~(1 << bit);
    }

    CoapProfile copy() {
        CoapProfile p = new CoapProfile();
        p.uri = uri;
        p.optionMask = optionMask;
        p.contentFormat = contentFormat;
        p.nonConfirmable = nonConfirmable;
        p.valid = valid;
        p.securityProfile = securityProfile;
        p.rai = rai;
        p.pdpCid = pdpCid;
        p.pdpIpType = pdpIpType;
        p.profileNumber = profileNumber;
        return p;
    }

    /** NVM form: the numbers first, the URI (which may hold commas) last. */
    String encode() {
        return optionMask + "," + contentFormat + "," + (nonConfirmable ? 1 : 0) + "," + (valid ? 1 : 0) + ","
                + securityProfile + "," + rai + "," + pdpCid + "," + pdpIpType + "," + uri;
    }

    static CoapProfile decode(String s, int number) {
        String[] f = s.split(",", 9);
        CoapProfile p = new CoapProfile();
        p.optionMask = Integer.parseInt(f[0]);
        p.contentFormat = Integer.parseInt(f[1]);
        p.nonConfirmable = f[2].equals("1");
        p.valid = f[3].equals("1");
        p.securityProfile = Integer.parseInt(f[4]);
        p.rai = Integer.parseInt(f[5]);
        p.pdpCid = Integer.parseInt(f[6]);
        p.pdpIpType = Integer.parseInt(f[7]);
        p.uri = f[8];
        p.profileNumber = number;
        return p;
    }

    /**
     * The listing lines of section 8.2.2. The spec's two tables spell three keys differently (+UCOAP=7:
     * "OPT_MASK", "PROFILE_NUM", "STATUS_FLAG"; AT+UCOAP?: "OPT MASK", "PROFILE NUM", "STATUS FLAG"); the
     * simulator answers each command as its table shows.
     */
    List<String> describe(boolean underscores) {
        String sep = underscores ? "_" : " ";
        List<String> out = new ArrayList<>();
        out.add("+UCOAP: \"URI_STR\",\"" + uri + "\"");
        out.add("+UCOAP: \"OPT" + sep + "MASK\"," + optionMask);
        out.add("+UCOAP: \"PROFILE" + sep + "NUM\"," + profileNumber);
        out.add("+UCOAP: \"STATUS" + sep + "FLAG\"," + (valid ? 1 : 0));
        out.add("+UCOAP: \"USECMNG PROFILE\"," + securityProfile);
        out.add("+UCOAP: \"RAI FLAG\"," + rai);
        return out;
    }
}
