package io.ucell.simulator.http;

import io.ucell.simulator.security.ProfileTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;

/**
 * One +UHTTPC request carried out by the JDK's HttpClient (HTTP/1.1, no redirects followed, as the module does),
 * and the response as the module stores it: status line, header lines, an empty line, the body (none for HEAD).
 */
final class HttpTransaction {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpTransaction.class);
    static final String USER_AGENT = "u-blox cellular module (ucell simulator)";

    /** What the request produced: the file content, or the error +UHTTPER reports. */
    record Outcome(byte[] file, HttpError error) {
    }

    /** The TLS of an HTTPS request, taken when it runs. */
    interface TlsOpener {
        ProfileTls open() throws IOException;
    }

    private final HttpProfile profile;
    private final int command;
    private final String path;
    private final byte[] body;
    private final String contentType;
    private final String address;
    private final TlsOpener tls;
    private volatile CompletableFuture<HttpResponse<byte[]>> pending;

    /**
     * @param address the server address the module's DNS gave (IP text)
     * @param tls     null for plain HTTP
     */
    HttpTransaction(HttpProfile profile, int command, String path, byte[] body, String contentType, String address,
            TlsOpener tls) {
        this.profile = profile;
        this.command = command;
        this.path = path;
        this.body = body;
        this.contentType = contentType;
        this.address = address;
        this.tls = tls;
    }

    void cancel() {
        CompletableFuture<HttpResponse<byte[]>> f = pending;
        if (f != null) {
            f.cancel(true);
        }
    }

    /** The request URI: the server's name when the host resolves it to the same address, else the address. */
    URI uri() throws URISyntaxException {
        String host = address;
        String name = profile.serverName;
        if (!name.isEmpty()) {
            try {
                for (InetAddress a : InetAddress.getAllByName(name)) {
                    if (a.getHostAddress().equals(address)) {
                        host = name;
                        break;
                    }
                }
            } catch (UnknownHostException e) {
                // only the module's DNS knows the name (an override): connect to the address
            }
        }
        if (host.indexOf(':') >= 0) {
            host = "[" + host + "]";
        }
        String p = path.startsWith("/") ? path : "/" + path;
        return new URI((tls != null ? "https" : "http") + "://" + host + ":" + profile.port + p);
    }

    Outcome run() {
        URI uri;
        try {
            uri = uri();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return new Outcome(null, HttpError.INVALID_INPUT);
        }
        if (tls == null) {
            return run(uri, null);
        }
        try (ProfileTls t = tls.open()) {
            return run(uri, t);
        } catch (IOException e) {
            // no TLS connection free, or the profile names a certificate the module does not hold
            return new Outcome(null, HttpError.SECURE_CONNECT);
        }
    }

    private Outcome run(URI uri, ProfileTls t) {
        Duration timeout = Duration.ofSeconds(profile.timeoutSeconds);
        HttpClient.Builder cb = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout);
        if (t != null) {
            // HttpClient's own SNI and host name check do not reach the engines of this context
            cb.sslContext(t.context()).sslParameters(t.parameters());
        }
        HttpRequest.Builder rb;
        try {
            rb = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT);
            for (String h : profile.headers) {
                if (h != null) {
                    int colon = h.indexOf(':');
                    rb.header(h.substring(0, colon), h.substring(colon + 1));
                }
            }
            if (profile.authType == 1 && !profile.username.isEmpty()) {
                String credentials = profile.username + ":" + profile.password;
                rb.header("Authorization",
                        "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
            }
        } catch (IllegalArgumentException e) {
            return new Outcome(null, HttpError.INVALID_INPUT);
        }
        switch (command) {
            case HttpCommands.HEAD -> rb.method("HEAD", HttpRequest.BodyPublishers.noBody());
            case HttpCommands.GET -> rb.GET();
            case HttpCommands.DELETE -> rb.DELETE();
            case HttpCommands.PUT -> rb.header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body));
            default -> rb.header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        }
        HttpResponse<byte[]> response;
        try {
            CompletableFuture<HttpResponse<byte[]>> f = cb.build().sendAsync(rb.build(), HttpResponse.BodyHandlers.ofByteArray());
            pending = f;
            response = f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, HttpError.REQUEST);
        } catch (ExecutionException e) {
            HttpError error = classify(e.getCause());
            if (error == HttpError.SECURE_CONNECT) {
                // the module reports only 3/73: the log says why
                LOG.info("HTTPS to {}:{} failed: {}", profile.server(), profile.port, e.getCause().getMessage());
            }
            return new Outcome(null, error);
        } catch (java.util.concurrent.CancellationException e) {
            return new Outcome(null, HttpError.REQUEST);
        }
        if (t != null) {
            response.sslSession().ifPresent(t::established);
        }
        return new Outcome(responseFile(response, command != HttpCommands.HEAD), HttpError.NONE);
    }

    private static HttpError classify(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HttpConnectTimeoutException || c instanceof HttpTimeoutException) {
                return HttpError.TIMEOUT;
            }
            if (c instanceof SSLException || c instanceof java.security.cert.CertificateException) {
                return HttpError.SECURE_CONNECT;
            }
            if (c instanceof ConnectException) {
                return HttpError.CONNECTION;
            }
        }
        return t instanceof IOException ? HttpError.CONNECTION : HttpError.REQUEST;
    }

    /** Status line, headers and (unless HEAD) body, as the module writes them into the response file. */
    static byte[] responseFile(HttpResponse<byte[]> r, boolean withBody) {
        StringBuilder head = new StringBuilder();
        head.append(r.version() == HttpClient.Version.HTTP_2 ? "HTTP/2" : "HTTP/1.1").append(' ').append(r.statusCode())
                .append(' ').append(reason(r.statusCode())).append("\r\n");
        for (Map.Entry<String, List<String>> e : r.headers().map().entrySet()) {
            if (e.getKey().startsWith(":")) {
                continue;
            }
            for (String v : e.getValue()) {
                head.append(e.getKey()).append(": ").append(v).append("\r\n");
            }
        }
        head.append("\r\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (withBody && r.body() != null) {
            out.writeBytes(r.body());
        }
        return out.toByteArray();
    }

    /** HttpClient does not keep the server's reason phrase: the standard one stands in. */
    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 303 -> "See Other";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 308 -> "Permanent Redirect";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 409 -> "Conflict";
            case 410 -> "Gone";
            case 413 -> "Payload Too Large";
            case 415 -> "Unsupported Media Type";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> "Status " + status;
        };
    }
}
