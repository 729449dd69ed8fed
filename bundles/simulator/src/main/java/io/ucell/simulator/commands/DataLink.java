package io.ucell.simulator.commands;

/**
 * The data phase of a command that answered CONNECT (FTP direct link, PPP dial-up): the UART carries raw bytes both ways
 * until the host sends the escape sequence (ATS2 character three times with the ATS12 guard times, section
 * 9.1.4) or the link hangs up by itself (NO CARRIER).
 */
public interface DataLink {

    /** What the link may do with the UART. */
    interface Port {
        /** Sends bytes to the host (paced by the UART like every answer); ignored once the link has ended. */
        void toHost(byte[] data);

        /** Ends the link from the module's side: NO CARRIER, then these URCs. */
        void hangUp(String... urcs);
    }

    /** Called once CONNECT has left the wire. */
    void start(Port port);

    /** One byte from the host that is not part of a valid escape sequence (runs on the receive thread). */
    void fromHost(int b);

    /** The host escaped: the answer after {@link #escapeText()} (normally OK, with URCs that report the outcome). */
    Response escaped();

    /**
     * What the module prints first when the host escapes: DISCONNECT for the FTP direct link (9.1.4), nothing
     * (null) for PPP, which goes to online command mode and just answers OK.
     */
    default String escapeText() {
        return "DISCONNECT";
    }

    /** The module rebooted or the link was dropped without an escape. */
    void abandon();
}
