package io.ucell.sockets;

import java.io.IOException;

/** A socket operation the module refused or a socket the module lost; {@link #errno()} is +USOER's code when known. */
public class ModuleSocketException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int errno;

    public ModuleSocketException(String message, int errno) {
        super(errno > 0 ? message + " (socket error " + errno + ")" : message);
        this.errno = errno;
    }

    public ModuleSocketException(String message, Throwable cause) {
        super(message, cause);
        this.errno = 0;
    }

    /** The module's BSD error code (+USOER / +USOCTL=s,1), 0 when unknown. */
    public int errno() {
        return errno;
    }
}
