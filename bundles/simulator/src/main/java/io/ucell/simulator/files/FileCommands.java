package io.ucell.simulator.files;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.BadParameterException;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The file system commands of the u-blox AT manuals (used in sections 3.1 and 10.2 of the app note):
 * <ul>
 * <li>+UDWNFILE="name",size[,"tag"]: the '>' prompt, then exactly {@code size} bytes (any value, no
 * terminator, no 50 ms guard); an existing file is appended to, as on SARA-R5/R4;</li>
 * <li>+URDFILE="name"[,"tag"]: {@code +URDFILE: "name",size,"<size raw bytes>"};</li>
 * <li>+URDBLOCK="name",offset,size: {@code +URDBLOCK: "name",n,"<n raw bytes>"} (n is what exists);</li>
 * <li>+UDELFILE="name"[,"tag"];</li>
 * <li>+ULSTFILE[=0]: {@code +ULSTFILE: "a","b"}; =1 free bytes; =2,"name" the file's size.</li>
 * </ul>
 * Errors (numeric codes are the 27.007 ones, the simulator's choice): no such file 22 "not found", no room
 * 20 "memory full", bad name or parameter 50. Only the "USER" tag is accepted.
 */
public final class FileCommands {
    private static final String USER_TAG = "USER";

    private FileCommands() {
    }

    public static void register(CommandRegistry r) {
        r.register("+UDWNFILE", FileCommands::udwnfile);
        r.register("+URDFILE", FileCommands::urdfile);
        r.register("+URDBLOCK", FileCommands::urdblock);
        r.register("+UDELFILE", FileCommands::udelfile);
        r.register("+ULSTFILE", FileCommands::ulstfile);
    }

    private static String name(AtCommand c) {
        return name(c, 0);
    }

    private static String name(AtCommand c, int i) {
        String n = c.strParam(i);
        if (!ModuleFileSystem.validName(n)) {
            throw new BadParameterException("invalid file name");
        }
        return n;
    }

    private static void tag(AtCommand c, int i) {
        if (c.has(i) && !c.strParam(i).toUpperCase(Locale.ROOT).equals(USER_TAG)) {
            throw new BadParameterException("unsupported tag");
        }
    }

    private static String quoted(String name) {
        return "\"" + name + "\"";
    }

    private static Response udwnfile(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        String name = name(c);
        int size = c.intParam(1, 1, Integer.MAX_VALUE);
        tag(c, 2);
        ModuleFileSystem fs = m.files();
        if (size > fs.free()) {
            return Response.cme(CmeError.MEMORY_FULL);
        }
        return Response.countedPrompt('>', size, data -> {
            try {
                fs.append(name, data);
                return Response.ok();
            } catch (FileSystemFullException e) {
                return Response.cme(CmeError.MEMORY_FULL);
            }
        });
    }

    private static Response urdfile(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        String name = name(c);
        tag(c, 1);
        try {
            return Response.ok(dataLine("+URDFILE", name, m.files().read(name)));
        } catch (NoSuchFileException e) {
            return Response.cme(CmeError.NOT_FOUND);
        }
    }

    private static Response urdblock(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        String name = name(c);
        int offset = c.intParam(1, 0, Integer.MAX_VALUE);
        int size = c.intParam(2, 1, Integer.MAX_VALUE);
        try {
            return Response.ok(dataLine("+URDBLOCK", name, m.files().read(name, offset, size)));
        } catch (NoSuchFileException e) {
            return Response.cme(CmeError.NOT_FOUND);
        }
    }

    /** The raw bytes between quotes: ISO-8859-1 maps each byte to one char and back unchanged. */
    private static String dataLine(String prefix, String name, byte[] data) {
        return prefix + ": " + quoted(name) + "," + data.length + ",\""
                + new String(data, StandardCharsets.ISO_8859_1) + "\"";
    }

    private static Response udelfile(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        String name = name(c);
        tag(c, 1);
        return m.files().delete(name) ? Response.ok() : Response.cme(CmeError.NOT_FOUND);
    }

    private static Response ulstfile(AtCommand c, ModuleContext m) {
        ModuleFileSystem fs = m.files();
        switch (c.kind()) {
            case TEST:
                return Response.ok("+ULSTFILE: (0-2)");
            case ACTION:
                return list(fs);
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0, 0, 2);
        switch (op) {
            case 0:
                return list(fs);
            case 1:
                return Response.ok("+ULSTFILE: " + fs.free());
            default:
                String name = name(c, 1);
                long size = fs.size(name);
                return size < 0 ? Response.cme(CmeError.NOT_FOUND) : Response.ok("+ULSTFILE: " + size);
        }
    }

    private static Response list(ModuleFileSystem fs) {
        List<String> names = fs.list();
        if (names.isEmpty()) {
            return Response.ok("+ULSTFILE: ");
        }
        return Response.ok("+ULSTFILE: " + names.stream().map(FileCommands::quoted).collect(Collectors.joining(",")));
    }
}
