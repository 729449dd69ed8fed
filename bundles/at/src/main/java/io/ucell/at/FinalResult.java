package io.ucell.at;

import java.util.OptionalInt;

/** A final result code that ends a command: OK, ERROR, +CME ERROR, CONNECT, ... */
public final class FinalResult {

    /** The kinds of final result code the modules send (3GPP TS 27.007 and V.250). */
    public enum Kind {
        OK, ERROR, CME_ERROR, CMS_ERROR, ABORTED, CONNECT, NO_CARRIER, BUSY, NO_DIALTONE, NO_ANSWER
    }

    private final Kind kind;
    private final String line;
    private final String detail;

    private FinalResult(Kind kind, String line, String detail) {
        this.kind = kind;
        this.line = line;
        this.detail = detail;
    }

    /** Parses a line into a final result code, or returns null when the line is not one. */
    public static FinalResult parse(String line) {
        switch (line) {
            case "OK":
                return new FinalResult(Kind.OK, line, "");
            case "ERROR":
                return new FinalResult(Kind.ERROR, line, "");
            case "ABORTED":
                return new FinalResult(Kind.ABORTED, line, "");
            case "NO CARRIER":
                return new FinalResult(Kind.NO_CARRIER, line, "");
            case "BUSY":
                return new FinalResult(Kind.BUSY, line, "");
            case "NO DIALTONE":
                return new FinalResult(Kind.NO_DIALTONE, line, "");
            case "NO ANSWER":
                return new FinalResult(Kind.NO_ANSWER, line, "");
            default:
                break;
        }
        if (line.startsWith("+CME ERROR:")) {
            return new FinalResult(Kind.CME_ERROR, line, line.substring("+CME ERROR:".length()).trim());
        }
        if (line.startsWith("+CMS ERROR:")) {
            return new FinalResult(Kind.CMS_ERROR, line, line.substring("+CMS ERROR:".length()).trim());
        }
        if (line.equals("CONNECT") || line.startsWith("CONNECT ")) {
            return new FinalResult(Kind.CONNECT, line, line.substring("CONNECT".length()).trim());
        }
        return null;
    }

    public Kind kind() {
        return kind;
    }

    /** True for OK and CONNECT, the codes after which the command did what was asked. */
    public boolean isSuccess() {
        return kind == Kind.OK || kind == Kind.CONNECT;
    }

    /** The line as the module sent it. */
    public String line() {
        return line;
    }

    /** What follows the code: the error number or text of +CME/+CMS ERROR, the rate of CONNECT; empty otherwise. */
    public String detail() {
        return detail;
    }

    /** The numeric error code when +CMEE=1 made the module send one. */
    public OptionalInt errorCode() {
        if ((kind == Kind.CME_ERROR || kind == Kind.CMS_ERROR) && !detail.isEmpty()
                && detail.chars().allMatch(Character::isDigit) && detail.length() < 9) {
            return OptionalInt.of(Integer.parseInt(detail));
        }
        return OptionalInt.empty();
    }

    @Override
    public String toString() {
        return line;
    }
}
