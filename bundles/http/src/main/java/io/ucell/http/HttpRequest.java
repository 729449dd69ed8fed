package io.ucell.http;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request. The URL is absolute ({@code http://host:port/path?query}, {@code https://...}) or a path
 * ({@code /path?query}) resolved against the service's configured server. Immutable; the {@code with...}
 * methods return a copy.
 *
 * @param method      the method
 * @param url         absolute URL or path
 * @param body        PUT/POST body (empty for the others)
 * @param contentType PUT/POST content type, e.g. "application/json"
 * @param headers     extra request headers (the module takes at most 5)
 */
public record HttpRequest(HttpMethod method, String url, byte[] body, String contentType, Map<String, String> headers) {
    public static final String OCTET_STREAM = "application/octet-stream";
    public static final String TEXT_PLAIN = "text/plain";
    public static final String JSON = "application/json";
    public static final String FORM = "application/x-www-form-urlencoded";

    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        body = body == null ? new byte[0] : body.clone();
        if (!method.hasBody() && body.length > 0) {
            throw new IllegalArgumentException(method + " takes no body");
        }
        if (method.hasBody() && (contentType == null || contentType.isBlank())) {
            contentType = OCTET_STREAM;
        }
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers == null ? Map.of() : headers));
    }

    public static HttpRequest head(String url) {
        return new HttpRequest(HttpMethod.HEAD, url, null, null, null);
    }

    public static HttpRequest get(String url) {
        return new HttpRequest(HttpMethod.GET, url, null, null, null);
    }

    public static HttpRequest delete(String url) {
        return new HttpRequest(HttpMethod.DELETE, url, null, null, null);
    }

    public static HttpRequest put(String url, byte[] body, String contentType) {
        return new HttpRequest(HttpMethod.PUT, url, body, contentType, null);
    }

    public static HttpRequest post(String url, byte[] body, String contentType) {
        return new HttpRequest(HttpMethod.POST, url, body, contentType, null);
    }

    /** POST of a text (UTF-8). */
    public static HttpRequest post(String url, String text, String contentType) {
        return post(url, text.getBytes(StandardCharsets.UTF_8), contentType);
    }

    /** A copy with one more request header. */
    public HttpRequest withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new HttpRequest(method, url, body, contentType, h);
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return method + " " + url + (method.hasBody() ? " (" + body.length + " bytes " + contentType + ")" : "");
    }
}
