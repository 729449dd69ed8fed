package io.ucell.http.at;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.ModuleErrorException;
import io.ucell.at.framing.AtLine;
import java.util.Map;
import java.util.Optional;

/**
 * +UHTTPER: &lt;profile&gt;,&lt;error class&gt;,&lt;error code&gt;. The app note shows only 0,0 "no error" (10.3)
 * and points to the AT manual; class 3 below follows u-blox's HTTP error numbering as used by the simulated
 * module. Anything else is reported with its numbers.
 */
public final class HttpErrors {
    public static final int CLASS_HTTP = 3;
    public static final int CODE_BUSY = 27;

    private static final Map<Integer, String> CLASS_3 = Map.ofEntries(
            Map.entry(1, "invalid profile id"),
            Map.entry(2, "invalid input"),
            Map.entry(3, "server hostname too long"),
            Map.entry(4, "invalid server hostname"),
            Map.entry(5, "invalid server IP address"),
            Map.entry(6, "invalid authorization method"),
            Map.entry(7, "server missing"),
            Map.entry(8, "username length exceeded"),
            Map.entry(9, "password length exceeded"),
            Map.entry(10, "internal error"),
            Map.entry(11, "server connection error"),
            Map.entry(12, "error occurred in HTTP request"),
            Map.entry(13, "internal error"),
            Map.entry(14, "internal error"),
            Map.entry(15, "invalid POST data size"),
            Map.entry(16, "empty or invalid file name"),
            Map.entry(17, "invalid file length"),
            Map.entry(18, "invalid content-type specified"),
            Map.entry(22, "PSD or CSD connection not established"),
            Map.entry(23, "server or proxy hostname lookup failed"),
            Map.entry(24, "user authentication failed on server"),
            Map.entry(25, "user authentication failed on proxy"),
            Map.entry(26, "connection timed out"),
            Map.entry(27, "request prematurely canceled or still in progress"),
            Map.entry(73, "secure socket connect error"));

    private HttpErrors() {
    }

    /**
     * AT+UHTTPER=profile. The app note's 10.3 answers it with "+UFTPER: 1,0,0" (the FTP command's name, the
     * profile, class and code): that spelling is taken as the answer too.
     */
    public static AtCommand query(int profile, java.time.Duration timeout) {
        return AtCommand.set("+UHTTPER").param(profile).responsePrefixes("+UHTTPER", "+UFTPER").timeout(timeout).build();
    }

    /** {class, code} from the answer to {@link #query}: its +UHTTPER line, or its +UFTPER line; null with neither. */
    public static int[] parse(AtResponse r) {
        Optional<AtLine> l = r.line("+UHTTPER").or(() -> r.line("+UFTPER"));
        return l.map(HttpErrors::parse).orElse(null);
    }

    /** {class, code}: the last two numbers of the line (the profile id in front is skipped). */
    public static int[] parse(AtLine line) {
        return ModuleErrorException.classAndCode(line);
    }

    public static String describe(int errorClass, int code) {
        if (errorClass == 0 && code == 0) {
            return "no error reported";
        }
        String text = switch (errorClass) {
            case CLASS_HTTP -> CLASS_3.get(code);
            case 4 -> "file system error";
            case 10 -> "wrong HTTP API usage";
            default -> null;
        };
        return (text != null ? text : "HTTP error") + " (+UHTTPER " + errorClass + "," + code + ")";
    }
}
