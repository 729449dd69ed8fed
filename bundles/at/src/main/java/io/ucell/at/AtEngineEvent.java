package io.ucell.at;

/** Something that happened to the link to the module, for the layers above (recovery). */
public record AtEngineEvent(Type type, String detail) {

    public enum Type {
        /** The transport opened (first time or after {@link AtEngine#reopen()}). */
        TRANSPORT_UP,
        /** The transport failed or closed (USB re-enumeration, TCP reset); commands fail until it is reopened. */
        TRANSPORT_DOWN,
        /** Several commands in a row got no answer: the module may have hung or rebooted. */
        UNRESPONSIVE,
        /** A command got an answer again after {@link #UNRESPONSIVE}. */
        RESPONSIVE
    }
}
