package io.ucell.coap;

import java.util.Objects;

/**
 * One request: method, absolute URI (coap://, coaps://, coap+tcp://, coaps+tcp://, or a path relative to the
 * configured base URI), options (null: the configured ones) and payload bytes (any length: over 512 bytes the
 * client uploads block-wise).
 */
public record CoapRequest(CoapMethod method, String uri, CoapOptions options, byte[] payload) {
    public CoapRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        payload = payload == null ? new byte[0] : payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    public int payloadLength() {
        return payload.length;
    }

    public static CoapRequest get(String uri) {
        return new CoapRequest(CoapMethod.GET, uri, null, null);
    }

    public static CoapRequest delete(String uri) {
        return new CoapRequest(CoapMethod.DELETE, uri, null, null);
    }

    public static CoapRequest put(String uri, byte[] payload) {
        return new CoapRequest(CoapMethod.PUT, uri, null, payload);
    }

    public static CoapRequest post(String uri, byte[] payload) {
        return new CoapRequest(CoapMethod.POST, uri, null, payload);
    }

    public CoapRequest withOptions(CoapOptions o) {
        return new CoapRequest(method, uri, o, payload);
    }
}
