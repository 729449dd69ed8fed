package io.ucell.ftp.at;

import io.ucell.at.AtCommand;
import io.ucell.at.framing.AtLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** +UFTP and +UFTPC commands and their URCs (section 9). Strings go through the builders' quoting checks. */
public final class FtpAt {
    public static final int LOGOUT = 0;
    public static final int LOGIN = 1;
    public static final int DELETE = 2;
    public static final int RENAME = 3;
    public static final int RETRIEVE = 4;
    public static final int STORE = 5;
    public static final int DIRECT_RETRIEVE = 6;
    public static final int DIRECT_STORE = 7;
    public static final int CD = 8;
    public static final int MKDIR = 10;
    public static final int RMDIR = 11;
    public static final int LIST = 13;
    public static final int NLST = 14;

    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(10);

    private FtpAt() {
    }

    public static AtCommand set(int op, String value) {
        return AtCommand.set("+UFTP").param(op).param(value).timeout(CONFIG_TIMEOUT).build();
    }

    public static AtCommand setSecret(int op, String value) {
        return AtCommand.set("+UFTP").param(op).secret(value).timeout(CONFIG_TIMEOUT).build();
    }

    public static AtCommand set(int op, long... values) {
        AtCommand.Builder b = AtCommand.set("+UFTP").param(op);
        for (long v : values) {
            b.param(v);
        }
        return b.timeout(CONFIG_TIMEOUT).build();
    }

    /** +UFTPC=op[,"s1"[,"s2"]][,n] */
    public static AtCommand command(int op, List<String> strings, Long number) {
        AtCommand.Builder b = AtCommand.set("+UFTPC").param(op);
        for (String s : strings) {
            b.param(s);
        }
        if (number != null) {
            b.param(number);
        }
        return b.build();
    }

    public static AtCommand direct(int op, String remote, long offset) {
        AtCommand.Builder b = AtCommand.set("+UFTPC").param(op).param(remote);
        if (offset > 0) {
            b.param(offset);
        }
        return b.expectConnect().timeout(Duration.ofMinutes(3)).build();
    }

    public static AtCommand error() {
        return AtCommand.action("+UFTPER").build();
    }

    /** +UUFTPCR: op,result → [op, result], or null for another line. */
    public static int[] result(AtLine l) {
        if (!l.hasPrefix("+UUFTPCR") || l.paramCount() < 2) {
            return null;
        }
        try {
            return new int[] {l.intParam(0), l.intParam(1)};
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The data of +UUFTPCD: op,length,"data", or null when malformed. */
    public static byte[] data(AtLine l) {
        if (!l.hasPrefix("+UUFTPCD") || l.paramCount() < 3) {
            return null;
        }
        return l.bytesParam(2);
    }

    /** Listing data split into lines (CR LF or LF; blank lines dropped). */
    public static List<String> lines(byte[] data) {
        List<String> out = new ArrayList<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\r?\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }
}
