package io.ucell.coap;

/** The server answered with an error code (4.xx or 5.xx); the response, code and body included, is kept. */
public class CoapServerException extends CoapException {
    private static final long serialVersionUID = 1L;

    private final transient CoapResponse response;

    public CoapServerException(CoapResponse response) {
        super("CoAP server answered " + response.code());
        this.response = response;
    }

    public CoapResponse response() {
        return response;
    }

    /** "4.04". */
    public String code() {
        return response.code();
    }
}
