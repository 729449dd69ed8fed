package io.ucell.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The JDK's HttpServer on loopback, plain and HTTPS (a certificate keytool generates for localhost/127.0.0.1),
 * with the same handlers on both:
 * <ul>
 * <li>/echo: 200 with the request body and content type; X-Method, X-Content-Type and X-Got-&lt;header&gt; back;</li>
 * <li>/store/&lt;key&gt;: PUT stores (201), GET returns (404 when absent), DELETE removes (204), HEAD the length;</li>
 * <li>/status/&lt;code&gt;: that status with the body "status &lt;code&gt;";</li>
 * <li>/auth: 200 "hello &lt;user&gt;" with Basic {@value #USER}/{@value #PASSWORD}, else 401 with a challenge;</li>
 * <li>/big?n=N: N pattern bytes;</li>
 * <li>/slow?ms=N: "late" after N ms.</li>
 * </ul>
 */
final class HttpServers implements AutoCloseable {
    static final String USER = "test_user";
    static final String PASSWORD = "P455w0rd";

    final HttpServer plain;
    final HttpsServer tls;
    final Map<String, byte[]> store = new ConcurrentHashMap<>();
    final Map<String, String> storeTypes = new ConcurrentHashMap<>();
    /** "METHOD path content-type length" per request, in order. */
    final List<String> log = new CopyOnWriteArrayList<>();
    final List<Map<String, List<String>>> requestHeaders = new CopyOnWriteArrayList<>();
    private final X509Certificate trusted;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final Path dir;

    HttpServers() throws Exception {
        dir = Files.createTempDirectory("ucell-http-test");
        Path p12 = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-keystore", p12.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-keypass", "changeit").redirectErrorStream(true).start();
        String out = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        trusted = (X509Certificate) ks.getCertificate("server");

        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        plain = HttpServer.create(loopback, 0);
        tls = HttpsServer.create(loopback, 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(ctx));
        for (HttpServer s : List.of(plain, tls)) {
            s.createContext("/echo", this::echo);
            s.createContext("/store/", this::store);
            s.createContext("/status/", this::status);
            s.createContext("/auth", this::auth);
            s.createContext("/big", this::big);
            s.createContext("/slow", this::slow);
            s.setExecutor(pool);
            s.start();
        }
    }

    /** The HTTPS server's self-signed certificate (CN and SAN localhost, SAN 127.0.0.1). */
    X509Certificate trustedCertificate() {
        return trusted;
    }

    String url(String path) {
        return "http://127.0.0.1:" + plain.getAddress().getPort() + path;
    }

    String httpsUrl(String path) {
        return "https://127.0.0.1:" + tls.getAddress().getPort() + path;
    }

    static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 31 + i / 256);
        }
        return b;
    }

    private byte[] record(HttpExchange x) throws IOException {
        byte[] body = x.getRequestBody().readAllBytes();
        String type = x.getRequestHeaders().getFirst("Content-Type");
        log.add(x.getRequestMethod() + " " + x.getRequestURI() + " " + type + " " + body.length);
        requestHeaders.add(Map.copyOf(x.getRequestHeaders()));
        return body;
    }

    private static void reply(HttpExchange x, int status, byte[] body, String type) throws IOException {
        if (type != null) {
            x.getResponseHeaders().set("Content-Type", type);
        }
        boolean none = body == null || x.getRequestMethod().equals("HEAD") || status == 204;
        x.sendResponseHeaders(status, none ? -1 : body.length);
        if (!none && body.length > 0) {
            x.getResponseBody().write(body);
        }
        x.close();
    }

    private void echo(HttpExchange x) throws IOException {
        byte[] body = record(x);
        x.getResponseHeaders().set("X-Method", x.getRequestMethod());
        String type = x.getRequestHeaders().getFirst("Content-Type");
        x.getResponseHeaders().set("X-Content-Type", String.valueOf(type));
        x.getRequestHeaders().forEach((k, v) -> {
            if (k.toLowerCase().startsWith("x-")) {
                x.getResponseHeaders().set("X-Got-" + k, String.join(",", v));
            }
        });
        reply(x, 200, body, type == null ? "application/octet-stream" : type);
    }

    private void store(HttpExchange x) throws IOException {
        byte[] body = record(x);
        String key = x.getRequestURI().getPath().substring("/store/".length());
        switch (x.getRequestMethod()) {
            case "PUT" -> {
                boolean existed = store.put(key, body) != null;
                storeTypes.put(key, String.valueOf(x.getRequestHeaders().getFirst("Content-Type")));
                reply(x, existed ? 200 : 201, "stored".getBytes(StandardCharsets.US_ASCII), "text/plain");
            }
            case "GET", "HEAD" -> {
                byte[] v = store.get(key);
                if (v == null) {
                    reply(x, 404, ("no " + key).getBytes(StandardCharsets.US_ASCII), "text/plain");
                } else {
                    x.getResponseHeaders().set("X-Length", Integer.toString(v.length));
                    reply(x, 200, v, storeTypes.get(key));
                }
            }
            case "DELETE" -> reply(x, store.remove(key) != null ? 204 : 404, null, null);
            default -> reply(x, 405, "method".getBytes(StandardCharsets.US_ASCII), "text/plain");
        }
    }

    private void status(HttpExchange x) throws IOException {
        record(x);
        int code = Integer.parseInt(x.getRequestURI().getPath().substring("/status/".length()));
        reply(x, code, ("status " + code).getBytes(StandardCharsets.US_ASCII), "text/plain; charset=utf-8");
    }

    private void auth(HttpExchange x) throws IOException {
        record(x);
        String expected = "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        if (expected.equals(x.getRequestHeaders().getFirst("Authorization"))) {
            reply(x, 200, ("hello " + USER).getBytes(StandardCharsets.US_ASCII), "text/plain");
        } else {
            x.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"ucell\"");
            reply(x, 401, "who are you".getBytes(StandardCharsets.US_ASCII), "text/plain");
        }
    }

    private void big(HttpExchange x) throws IOException {
        record(x);
        String q = x.getRequestURI().getQuery();
        int n = Integer.parseInt(q.substring(q.indexOf('=') + 1));
        reply(x, 200, pattern(n), "application/octet-stream");
    }

    private void slow(HttpExchange x) throws IOException {
        record(x);
        try {
            Thread.sleep(Long.parseLong(x.getRequestURI().getQuery().substring(3)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        reply(x, 200, "late".getBytes(StandardCharsets.US_ASCII), "text/plain");
    }

    @Override
    public void close() throws Exception {
        plain.stop(0);
        tls.stop(0);
        pool.shutdownNow();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
        Files.deleteIfExists(dir);
    }
}
