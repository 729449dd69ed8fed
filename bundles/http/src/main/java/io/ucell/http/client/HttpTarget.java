package io.ucell.http.client;

import io.ucell.at.AtQuoting;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where a request goes, split the way the module's profile wants it: server (name or IP), port, TLS or not,
 * and the path with its query.
 *
 * @param secure https
 * @param host   name, IPv4 address or IPv6 address (without brackets)
 * @param port   1-65535 (80 / 443 when the URL names none)
 * @param path   path and query, starting with "/"
 */
public record HttpTarget(boolean secure, String host, int port, String path) {
    /** Longest DNS name. */
    static final int MAX_HOST = 253;

    /** True when the host is an IP literal (the profile's op 0) rather than a name (op 1). */
    public boolean hostIsIp() {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /**
     * Resolves a URL (absolute, or a path against the base URL) to a target.
     *
     * @throws IllegalArgumentException with the reason when the URL cannot be sent
     */
    public static HttpTarget of(String url, String base) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("URL missing");
        }
        String u = url.trim();
        if (!u.contains("://")) {
            if (base == null || base.isBlank()) {
                throw new IllegalArgumentException("'" + u + "' is a path, and no server is configured to resolve it against");
            }
            String b = base.trim();
            while (b.endsWith("/")) {
                b = b.substring(0, b.length() - 1);
            }
            u = b + (u.startsWith("/") ? u : "/" + u);
        }
        URI uri;
        try {
            uri = new URI(u);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("invalid URL: " + e.getMessage());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the module speaks http and https, not '" + scheme + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("credentials belong in the configuration (username, password), not in the URL");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("no host in '" + u + "'");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.length() > MAX_HOST) {
            throw new IllegalArgumentException("host name longer than " + MAX_HOST + " characters");
        }
        boolean secure = scheme.equals("https");
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        if (port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            path += "?" + uri.getRawQuery();
        }
        if (!AtQuoting.isQuotable(path)) {
            throw new IllegalArgumentException("the path holds a double quote or a control character; percent-encode it");
        }
        return new HttpTarget(secure, host, port, path);
    }
}
