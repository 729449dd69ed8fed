package io.ucell.files;

import java.io.InputStream;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The module's flat file system through +UDWNFILE, +URDFILE, +URDBLOCK, +UDELFILE and +ULSTFILE. Names are
 * checked with {@link ModuleFileNames} before any AT command is sent ({@link IllegalArgumentException}).
 */
@ProviderType
public interface ModuleFiles {
    /** Prefix of the names {@link #createTemporary(String)} hands out. */
    String TEMPORARY_PREFIX = "ucell-tmp-";

    /** Creates or replaces a file (an existing one is deleted first: +UDWNFILE appends on some modules). */
    void upload(String name, byte[] data) throws ModuleFileException;

    /** Appends to a file, creating it when missing (+UDWNFILE on an existing file). */
    void append(String name, byte[] data) throws ModuleFileException;

    /** The whole file in one +URDFILE. */
    byte[] read(String name) throws ModuleFileException;

    /** Up to {@code length} bytes from {@code offset} (+URDBLOCK); fewer at the end, none past it. */
    byte[] readBlock(String name, long offset, int length) throws ModuleFileException;

    /** Streams a file in +URDBLOCK blocks, so large files never sit whole in memory. */
    InputStream open(String name) throws ModuleFileException;

    /** @return false when there was no such file */
    boolean delete(String name) throws ModuleFileException;

    /** File names (+ULSTFILE=0). */
    List<String> list() throws ModuleFileException;

    boolean exists(String name) throws ModuleFileException;

    /** Size in bytes (+ULSTFILE=2). */
    long size(String name) throws ModuleFileException;

    /** Free bytes (+ULSTFILE=1). */
    long free() throws ModuleFileException;

    /** Reserves a unique name for a file the caller lets the module write; close() deletes it. */
    TemporaryModuleFile createTemporary(String purpose);
}
