package io.ucell.simulator.http;

/**
 * +UHTTPER: &lt;profile&gt;,&lt;error class&gt;,&lt;error code&gt;. The app note shows only "0,0 no error"
 * (section 10.3) and refers to the AT manual; the simulator uses class 3 (HTTP) with the numbering of the u-blox
 * HTTP error table as far as it is known, class 4 for the module's file system, class 10 for wrong API usage.
 */
public enum HttpError {
    NONE(0, 0, "no error"),
    INVALID_PROFILE(3, 1, "invalid profile id"),
    INVALID_INPUT(3, 2, "invalid input"),
    HOSTNAME_TOO_LONG(3, 3, "server hostname too long"),
    INVALID_HOSTNAME(3, 4, "invalid server hostname"),
    INVALID_IP(3, 5, "invalid server IP address"),
    INVALID_AUTH(3, 6, "invalid authorization method"),
    SERVER_MISSING(3, 7, "server missing"),
    USERNAME_TOO_LONG(3, 8, "username length exceeded"),
    PASSWORD_TOO_LONG(3, 9, "password length exceeded"),
    CONNECTION(3, 11, "server connection error"),
    REQUEST(3, 12, "error occurred in HTTP request"),
    POST_DATA_SIZE(3, 15, "invalid POST data size"),
    EMPTY_FILE_NAME(3, 16, "empty or invalid file name"),
    FILE_LENGTH(3, 17, "invalid file length (file missing)"),
    CONTENT_TYPE(3, 18, "invalid content-type specified"),
    NO_PDP(3, 22, "PSD or CSD connection not established"),
    DNS(3, 23, "server hostname lookup failed"),
    TIMEOUT(3, 26, "connection timed out"),
    BUSY(3, 27, "a request is in progress on this profile"),
    SECURE_CONNECT(3, 73, "secure socket connect error"),
    FILE_SYSTEM(4, 1, "file system error (file not written, memory full)"),
    API_USAGE(10, 1, "wrong HTTP API usage");

    public final int errorClass;
    public final int code;
    public final String text;

    HttpError(int errorClass, int code, String text) {
        this.errorClass = errorClass;
        this.code = code;
        this.text = text;
    }

    String line(int profile) {
        return "+UHTTPER: " + profile + "," + errorClass + "," + code;
    }
}
