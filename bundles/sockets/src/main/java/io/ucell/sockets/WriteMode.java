package io.ucell.sockets;

/** How socket data goes to the module (+USOWR/+USOST). */
public enum WriteMode {
    /** Per write the fastest of binary, hex and base syntax at the link's baud rate. */
    AUTO,
    /** Always the '@' prompt (50 ms wait, up to 1024 bytes a command). */
    BINARY,
    /** Always hex strings (+UDCONF=1,1; up to 512 bytes a command, no wait). */
    HEX
}
