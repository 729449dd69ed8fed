package io.ucell.http.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import java.io.ByteArrayOutputStream;
import java.time.Duration;

/**
 * The few module file operations HTTP needs, straight over AT: write (+UDELFILE then +UDWNFILE, which appends
 * to an existing file), read in blocks (+URDBLOCK) and delete. A stand-in for the file system bundle's service,
 * which can take its place once it exists.
 */
public final class ModuleFileAccess {
    /** Bytes per +URDBLOCK read. */
    static final int BLOCK = 16 * 1024;
    private static final Duration SHORT = Duration.ofSeconds(10);

    private final AtEngine at;

    public ModuleFileAccess(AtEngine at) {
        this.at = at;
    }

    /** The time a transfer of n bytes may take: 10 s plus 5 kB/s (slower than 57600 baud). */
    static Duration transferTimeout(long bytes) {
        return Duration.ofSeconds(10 + bytes / 5000);
    }

    /** Creates or replaces a file. */
    public AtResponse write(String name, byte[] content) {
        delete(name);
        return at.execute(AtCommand.set("+UDWNFILE").param(name).param(content.length)
                .promptData(content, new byte[0]).timeout(transferTimeout(content.length)).build());
    }

    /** The whole file, read block by block; null when the module cannot read it (no such file). */
    public byte[] read(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long offset = 0;
        while (true) {
            AtResponse r = at.execute(AtCommand.set("+URDBLOCK").param(name).param(offset).param(BLOCK)
                    .timeout(transferTimeout(BLOCK)).build());
            if (!r.isOk()) {
                return offset == 0 ? null : out.toByteArray();
            }
            AtLine line = r.line("+URDBLOCK").orElse(null);
            if (line == null || line.paramCount() < 3) {
                return offset == 0 ? null : out.toByteArray();
            }
            byte[] data = line.bytesParam(2);
            out.writeBytes(data);
            offset += data.length;
            if (data.length < BLOCK) {
                return out.toByteArray();
            }
        }
    }

    /** Removes a file; false when the module refused (e.g. no such file). */
    public boolean delete(String name) {
        return at.execute(AtCommand.set("+UDELFILE").param(name).timeout(SHORT).build()).isOk();
    }
}
