package io.ucell.simulator.files;

/** A write that does not fit in the module's free space; nothing was written. */
public final class FileSystemFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public FileSystemFullException(String name, long wanted, long free) {
        super("file system full: " + wanted + " bytes for " + name + ", " + free + " free");
    }
}
