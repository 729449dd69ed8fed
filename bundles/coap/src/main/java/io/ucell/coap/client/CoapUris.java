package io.ucell.coap.client;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/** URI checks of section 8: 783 characters in all; host, path and query at most 255 each (RFC 7252). */
public final class CoapUris {
    public static final int MAX_URI = 783;
    public static final int MAX_PART = 255;
    public static final List<String> SCHEMES = List.of("coap", "coaps", "coap+tcp", "coaps+tcp");

    private CoapUris() {
    }

    /** Null when the URI is fine, else why not. */
    public static String problem(String uri) {
        if (uri == null || uri.isEmpty()) {
            return "URI is empty";
        }
        if (uri.length() > MAX_URI) {
            return "URI is " + uri.length() + " characters, the module takes at most " + MAX_URI;
        }
        for (char c : uri.toCharArray()) {
            if (c == '"' || c < 0x20 || c > 0x7E) {
                return "URI holds a character the AT command cannot carry (quote, control or non-ASCII); percent-encode it";
            }
        }
        URI u;
        try {
            u = new URI(uri);
        } catch (URISyntaxException e) {
            return "URI is malformed: " + e.getMessage();
        }
        String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            return "URI scheme must be one of " + SCHEMES + ", not '" + scheme + "'";
        }
        if (u.getHost() == null || u.getHost().isEmpty()) {
            return "URI has no host";
        }
        if (u.getHost().length() > MAX_PART) {
            return "URI host is longer than " + MAX_PART + " characters";
        }
        if (u.getRawPath() != null && u.getRawPath().length() > MAX_PART) {
            return "URI path is longer than " + MAX_PART + " characters";
        }
        if (u.getRawQuery() != null && u.getRawQuery().length() > MAX_PART) {
            return "URI query is longer than " + MAX_PART + " characters";
        }
        return null;
    }

    public static boolean secure(String uri) {
        return uri.toLowerCase(Locale.ROOT).startsWith("coaps");
    }

    /** An absolute URI as it is; anything else is resolved against the base URI. */
    public static String resolve(String base, String uri) {
        if (uri.contains("://")) {
            return uri;
        }
        if (base == null || base.isEmpty()) {
            return uri;
        }
        try {
            return new URI(base).resolve(uri).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return uri;
        }
    }
}
