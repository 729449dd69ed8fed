package io.ucell.mqttsn.at;

import io.ucell.at.framing.AtLine;

/**
 * +UMQTTSNER: &lt;error class&gt;,&lt;error code&gt; (section 7.9). The app note explains code 21 ("Timeout error": the
 * gateway did not reply); u-blox's ubxlib retries on 21 and 22 ("no radio service"). Other codes are reported by
 * number (the AT commands manual's error appendix has them).
 */
public final class MqttSnErrors {
    public static final int TIMEOUT = 21;
    public static final int NO_RADIO_SERVICE = 22;

    private MqttSnErrors() {
    }

    /** {class, code}, or {-1, -1} when the line cannot be read. */
    public static int[] parse(AtLine line) {
        try {
            return new int[] {Integer.parseInt(line.param(0).trim()), Integer.parseInt(line.param(1).trim())};
        } catch (RuntimeException e) {
            return new int[] {-1, -1};
        }
    }

    public static boolean isError(int errorClass, int code) {
        return errorClass > 0 || code > 0;
    }

    /** "+UMQTTSNER 14,21: timeout, the gateway did not reply". */
    public static String describe(int errorClass, int code) {
        String what;
        switch (code) {
            case TIMEOUT:
                what = "timeout, the gateway did not reply";
                break;
            case NO_RADIO_SERVICE:
                what = "no radio service";
                break;
            default:
                what = "see the AT commands manual";
        }
        return "+UMQTTSNER " + errorClass + "," + code + ": " + what;
    }
}
