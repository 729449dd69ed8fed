package io.ucell.files.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtErrorException;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.files.ModuleFileException;
import io.ucell.files.ModuleFileNames;
import io.ucell.files.ModuleFileNotFoundException;
import io.ucell.files.ModuleFiles;
import io.ucell.files.TemporaryModuleFile;
import io.ucell.files.at.FileAt;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ModuleFiles} over the AT engine. Errors: the module's error codes for file system failures differ by
 * family, so after a refused read, delete or size query the file list tells whether the file was missing
 * ({@link ModuleFileNotFoundException}) or something else went wrong ({@link ModuleFileException} with the
 * module's result line).
 */
public final class AtModuleFiles implements ModuleFiles, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AtModuleFiles.class);
    /** Bytes per +URDBLOCK when streaming: big enough that the command overhead is small, small enough for memory. */
    public static final int DEFAULT_BLOCK = 16 * 1024;

    private final Supplier<AtEngine> engine;
    private final int blockSize;
    private final AtomicLong counter = new AtomicLong();
    /** Temporary names handed out and not yet deleted: removed on close, retried when a delete failed. */
    private final Set<String> temporaries = ConcurrentHashMap.newKeySet();

    public AtModuleFiles(Supplier<AtEngine> engine) {
        this(engine, DEFAULT_BLOCK);
    }

    public AtModuleFiles(Supplier<AtEngine> engine, int blockSize) {
        if (blockSize <= 0) {
            throw new IllegalArgumentException("block size must be positive");
        }
        this.engine = engine;
        this.blockSize = blockSize;
    }

    private AtResponse run(AtCommand c, String what) throws ModuleFileException {
        AtEngine e = engine.get();
        if (e == null) {
            throw new ModuleFileException(what + ": the modem service is not started");
        }
        try {
            return e.executeOk(c);
        } catch (AtErrorException ex) {
            throw new ModuleFileException(what + ": the module answered " + ex.result().line(), ex);
        } catch (AtException ex) {
            throw new ModuleFileException(what + ": " + ex.getMessage(), ex);
        }
    }

    /** After a refused command: missing file, or the original failure. */
    private ModuleFileException explain(String name, ModuleFileException failure) {
        try {
            if (!list().contains(name)) {
                return new ModuleFileNotFoundException(name);
            }
        } catch (ModuleFileException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }

    @Override
    public void upload(String name, byte[] data) throws ModuleFileException {
        ModuleFileNames.require(name);
        if (data.length == 0) {
            throw new IllegalArgumentException("+UDWNFILE cannot create an empty file");
        }
        if (exists(name)) {
            delete(name);
        }
        append(name, data);
    }

    @Override
    public void append(String name, byte[] data) throws ModuleFileException {
        ModuleFileNames.require(name);
        if (data.length == 0) {
            return;
        }
        run(FileAt.download(name, data), "writing " + data.length + " bytes to " + name);
    }

    @Override
    public byte[] read(String name) throws ModuleFileException {
        long size = size(name);
        try {
            return FileAt.data(run(FileAt.readFile(name, size), "reading " + name), "+URDFILE");
        } catch (IllegalArgumentException e) {
            throw new ModuleFileException("reading " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] readBlock(String name, long offset, int length) throws ModuleFileException {
        ModuleFileNames.require(name);
        if (offset < 0 || length <= 0) {
            throw new IllegalArgumentException("offset must be >= 0 and length > 0");
        }
        try {
            return FileAt.data(run(FileAt.readBlock(name, offset, length), "reading " + name), "+URDBLOCK");
        } catch (ModuleFileException e) {
            throw explain(name, e);
        } catch (IllegalArgumentException e) {
            throw new ModuleFileException("reading " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputStream open(String name) throws ModuleFileException {
        return new BlockStream(name, size(name), false);
    }

    @Override
    public boolean delete(String name) throws ModuleFileException {
        ModuleFileNames.require(name);
        try {
            run(FileAt.delete(name), "deleting " + name);
            temporaries.remove(name);
            return true;
        } catch (ModuleFileException e) {
            ModuleFileException why = explain(name, e);
            if (why instanceof ModuleFileNotFoundException) {
                temporaries.remove(name);
                return false;
            }
            throw why;
        }
    }

    @Override
    public List<String> list() throws ModuleFileException {
        return FileAt.names(run(FileAt.list(), "listing files"));
    }

    @Override
    public boolean exists(String name) throws ModuleFileException {
        ModuleFileNames.require(name);
        return list().contains(name);
    }

    @Override
    public long size(String name) throws ModuleFileException {
        ModuleFileNames.require(name);
        try {
            return FileAt.number(run(FileAt.size(name), "size of " + name));
        } catch (ModuleFileException e) {
            throw explain(name, e);
        } catch (IllegalArgumentException e) {
            throw new ModuleFileException("size of " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public long free() throws ModuleFileException {
        try {
            return FileAt.number(run(FileAt.free(), "free space"));
        } catch (IllegalArgumentException e) {
            throw new ModuleFileException("free space: " + e.getMessage(), e);
        }
    }

    @Override
    public TemporaryModuleFile createTemporary(String purpose) {
        String tag = purpose == null ? "" : purpose.replaceAll("[^A-Za-z0-9_-]", "");
        if (tag.length() > 32) {
            tag = tag.substring(0, 32);
        }
        String name = TEMPORARY_PREFIX + (tag.isEmpty() ? "" : tag + "-") + counter.incrementAndGet() + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36);
        temporaries.add(name);
        return new Temporary(name);
    }

    /** Temporary names not deleted yet. */
    public Set<String> pendingTemporaries() {
        return Set.copyOf(temporaries);
    }

    /** Deletes the temporary files this object created and still knows of; failures stay pending. */
    public void deleteTemporaries() {
        for (String name : Set.copyOf(temporaries)) {
            quietDelete(name);
        }
    }

    private void quietDelete(String name) {
        try {
            delete(name);
        } catch (ModuleFileException | RuntimeException e) {
            LOG.warn("temporary module file {} not deleted yet: {}", name, e.getMessage());
        }
    }

    @Override
    public void close() {
        deleteTemporaries();
    }

    private final class Temporary implements TemporaryModuleFile {
        private final String name;

        Temporary(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public InputStream openAndDelete() throws ModuleFileException {
            return new BlockStream(name, size(name), true);
        }

        @Override
        public void close() {
            if (temporaries.contains(name)) {
                quietDelete(name);
            }
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** Reads a file of known size block by block; optionally deletes it when closed. */
    private final class BlockStream extends InputStream {
        private final String name;
        private final long size;
        private final boolean deleteOnClose;
        private long position;
        private byte[] block = new byte[0];
        private int blockPos;
        private boolean closed;

        BlockStream(String name, long size, boolean deleteOnClose) {
            this.name = name;
            this.size = size;
            this.deleteOnClose = deleteOnClose;
        }

        private boolean fill() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (blockPos < block.length) {
                return true;
            }
            if (position >= size) {
                return false;
            }
            int want = (int) Math.min(blockSize, size - position);
            block = readBlock(name, position, want);
            blockPos = 0;
            if (block.length == 0) {
                throw new ModuleFileException(name + " ended at " + position + " bytes, expected " + size);
            }
            position += block.length;
            return true;
        }

        @Override
        public int read() throws IOException {
            return fill() ? block[blockPos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, block.length - blockPos);
            System.arraycopy(block, blockPos, b, off, n);
            blockPos += n;
            return n;
        }

        @Override
        public int available() {
            return block.length - blockPos;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (deleteOnClose) {
                quietDelete(name);
            }
        }
    }
}
