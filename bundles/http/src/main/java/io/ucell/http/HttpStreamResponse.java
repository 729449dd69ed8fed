package io.ucell.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response whose body is still in the module's response file: status and headers are read, the body streams
 * from the module block by block as it is read. Closing it deletes the module file (read it to the end first
 * if you need all of it). For bodies larger than the caller wants in memory.
 */
public final class HttpStreamResponse implements AutoCloseable {
    private final String version;
    private final int statusCode;
    private final String reason;
    private final Map<String, List<String>> headers;
    private final InputStream body;

    public HttpStreamResponse(String version, int statusCode, String reason, Map<String, List<String>> headers,
            InputStream body) {
        this.version = version;
        this.statusCode = statusCode;
        this.reason = reason;
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = body;
    }

    public String version() {
        return version;
    }

    public int statusCode() {
        return statusCode;
    }

    public String reason() {
        return reason;
    }

    /** Header name (case-insensitive) to its values. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The body, read from the module as it is consumed. */
    public InputStream body() {
        return body;
    }

    /** Reads the rest of the body and closes: the whole response in memory. */
    public HttpResponse readFully() throws IOException {
        try (InputStream in = body) {
            return new HttpResponse(version, statusCode, reason, headers, in.readAllBytes());
        }
    }

    /** Deletes the module's response file. */
    @Override
    public void close() throws IOException {
        body.close();
    }

    @Override
    public String toString() {
        return version + " " + statusCode + " " + reason + " (streamed)";
    }
}
