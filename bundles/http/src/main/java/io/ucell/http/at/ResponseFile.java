package io.ucell.http.at;

import io.ucell.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's response file: status line, header lines, an empty line, the body (section 10.2 shows one).
 * Lines end in CR LF; a bare LF is accepted too. Folded header lines (leading blank) continue the previous one.
 */
public final class ResponseFile {
    private ResponseFile() {
    }

    public static HttpResponse parse(byte[] file) {
        int headEnd = -1;
        int bodyStart = file.length;
        for (int i = 0; i < file.length; i++) {
            if (file[i] != '\n') {
                continue;
            }
            // the empty line: "\n\r\n" or "\n\n"
            if (i + 1 < file.length && file[i + 1] == '\n') {
                headEnd = i;
                bodyStart = i + 2;
                break;
            }
            if (i + 2 < file.length && file[i + 1] == '\r' && file[i + 2] == '\n') {
                headEnd = i;
                bodyStart = i + 3;
                break;
            }
        }
        if (headEnd < 0) {
            // headers only, without the empty line (a HEAD answer may end like this)
            headEnd = file.length;
        }
        String head = new String(file, 0, headEnd, StandardCharsets.ISO_8859_1);
        String[] lines = head.split("\r?\n");
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
        byte[] body = bodyStart >= file.length ? new byte[0] : Arrays.copyOfRange(file, bodyStart, file.length);
        return new HttpResponse(parts[0], code, parts.length > 2 ? parts[2].trim() : "", headers, body);
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
