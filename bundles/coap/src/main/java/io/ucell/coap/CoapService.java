package io.ucell.coap;

import org.osgi.annotation.versioning.ProviderType;

/**
 * CoAP through the module's embedded client. One transmission at a time (section 8): concurrent callers
 * queue, and get a {@link CoapBusyException} if their turn does not come within the configured wait.
 */
@ProviderType
public interface CoapService {

    /**
     * Sends a request and returns the whole response (every +UCOAPCD block joined). Payloads over 512 bytes
     * are uploaded block-wise.
     *
     * @throws CoapServerException the server answered 4.xx or 5.xx
     * @throws CoapException       the request was refused or failed in the module (+UCOAPER decoded)
     */
    CoapResponse send(CoapRequest request) throws CoapException;

    default CoapResponse get(String uri) throws CoapException {
        return send(CoapRequest.get(uri));
    }

    default CoapResponse put(String uri, byte[] payload) throws CoapException {
        return send(CoapRequest.put(uri, payload));
    }

    default CoapResponse post(String uri, byte[] payload) throws CoapException {
        return send(CoapRequest.post(uri, payload));
    }

    default CoapResponse delete(String uri) throws CoapException {
        return send(CoapRequest.delete(uri));
    }
}
