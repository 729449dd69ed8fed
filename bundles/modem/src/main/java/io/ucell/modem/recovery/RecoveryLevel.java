package io.ucell.modem.recovery;

/** How much to redo, from the least to the most. */
public enum RecoveryLevel {
    /** The context went down: activate it again (+UPSDA / +CGACT per family). */
    REACTIVATE,
    /** Registration was lost: wait for it again, then activate. */
    REATTACH,
    /** The module rebooted, hung or the link dropped: synchronise and bring everything up again. */
    REINIT;

    public RecoveryLevel max(RecoveryLevel other) {
        return other == null || other.ordinal() < ordinal() ? this : other;
    }
}
