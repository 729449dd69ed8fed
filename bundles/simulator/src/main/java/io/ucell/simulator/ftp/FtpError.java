package io.ucell.simulator.ftp;

/**
 * The +UFTPER error class and code. The spec gives two pairs (1,1 "user missing", 8,63 "cannot set secure
 * socket"); the others are the simulator's choice: class 1 carries the FTP server's reply code (530, 550...),
 * class 8 wrong API usage, class 10 a TCP/IP failure (BSD errno), class 12 DNS.
 */
public record FtpError(int errorClass, int code) {
    public static final FtpError NONE = new FtpError(0, 0);
    public static final FtpError USER_MISSING = new FtpError(1, 1);
    public static final FtpError NOT_CONNECTED = new FtpError(8, 10);
    public static final FtpError BUSY = new FtpError(8, 11);
    public static final FtpError ALREADY_CONNECTED = new FtpError(8, 12);
    public static final FtpError LOCAL_FILE_MISSING = new FtpError(8, 20);
    public static final FtpError LOCAL_FILE_SYSTEM_FULL = new FtpError(8, 21);
    public static final FtpError SERVER_MISSING = new FtpError(8, 22);
    public static final FtpError NO_CONTEXT = new FtpError(8, 23);
    public static final FtpError SECURE_SOCKET = new FtpError(8, 63);
    public static final FtpError CONNECTION_REFUSED = new FtpError(10, 111);
    public static final FtpError TIMED_OUT = new FtpError(10, 110);
    public static final FtpError CONNECTION_LOST = new FtpError(10, 104);
    public static final FtpError HOST_NOT_RESOLVED = new FtpError(12, 8);

    /** The server refused with this reply code. */
    public static FtpError server(int replyCode) {
        return new FtpError(1, replyCode);
    }
}
