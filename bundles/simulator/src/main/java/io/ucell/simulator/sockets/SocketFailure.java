package io.ucell.simulator.sockets;

/**
 * A socket operation failed; the command answers ERROR. {@code socketFreed} says the failure also closed the
 * socket (a failed +USOCO), so the command must follow its ERROR with +UUSOCL.
 */
public final class SocketFailure extends Exception {
    private static final long serialVersionUID = 1L;
    private final int errno;
    private final boolean socketFreed;

    SocketFailure(int errno, boolean socketFreed) {
        super("errno " + errno, null, false, false);
        this.errno = errno;
        this.socketFreed = socketFreed;
    }

    public int errno() {
        return errno;
    }

    public boolean socketFreed() {
        return socketFreed;
    }
}
