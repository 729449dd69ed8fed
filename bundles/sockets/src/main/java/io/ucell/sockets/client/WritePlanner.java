package io.ucell.sockets.client;

import io.ucell.sockets.WriteMode;
import io.ucell.sockets.at.SocketAt;

/**
 * Chooses, per command, how the next bytes go to the module so they leave the UART soonest: binary after
 * '@' (up to 1024 bytes, but the module needs 50 ms after the prompt), hex strings (up to 512 bytes, two
 * characters a byte, no wait) or base syntax (up to 1024 printable bytes, one character a byte, no wait).
 * Hex and base syntax share the +UDCONF=1 switch, which costs one more command to flip.
 *
 * <p>The cost of a command is its bytes on the wire at 10 bits a byte (command, data, answer), the command
 * gap the module asks for and the 50 ms prompt guard for binary. Each step takes the choice with the best
 * bytes-per-second; with the numbers of a SARA-R5 that is hex below about 570 bytes and binary above at
 * 115200 baud, and hex for everything at 921600 (where the 50 ms guard is worth 4.6 kB of wire time).
 */
public final class WritePlanner {
    /** The three syntaxes of +USOWR / +USOST (sections 5.3.1, 5.3.2 and +UDCONF=1). */
    public enum Syntax { BINARY, HEX, BASE }

    /** One planned command: this syntax for {@code length} bytes from the current position. */
    public record Step(Syntax syntax, int length) {
    }

    /** "AT+USOWR=s,nnnn" and CR, typical; +USOST adds the address (given per planner). */
    private final int commandBytes;
    /** "\r\n+USOWR: s,nnnn\r\n\r\nOK\r\n". */
    private static final int ANSWER_BYTES = 25;
    /** "AT+UDCONF=1,1\r" and "\r\nOK\r\n". */
    private static final int SWITCH_BYTES = 20;

    private final long byteNanos;
    private final long commandOverheadNanos;
    private final long promptNanos;
    private final WriteMode mode;

    /**
     * @param baud            the UART rate of the link
     * @param commandGapNanos the quiet time the module asks for between commands (20 ms) plus processing
     * @param promptNanos     the wait after '@' (50 ms)
     * @param extraCommandBytes bytes the command carries besides "AT+USOWR=s,n" (the address of +USOST)
     */
    public WritePlanner(int baud, long commandGapNanos, long promptNanos, WriteMode mode, int extraCommandBytes) {
        if (baud <= 0) {
            throw new IllegalArgumentException("baud must be positive");
        }
        this.byteNanos = 10_000_000_000L / baud;
        this.commandOverheadNanos = commandGapNanos;
        this.promptNanos = promptNanos;
        this.mode = mode;
        this.commandBytes = 16 + extraCommandBytes;
    }

    /** Estimated time of one command of this syntax and length, with a mode switch first when needed. */
    public long cost(Syntax syntax, int length, boolean hexModeOn) {
        long wire;
        long extra = commandOverheadNanos;
        switch (syntax) {
            case BINARY:
                wire = commandBytes + 1 + length + ANSWER_BYTES;
                extra += promptNanos;
                break;
            case HEX:
                wire = commandBytes + 3 + 2L * length + ANSWER_BYTES;
                if (!hexModeOn) {
                    wire += SWITCH_BYTES;
                    extra += commandOverheadNanos;
                }
                break;
            default:
                wire = commandBytes + 3 + length + ANSWER_BYTES;
                if (hexModeOn) {
                    wire += SWITCH_BYTES;
                    extra += commandOverheadNanos;
                }
                break;
        }
        return wire * byteNanos + extra;
    }

    /**
     * The next command for {@code data[from..to)}. Each syntax is judged by the time it would take to carry
     * everything it can carry from here (the whole rest for binary and hex, the printable run for base
     * syntax), so a +UDCONF=1 switch is weighed against all the commands it speeds up, not just one.
     */
    public Step next(byte[] data, int from, int to, boolean hexModeOn) {
        int remaining = to - from;
        int binLen = Math.min(SocketAt.MAX_DATA, remaining);
        int hexLen = Math.min(SocketAt.MAX_HEX_DATA, remaining);
        if (mode == WriteMode.BINARY) {
            return new Step(Syntax.BINARY, binLen);
        }
        if (mode == WriteMode.HEX) {
            return new Step(Syntax.HEX, hexLen);
        }
        int run = 0;
        while (run < remaining && SocketAt.baseSyntaxAllowed(data[from + run])) {
            run++;
        }
        Step best = new Step(Syntax.BINARY, binLen);
        double bestRate = (double) remaining / time(Syntax.BINARY, remaining, hexModeOn);
        double hexRate = (double) remaining / time(Syntax.HEX, remaining, hexModeOn);
        if (hexRate > bestRate) {
            best = new Step(Syntax.HEX, hexLen);
            bestRate = hexRate;
        }
        if (run > 0 && (double) run / time(Syntax.BASE, run, hexModeOn) > bestRate) {
            best = new Step(Syntax.BASE, Math.min(SocketAt.MAX_DATA, run));
        }
        return best;
    }

    /** Time to carry {@code bytes} in commands of this syntax, each as long as allowed; one switch at most. */
    public long time(Syntax syntax, int bytes, boolean hexModeOn) {
        int max = syntax == Syntax.HEX ? SocketAt.MAX_HEX_DATA : SocketAt.MAX_DATA;
        long total = 0;
        boolean hexOn = hexModeOn;
        for (int left = bytes; left > 0; left -= max) {
            total += cost(syntax, Math.min(max, left), hexOn);
            if (syntax != Syntax.BINARY) {
                hexOn = syntax == Syntax.HEX;
            }
        }
        return total;
    }

}
