package io.ucell.files;

import java.io.IOException;

/** A file operation the module refused or that failed on the way (the message says which and why). */
public class ModuleFileException extends IOException {
    private static final long serialVersionUID = 1L;

    public ModuleFileException(String message) {
        super(message);
    }

    public ModuleFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
