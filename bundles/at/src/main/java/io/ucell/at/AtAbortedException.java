package io.ucell.at;

/** The command was aborted, by the caller or by the module (ABORTED). */
public class AtAbortedException extends AtException {
    private static final long serialVersionUID = 1L;

    public AtAbortedException(String message) {
        super(message);
    }
}
