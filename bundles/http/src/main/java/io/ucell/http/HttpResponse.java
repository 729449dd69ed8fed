package io.ucell.http;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server's answer, as the module stored it: status line, headers and body.
 *
 * @param version    "HTTP/1.1"
 * @param statusCode 200, 404...
 * @param reason     the reason phrase ("OK", may be empty)
 * @param headers    header name (case-insensitive) to its values, in order
 * @param body       the body (empty for HEAD)
 */
public record HttpResponse(String version, int statusCode, String reason, Map<String, List<String>> headers, byte[] body) {
    private static final Pattern CHARSET = Pattern.compile("(?i)charset=\"?([^;\" ]+)");

    public HttpResponse {
        Map<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        }
        headers = Collections.unmodifiableMap(h);
        body = body == null ? new byte[0] : body.clone();
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    public Optional<String> contentType() {
        return header("Content-Type");
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream (the module file has already been read and removed). */
    public InputStream bodyStream() {
        return new ByteArrayInputStream(body);
    }

    /** The body decoded with the Content-Type's charset, UTF-8 when it names none. */
    public String bodyText() {
        Charset cs = StandardCharsets.UTF_8;
        Optional<String> type = contentType();
        if (type.isPresent()) {
            Matcher m = CHARSET.matcher(type.get());
            if (m.find()) {
                try {
                    cs = Charset.forName(m.group(1).toLowerCase(Locale.ROOT));
                } catch (RuntimeException e) {
                    // unknown charset: UTF-8
                }
            }
        }
        return new String(body, cs);
    }

    /** 2xx. */
    public boolean successful() {
        return statusCode >= 200 && statusCode < 300;
    }

    @Override
    public String toString() {
        return version + " " + statusCode + " " + reason + " (" + body.length + " bytes)";
    }
}
