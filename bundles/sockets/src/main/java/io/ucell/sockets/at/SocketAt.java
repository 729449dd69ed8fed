package io.ucell.sockets.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Builds the socket commands of section 5 and reads their answers. Only numbers and checked strings go in. */
public final class SocketAt {
    /** Longest data of one +USOWR/+USOST/+USORD/+USORF, binary or base syntax. */
    public static final int MAX_DATA = 1024;
    /** Longest data of one command in hex mode (+UDCONF=1,1): 512 bytes as 1024 hex digits. */
    public static final int MAX_HEX_DATA = 512;
    public static final int TCP = 6;
    public static final int UDP = 17;
    public static final int LEVEL_IP = 0;
    public static final int LEVEL_TCP = 6;
    public static final int LEVEL_SOCKET = 65535;
    public static final int SO_KEEPALIVE = 8;
    public static final int SO_LINGER = 128;
    public static final int TCP_NODELAY = 1;
    /** +USOCTL parameters (section 5.8). */
    public static final int CTL_TYPE = 0;
    public static final int CTL_LAST_ERROR = 1;
    public static final int CTL_TCP_STATE = 10;
    public static final int CTL_UNACKED = 11;
    public static final int TCP_ESTABLISHED = 4;

    /**
     * Data commands answer as soon as the bytes are queued or read (ERROR at once when the queue is full,
     * 5.3.3), so a module that stays silent this long has lost the command (e.g. it rebooted).
     */
    public static final Duration DATA_TIMEOUT = Duration.ofSeconds(15);

    private SocketAt() {
    }

    public static AtCommand create(int protocol, int localPort) {
        AtCommand.Builder b = AtCommand.set("+USOCR").param(protocol);
        if (localPort > 0) {
            b.param(localPort);
        }
        return b.build();
    }

    public static AtCommand connect(int id, String host, int port, Duration timeout) {
        return AtCommand.set("+USOCO").param(id).param(host).param(port).timeout(timeout).build();
    }

    public static AtCommand listen(int id, int port) {
        return AtCommand.set("+USOLI").param(id).param(port).build();
    }

    /** +USOWR=s,n then n bytes after '@' (5.3.1). */
    public static AtCommand writeBinary(int id, byte[] data) {
        return AtCommand.set("+USOWR").param(id).param(data.length).binaryData(data).timeout(DATA_TIMEOUT).build();
    }

    /** +USOWR=s,n,"hex" (hex mode on). */
    public static AtCommand writeHex(int id, byte[] data) {
        return AtCommand.set("+USOWR").param(id).param(data.length).hex(data).timeout(DATA_TIMEOUT).build();
    }

    /** +USOWR=s,n,"text" (5.3.2, hex mode off); only for {@link #baseSyntaxAllowed} bytes. */
    public static AtCommand writeBase(int id, byte[] data) {
        return AtCommand.set("+USOWR").param(id).param(data.length)
                .param(new String(data, StandardCharsets.ISO_8859_1)).timeout(DATA_TIMEOUT).build();
    }

    public static AtCommand sendToBinary(int id, String ip, int port, byte[] data) {
        return AtCommand.set("+USOST").param(id).param(ip).param(port).param(data.length).binaryData(data).timeout(DATA_TIMEOUT).build();
    }

    public static AtCommand sendToHex(int id, String ip, int port, byte[] data) {
        return AtCommand.set("+USOST").param(id).param(ip).param(port).param(data.length).hex(data).timeout(DATA_TIMEOUT).build();
    }

    public static AtCommand sendToBase(int id, String ip, int port, byte[] data) {
        return AtCommand.set("+USOST").param(id).param(ip).param(port).param(data.length)
                .param(new String(data, StandardCharsets.ISO_8859_1)).timeout(DATA_TIMEOUT).build();
    }

    /** Printable ASCII without the quote and the backslash: what base syntax can carry. */
    public static boolean baseSyntaxAllowed(byte b) {
        return b >= 0x20 && b <= 0x7E && b != '"' && b != '\\';
    }

