package io.ucell.ppp;

/** Why a PPP link ended. */
public enum LinkEnd {
    /** {@link PppLink#hangUp()} ended it ("+++", then ATH in online command mode, or NO CARRIER). */
    HUNG_UP,
    /**
     * The module sent NO CARRIER on its own: the DTE's PPP stack sent an LCP Terminate-Request (the module
     * answered Terminate-Ack), or the network dropped the context.
     */
    NO_CARRIER,
    /** The link to the module went down (USB re-enumeration, TCP reset) or the AT engine was closed. */
    TRANSPORT_DOWN
}
