package io.ucell.simulator.sockets;

/** BSD errno values reported by +USOER and +USOCTL=s,1 (the numbers the u-blox manuals list). */
public final class SocketErrors {
    public static final int NONE = 0;
    public static final int EBADF = 9;
    public static final int EAGAIN = 11;
    public static final int EINVAL = 22;
    public static final int EADDRINUSE = 98;
    public static final int ECONNRESET = 104;
    public static final int EISCONN = 106;
    public static final int ENOTCONN = 107;
    public static final int ETIMEDOUT = 110;
    public static final int ECONNREFUSED = 111;
    public static final int EHOSTUNREACH = 113;
    /** No free socket id (ENFILE-like; the module's limit of 7 sockets). */
    public static final int EMFILE = 24;

    private SocketErrors() {
    }
}
