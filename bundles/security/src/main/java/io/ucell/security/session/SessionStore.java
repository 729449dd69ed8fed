package io.ucell.security.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.kura.crypto.CryptoService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session data of the module's security profiles, on disk so it outlives the module's reboots and PSM
 * (the module keeps none, section 3.4) and the gateway's restarts. With Kura's CryptoService the file holds
 * only its AES encryption; without one (the standalone runtime) it is written in clear, readable by the owner
 * only. One file per profile number.
 */
public final class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final String ENCRYPTED = "aes:";
    private static final String CLEAR = "clear:";

    /**
     * Stored session data.
     *
     * @param type   session resumption type the module reported (op 13,1)
     * @param sub    2 (session id and master secret) or 12 (data the module encrypted, and its size)
     * @param values the URC's values after the sub code
     */
    public record Session(int type, int sub, List<String> values) {
        public Session {
            values = List.copyOf(values);
        }
    }

    private final Path dir;
    private final Supplier<CryptoService> crypto;

    public SessionStore(Path dir, Supplier<CryptoService> crypto) {
        this.dir = dir;
        this.crypto = crypto;
    }

    private Path file(int profile) {
        return dir.resolve("session-" + profile + ".dat");
    }

    public synchronized void save(int profile, Session s) {
        String clear = s.type() + "\n" + s.sub() + "\n" + String.join("\n", s.values());
        String text;
        CryptoService c = crypto.get();
        try {
            if (c != null) {
                text = ENCRYPTED + new String(c.encryptAes(clear.toCharArray()));
            } else {
                text = CLEAR + clear;
            }
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".session", ".tmp");
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // not a POSIX file system
            }
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            Files.move(tmp, file(profile), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Exception e) {
            // never log the data itself
            LOG.warn("session data of profile {} not stored: {}", profile, e.getClass().getSimpleName());
        }
    }

    /** The stored session, or null (none, unreadable, or encrypted with a key this gateway no longer has). */
    public synchronized Session load(int profile) {
        Path f = file(profile);
        if (!Files.isReadable(f)) {
            return null;
        }
        try {
            String text = Files.readString(f, StandardCharsets.UTF_8);
            String clear;
            if (text.startsWith(ENCRYPTED)) {
                CryptoService c = crypto.get();
                if (c == null) {
                    LOG.warn("session data of profile {} is encrypted and no CryptoService is there", profile);
                    return null;
                }
                clear = new String(c.decryptAes(text.substring(ENCRYPTED.length()).toCharArray()));
            } else if (text.startsWith(CLEAR)) {
                clear = text.substring(CLEAR.length());
            } else {
                return null;
            }
            List<String> lines = new ArrayList<>(Arrays.asList(clear.split("\n")));
            int type = Integer.parseInt(lines.remove(0).trim());
            int sub = Integer.parseInt(lines.remove(0).trim());
            return new Session(type, sub, lines);
        } catch (Exception e) {
            LOG.warn("session data of profile {} unreadable: {}", profile, e.getClass().getSimpleName());
            return null;
        }
    }

    public synchronized void delete(int profile) {
        try {
            Files.deleteIfExists(file(profile));
        } catch (IOException e) {
            LOG.debug("session file of profile {} not deleted: {}", profile, e.toString());
        }
    }
}
