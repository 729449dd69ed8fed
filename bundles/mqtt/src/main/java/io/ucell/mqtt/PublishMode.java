package io.ucell.mqtt;

/** How a payload travels in the AT command (sections 6.3 to 6.5). */
public enum PublishMode {
    /** +UMQTTC=2 with hex mode 0: printable ASCII without quotes, at most {@link #TEXT_MAX} characters. */
    TEXT,
    /** +UMQTTC=2 with hex mode 1: any bytes, two hex digits each, at most {@link #HEX_MAX} bytes. */
    HEX,
    /** +UMQTTC=9 and the '>' prompt: any bytes, 1 to {@link #BINARY_MAX}. */
    BINARY;

    public static final int TEXT_MAX = 1024;
    public static final int HEX_MAX = 512;
    public static final int BINARY_MAX = 1024;
    /** Up to this size hex costs less than the extra prompt exchange of binary mode. */
    static final int HEX_PREFERRED_MAX = 64;

    /**
     * Text when every byte is printable ASCII other than '"' (what the quoted parameter can carry), hex for other
     * short payloads (one command line, no prompt exchange), binary beyond. Empty payloads go as text.
     */
    public static PublishMode choose(byte[] payload) {
        boolean printable = payload.length <= TEXT_MAX;
        for (int i = 0; printable && i < payload.length; i++) {
            int b = payload[i] & 0xFF;
            printable = b >= 0x20 && b < 0x7F && b != '"';
        }
        if (printable) {
            return TEXT;
        }
        return payload.length <= HEX_PREFERRED_MAX ? HEX : BINARY;
    }
}
