package io.ucell.ftp;

/** Progress of a transfer; called on the caller's thread, so it must be quick. */
@FunctionalInterface
public interface FtpProgress {
    /** Where the bytes are going. */
    enum Stage {
        /** From the caller into a module file (+UDWNFILE). */
        TO_MODULE,
        /** Between the module file system and the server (+UFTPC=4/5); reported when the module says done. */
        SERVER,
        /** From a module file to the caller (+URDBLOCK). */
        FROM_MODULE,
        /** Through the UART in direct link mode (+UFTPC=6/7). */
        DIRECT
    }

    FtpProgress NONE = (stage, done, total) -> { };

    /** @param total bytes expected, -1 when unknown */
    void update(Stage stage, long done, long total);
}
