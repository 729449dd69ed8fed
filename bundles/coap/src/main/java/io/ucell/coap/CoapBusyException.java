package io.ucell.coap;

/** Another transmission held the module's CoAP client for longer than the caller was prepared to wait. */
public class CoapBusyException extends CoapException {
    private static final long serialVersionUID = 1L;

    public CoapBusyException(String message) {
        super(message);
    }
}
