package io.ucell.simulator.coap;

/**
 * +UCOAPER codes. The spec gives one (class 15, code 17 "Current profile invalid", section 8.4.1) and
 * refers to the AT manual for the rest; the simulator keeps class 15 and picks the other codes.
 */
enum CoapError {
    NONE(0, 0, "no error"),
    BUSY(15, 10, "a CoAP transmission is in progress"),
    NO_CONTEXT(15, 11, "no PDP context active"),
    DNS(15, 12, "host name not resolved"),
    SECURITY(15, 13, "security handshake failed"),
    TIMEOUT(15, 14, "no response from the server"),
    PAYLOAD(15, 15, "payload invalid or larger than 512 bytes"),
    URI(15, 16, "URI missing or invalid"),
    PROFILE_INVALID(15, 17, "current profile invalid"),
    RESET(15, 18, "request rejected (RST) or connection lost"),
    BLOCK(15, 19, "invalid block size or block number");

    final int errorClass;
    final int code;
    final String text;

    CoapError(int errorClass, int code, String text) {
        this.errorClass = errorClass;
        this.code = code;
        this.text = text;
    }

    String urc() {
        return "+UCOAPER: " + errorClass + "," + code;
    }
}
