package io.ucell.coap.at;

import io.ucell.at.ModuleErrorException;
import io.ucell.at.framing.AtLine;
import java.util.Map;

/**
 * +UCOAPER: &lt;error class&gt;,&lt;error code&gt;. The app note names one pair (15,17 "current profile
 * invalid", section 8.4.1) and leaves the others to the AT manual; the texts below are those of the
 * simulated module, anything else is reported with its numbers.
 */
public final class CoapErrors {
    private static final Map<Integer, String> CLASS_15 = Map.ofEntries(
            Map.entry(10, "a CoAP transmission is in progress"),
            Map.entry(11, "no PDP context active"),
            Map.entry(12, "host name not resolved"),
            Map.entry(13, "security handshake failed"),
            Map.entry(14, "no response from the server"),
            Map.entry(15, "payload invalid or larger than 512 bytes"),
            Map.entry(16, "URI missing or invalid"),
            Map.entry(17, "current profile invalid"),
            Map.entry(18, "request rejected or connection lost"),
            Map.entry(19, "invalid block size or block number"));

    private CoapErrors() {
    }

    /** {class, code} from the +UCOAPER line: the last two numbers (a profile id in front is ignored). */
    public static int[] parse(AtLine line) {
        return ModuleErrorException.classAndCode(line);
    }

    public static String describe(int errorClass, int code) {
        if (errorClass == 0 && code == 0) {
            return "no error reported";
        }
        String text = errorClass == 15 ? CLASS_15.get(code) : null;
        return (text != null ? text : "CoAP error") + " (+UCOAPER " + errorClass + "," + code + ")";
    }
}