    public static AtCommand read(int id, int max) {
        return AtCommand.set("+USORD").param(id).param(max).timeout(DATA_TIMEOUT).build();
    }

    public static AtCommand readFrom(int id, int max) {
        return AtCommand.set("+USORF").param(id).param(max).timeout(DATA_TIMEOUT).build();
    }

    public static AtCommand control(int id, int param) {
        return AtCommand.set("+USOCTL").param(id).param(param).build();
    }

    public static AtCommand lastError() {
        return AtCommand.action("+USOER").build();
    }

    public static AtCommand setOption(int id, int level, int option, int value, Integer value2) {
        AtCommand.Builder b = AtCommand.set("+USOSO").param(id).param(level).param(option).param(value);
        if (value2 != null) {
            b.param(value2);
        }
        return b.build();
    }

    public static AtCommand getOption(int id, int level, int option) {
        return AtCommand.set("+USOGO").param(id).param(level).param(option).build();
    }

    public static AtCommand close(int id) {
        return AtCommand.set("+USOCL").param(id).build();
    }

    public static AtCommand secure(int id, int profile) {
        return AtCommand.set("+USOSEC").param(id).param(1).param(profile).build();
    }

    /** +UDCONF=1,0|1: socket data as raw bytes or as hex strings. */
    public static AtCommand setHexMode(boolean on) {
        return AtCommand.set("+UDCONF").param(1).param(on ? 1 : 0).build();
    }

    public static AtCommand readHexMode() {
        return AtCommand.set("+UDCONF").param(1).build();
    }

    /** The socket id of +USOCR: s[,port]. */
    public static int createdId(AtResponse r) {
        return r.require("+USOCR").intParam(0);
    }

    /** The byte count of +USOWR: s,n / +USOST: s,n. */
    public static int written(AtResponse r, String prefix) {
        return r.require(prefix).intParam(1);
    }

    /** Data of +USORD: s,n,"data" (hex digits in hex mode); empty for +USORD: s,0. */
    public static byte[] readData(AtResponse r, boolean hex) {
        AtLine l = r.require("+USORD");
        int n = l.intParam(1);
        if (n == 0 || l.paramCount() < 3) {
            return new byte[0];
        }
        return payload(l, 2, n, hex);
    }

    /** +USORF: s,"ip",port,n,"data"; null when nothing was there (+USORF: s,0). */
    public static Received readFromData(AtResponse r, boolean hex) {
        AtLine l = r.require("+USORF");
        if (l.paramCount() < 5) {
            return null;
        }
        int n = l.intParam(3);
        if (n == 0) {
            return null;
        }
        return new Received(l.param(1), l.intParam(2), payload(l, 4, n, hex));
    }

    /** One +USORF answer. */
    public record Received(String ip, int port, byte[] data) {
    }

    /**
     * The data parameter. A count that disagrees with the data fails in hex mode, and in binary mode when the data is
     * exactly 2n hex digits (the module is in hex mode and we did not know); otherwise the bytes between the quotes
     * are what was read: the app note's own 5.7 table answers "+USORF: 0,"195.34.89.241",7,2, "1234567890"" to a
     * read of 10 bytes.
     */
    private static byte[] payload(AtLine l, int index, int n, boolean hex) {
        String text = l.param(index);
        byte[] data = hex ? fromHex(text) : l.bytesParam(index);
        if (data.length != n && (hex || data.length == 2 * n && isHexDigits(text))) {
            throw new IllegalArgumentException("announced " + n + " bytes, got " + data.length + " in " + l.prefix());
        }
        return data;
    }

    private static boolean isHexDigits(String s) {
        return s.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    /** The value(s) of +USOGO: v[,v2]. */
    public static int[] optionValues(AtResponse r) {
        AtLine l = r.require("+USOGO");
        int[] v = new int[l.paramCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = l.intParam(i);
        }
        return v;
    }

    /** The value of +USOCTL: s,param,value. */
    public static int controlValue(AtResponse r) {
        return r.require("+USOCTL").intParam(2);
    }

    static byte[] fromHex(String s) {
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd hex string length " + s.length());
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not a hex string");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
