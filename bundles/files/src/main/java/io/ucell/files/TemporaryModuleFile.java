package io.ucell.files;

import java.io.InputStream;

/**
 * A module file name reserved for one operation (an HTTP response, an FTP download): close() deletes the
 * file if it exists. Names start with {@link ModuleFiles#TEMPORARY_PREFIX}.
 */
public interface TemporaryModuleFile extends AutoCloseable {
    String name();

    /**
     * Streams the file; closing the stream also deletes the file.
     *
     * @throws ModuleFileException the file does not exist or cannot be read
     */
    InputStream openAndDelete() throws ModuleFileException;

    /** Deletes the file if it exists; never throws (a failure is logged and retried by the service later). */
    @Override
    void close();
}
