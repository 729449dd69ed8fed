package io.ucell.simulator.nvm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The module's non-volatile memory: a Properties file when one is configured (so it survives a new
 * simulator process), otherwise memory that survives only reboots of this simulator object. Every write is
 * flushed at once, as the module commits NVM settings when the command completes.
 */
public final class Nvm {
    private final Path file;
    private final Properties props = new Properties();

    public Nvm(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                props.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read NVM file " + file, e);
            }
        }
    }

    public synchronized String get(String key) {
        return props.getProperty(key);
    }

    public synchronized String get(String key, String dflt) {
        return props.getProperty(key, dflt);
    }

    public synchronized void put(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
        save();
    }

    public synchronized void remove(String key) {
        props.remove(key);
        save();
    }

    public synchronized Properties snapshot() {
        Properties p = new Properties();
        p.putAll(props);
        return p;
    }

    private void save() {
        if (file == null) {
            return;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Path tmp = Files.createTempFile(parent, ".nvm", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                props.store(out, "ucell simulated module NVM");
            }
            // atomic replace so a crash never leaves half a file
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write NVM file " + file, e);
        }
    }
}
