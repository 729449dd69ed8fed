package io.ucell.coap;

/**
 * What a request carries besides method, URI and payload: which URI parts go into options (the +UCOAP=2
 * option mask), the Content-Format of PUT/POST, CON or NON, the (D)TLS security profile and the RAI flag.
 *
 * @param uriHost          send Uri-Host
 * @param uriPort          send Uri-Port
 * @param uriPath          send Uri-Path
 * @param uriQuery         send Uri-Query
 * @param contentFormat    CoAP Content-Format number for PUT/POST (0 text/plain, 42 octet-stream, 50 json...),
 *                         -1 for none
 * @param confirmable      CON (true) or NON
 * @param securityProfile  +USECMNG security profile (0-4) used by coaps:// and coaps+tcp:// URIs
 * @param rai              Release Assistance Indication: 0 none, 1 no further data, 2 one downlink expected
 */
public record CoapOptions(boolean uriHost, boolean uriPort, boolean uriPath, boolean uriQuery, int contentFormat,
        boolean confirmable, int securityProfile, int rai) {

    public static final int NO_CONTENT_FORMAT = -1;
    public static final int TEXT_PLAIN = 0;
    public static final int OCTET_STREAM = 42;
    public static final int JSON = 50;

    public CoapOptions {
        if (contentFormat < -1 || contentFormat > 65535) {
            throw new IllegalArgumentException("content format must be -1 (none) or 0-65535, not " + contentFormat);
        }
        if (securityProfile < 0 || securityProfile > 4) {
            throw new IllegalArgumentException("security profile must be 0-4, not " + securityProfile);
        }
        if (rai < 0 || rai > 2) {
            throw new IllegalArgumentException("RAI flag must be 0-2, not " + rai);
        }
    }

    /** Every URI part as an option, text/plain, confirmable, security profile 0, no RAI. */
    public static CoapOptions defaults() {
        return new CoapOptions(true, true, true, true, TEXT_PLAIN, true, 0, 0);
    }

    public CoapOptions withContentFormat(int cf) {
        return new CoapOptions(uriHost, uriPort, uriPath, uriQuery, cf, confirmable, securityProfile, rai);
    }

    public CoapOptions withConfirmable(boolean con) {
        return new CoapOptions(uriHost, uriPort, uriPath, uriQuery, contentFormat, con, securityProfile, rai);
    }

    public CoapOptions withSecurityProfile(int profile) {
        return new CoapOptions(uriHost, uriPort, uriPath, uriQuery, contentFormat, confirmable, profile, rai);
    }

    public CoapOptions withRai(int flag) {
        return new CoapOptions(uriHost, uriPort, uriPath, uriQuery, contentFormat, confirmable, securityProfile, flag);
    }

    public CoapOptions withUriParts(boolean host, boolean port, boolean path, boolean query) {
        return new CoapOptions(host, port, path, query, contentFormat, confirmable, securityProfile, rai);
    }
}
