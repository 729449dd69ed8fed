package io.ucell.coap;

/**
 * The server's answer, gathered from the +UCOAPCD URCs of one transmission.
 *
 * @param codeClass      response code class (2 success, 4 client error, 5 server error)
 * @param codeDetail     response code detail (the "05" of 2.05); 0 when the module reported only the class
 * @param contentFormat  Content-Format when the module reported one, else -1
 * @param payload        the body, all blocks joined
 */
public record CoapResponse(int codeClass, int codeDetail, int contentFormat, byte[] payload) {
    public CoapResponse {
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** "2.05", "4.04". */
    public String code() {
        return codeClass + "." + (codeDetail < 10 ? "0" : "") + codeDetail;
    }

    public boolean isSuccess() {
        return codeClass == 2;
    }

    @Override
    public String toString() {
        return "CoapResponse[" + code() + ", " + payload.length + " bytes]";
    }
}
