package io.ucell.simulator.files;

import io.ucell.simulator.model.Family;
import io.ucell.simulator.model.ModuleModel;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's flat file system (no directories). Files live in memory per {@link io.ucell.simulator.SimulatedModule}
 * instance and survive reboots, as flash does; they do not survive the process (like NVM without a file).
 * Thread safe: the AT commands, the FTP and HTTP clients and tests use it concurrently.
 *
 * <p>Names follow the u-blox AT manuals: 1 to {@value #MAX_NAME} characters, case sensitive, none of
 * {@code / \ : * ? " < > |} and no control characters. Capacity is per family (the simulator's choice, of the
 * order of the real modules' user file space).
 */
public final class ModuleFileSystem {
    /** Longest file name the module accepts. */
    public static final int MAX_NAME = 248;
    /** Characters the module refuses in a file name. */
    private static final String FORBIDDEN = "/\\:*?\"<>|";

    private final long capacity;
    private final Map<String, byte[]> files = new LinkedHashMap<>();
    private long used;

    public ModuleFileSystem(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.capacity = capacityBytes;
    }

    /** The file system of a model: 2 MB on SARA-R5 and LEXI-R520, 1 MB on the SARA-R42 family. */
    public static ModuleFileSystem forModel(ModuleModel model) {
        return new ModuleFileSystem(capacityOf(model));
    }

    public static long capacityOf(ModuleModel model) {
        return model.capabilities().family() == Family.SARA_R5 ? 2L * 1024 * 1024 : 1024L * 1024;
    }

    /** True for a name the module accepts. */
    public static boolean validName(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E || FORBIDDEN.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static void check(String name) {
        if (!validName(name)) {
            throw new IllegalArgumentException("invalid module file name: " + name);
        }
    }

    public long capacity() {
        return capacity;
    }

    /** Creates or replaces a file; {@link FileSystemFullException} when it does not fit (the old content stays). */
    public synchronized void write(String name, byte[] data) {
        check(name);
        byte[] old = files.get(name);
        long after = used - (old == null ? 0 : old.length) + data.length;
        if (after > capacity) {
            throw new FileSystemFullException(name, data.length, capacity - used);
        }
        files.put(name, data.clone());
        used = after;
    }

    /** Appends to a file, creating it if needed. */
    public synchronized void append(String name, byte[] data) {
        check(name);
        byte[] old = files.get(name);
        if (old == null) {
            write(name, data);
            return;
        }
        if (used + data.length > capacity) {
            throw new FileSystemFullException(name, data.length, capacity - used);
        }
        byte[] joined = Arrays.copyOf(old, old.length + data.length);
        System.arraycopy(data, 0, joined, old.length, data.length);
        files.put(name, joined);
        used += data.length;
    }

    public synchronized byte[] read(String name) throws NoSuchFileException {
        byte[] d = files.get(name);
        if (d == null) {
            throw new NoSuchFileException(name);
        }
        return d.clone();
    }

    /** Up to {@code length} bytes from {@code offset}; empty past the end. */
    public synchronized byte[] read(String name, long offset, int length) throws NoSuchFileException {
        byte[] d = files.get(name);
        if (d == null) {
            throw new NoSuchFileException(name);
        }
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative offset or length");
        }
        int from = (int) Math.min(offset, d.length);
        int to = (int) Math.min((long) from + length, d.length);
        return Arrays.copyOfRange(d, from, to);
    }

    public synchronized boolean exists(String name) {
        return files.containsKey(name);
    }

    public synchronized boolean delete(String name) {
        byte[] d = files.remove(name);
        if (d == null) {
            return false;
        }
        used -= d.length;
        return true;
    }

    /** Names in creation order. */
    public synchronized List<String> list() {
        return new ArrayList<>(files.keySet());
    }

    /** Size in bytes, or -1 when there is no such file. */
    public synchronized long size(String name) {
        byte[] d = files.get(name);
        return d == null ? -1 : d.length;
    }

    public synchronized long free() {
        return capacity - used;
    }

    /** Removes every file (the simulator's "format"; not an AT command). */
    public synchronized void clear() {
        files.clear();
        used = 0;
    }
}
