package io.ucell.files.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import io.ucell.files.ModuleFileNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the file system commands and reads their answers. Accepts both the quoted file name of the AT
 * manuals ({@code +URDFILE: "a.txt",3,"abc"}) and the unquoted one of the app note's example (10.2).
 */
public final class FileAt {
    /**
     * Time allowed per byte on the wire: 9600 baud moves about 960 bytes a second; a generous bound so a slow
     * UART does not time out a large file, while a lost answer is still noticed.
     */
    private static final long NANOS_PER_BYTE = 1_000_000_000L / 900;
    private static final Duration BASE = Duration.ofSeconds(10);

    private FileAt() {
    }

    /** Timeout of a command moving {@code bytes} bytes over the UART. */
    public static Duration transferTimeout(long bytes) {
        return BASE.plusNanos(Math.max(0, bytes) * NANOS_PER_BYTE);
    }

    public static AtCommand download(String name, byte[] data) {
        return AtCommand.set("+UDWNFILE").param(ModuleFileNames.require(name)).param(data.length)
                .promptData(data, new byte[0]).timeout(BASE.plus(transferTimeout(data.length))).build();
    }

    public static AtCommand readFile(String name, long expectedSize) {
        return AtCommand.set("+URDFILE").param(ModuleFileNames.require(name)).timeout(transferTimeout(expectedSize))
                .build();
    }

    public static AtCommand readBlock(String name, long offset, int length) {
        return AtCommand.set("+URDBLOCK").param(ModuleFileNames.require(name)).param(offset).param(length)
                .timeout(transferTimeout(length)).build();
    }

    public static AtCommand delete(String name) {
        return AtCommand.set("+UDELFILE").param(ModuleFileNames.require(name)).build();
    }

    public static AtCommand list() {
        return AtCommand.set("+ULSTFILE").param(0).build();
    }

    public static AtCommand free() {
        return AtCommand.set("+ULSTFILE").param(1).build();
    }

    public static AtCommand size(String name) {
        return AtCommand.set("+ULSTFILE").param(2).param(ModuleFileNames.require(name)).build();
    }

    /** The data of a +URDFILE or +URDBLOCK answer, checked against its byte count. */
    public static byte[] data(AtResponse r, String prefix) {
        AtLine line = r.require(prefix);
        if (line.paramCount() < 3) {
            throw new IllegalArgumentException("unexpected answer: " + line);
        }
        int count = line.intParam(1);
        byte[] data = line.bytesParam(2);
        if (data.length != count) {
            throw new IllegalArgumentException(prefix + " announced " + count + " bytes but carried " + data.length);
        }
        return data;
    }

    /** Names of a +ULSTFILE=0 answer (one or several lines; an empty list may have no line or an empty one). */
    public static List<String> names(AtResponse r) {
        List<String> names = new ArrayList<>();
        for (AtLine l : r.all("+ULSTFILE")) {
            for (String p : l.params()) {
                String n = p.trim();
                if (!n.isEmpty()) {
                    names.add(n);
                }
            }
        }
        return names;
    }

    /** The number of a +ULSTFILE=1 or =2 answer. */
    public static long number(AtResponse r) {
        String v = r.require("+ULSTFILE").param(0).trim();
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("+ULSTFILE answered '" + v + "', not a number", e);
        }
    }
}
