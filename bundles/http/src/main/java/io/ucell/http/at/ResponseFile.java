package io.ucell.http.at;

import io.ucell.http.HttpResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's response file: status line, header lines, an empty line, the body (section 10.2 shows one).
 * Lines end in CR LF; a bare LF is accepted too. Folded header lines (leading blank) continue the previous one.
 */
public final class ResponseFile {
    /** Longest status line and headers taken (a module file bigger than that before the empty line is not HTTP). */
    public static final int MAX_HEAD = 64 * 1024;

    private ResponseFile() {
    }

    /** Status line and headers. */
    public record Head(String version, int statusCode, String reason, Map<String, List<String>> headers) {
    }

    /** The whole file. */
    public static HttpResponse parse(byte[] file) {
        try {
            ByteArrayInputStream in = new ByteArrayInputStream(file);
            Head h = readHead(in);
            return new HttpResponse(h.version(), h.statusCode(), h.reason(), h.headers(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the status line and headers and leaves the stream at the first body byte (give a buffered stream:
     * it is read byte by byte).
     *
     * @throws IllegalArgumentException not an HTTP response
     */
    public static Head readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int p1 = -1;
        int p2 = -1;
        int b;
        // up to the empty line, "\n\n" or "\n\r\n"; a file of headers only (a HEAD answer) may just end
        while ((b = in.read()) >= 0) {
            head.write(b);
            if (b == '\n' && (p1 == '\n' || (p1 == '\r' && p2 == '\n'))) {
                break;
            }
            if (head.size() > MAX_HEAD) {
                throw new IllegalArgumentException("no end of the headers within " + MAX_HEAD + " bytes");
            }
            p2 = p1;
            p1 = b;
        }
        return head(new String(head.toByteArray(), StandardCharsets.ISO_8859_1));
    }

    private static Head head(String text) {
        String[] lines = text.split("\r?\n");
        String status = lines.length > 0 ? lines[0].trim() : "";
        if (!status.startsWith("HTTP/")) {
            throw new IllegalArgumentException("not an HTTP response: " + abbreviate(status));
        }
        String[] parts = status.split(" ", 3);
        int code;
        try {
            code = Integer.parseInt(parts.length > 1 ? parts[1].trim() : "");
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no status code in: " + abbreviate(status));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String lastName = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastName != null) {
                List<String> values = headers.get(lastName);
                values.set(values.size() - 1, values.get(values.size() - 1) + " " + line.trim());
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(name);
            headers.computeIfAbsent(key, k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
            lastName = key;
        }
        return new Head(parts[0], code, parts.length > 2 ? parts[2].trim() : "", headers);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
