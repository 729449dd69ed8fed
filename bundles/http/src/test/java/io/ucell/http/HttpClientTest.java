package io.ucell.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.files.ModuleFiles;
import io.ucell.http.client.HttpSettings;
import io.ucell.simulator.model.ModuleModel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The HTTP client through a simulated SARA-R5 02B against the JDK's HttpServer on loopback. */
class HttpClientTest {
    private static HttpServers servers;
    private static HttpSim sim;

    @BeforeAll
    static void start() throws Exception {
        servers = new HttpServers();
        sim = new HttpSim(ModuleModel.SARA_R5_02B);
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        servers.close();
    }

    @AfterEach
    void defaults() {
        sim.http.update(HttpSettings.defaults());
    }

    static byte[] allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void everyMethodWithAllByteValues() throws Exception {
        byte[] bytes = allByteValues();
        HttpResponse put = sim.http.put(servers.url("/store/bytes"), bytes, HttpRequest.OCTET_STREAM);
        assertEquals(201, put.statusCode());
        assertEquals("Created", put.reason());
        assertEquals("stored", put.bodyText());
        assertArrayEquals(bytes, servers.store.get("bytes"));
        assertEquals("application/octet-stream", servers.storeTypes.get("bytes"));

        HttpResponse get = sim.http.get(servers.url("/store/bytes"));
        assertEquals(200, get.statusCode());
        assertEquals("HTTP/1.1", get.version());
        assertArrayEquals(bytes, get.body());
        assertArrayEquals(bytes, get.bodyStream().readAllBytes());
        assertEquals("application/octet-stream", get.contentType().orElseThrow());

        HttpResponse head = sim.http.head(servers.url("/store/bytes"));
        assertEquals(200, head.statusCode());
        assertEquals("256", head.header("x-length").orElseThrow());
        assertEquals(0, head.body().length);

        HttpResponse post = sim.http.post(servers.url("/echo"), bytes, "application/x-ucell-bytes");
        assertArrayEquals(bytes, post.body());
        assertEquals("application/x-ucell-bytes", post.header("X-Content-Type").orElseThrow());
        assertEquals("POST", post.header("X-Method").orElseThrow());

        HttpResponse delete = sim.http.delete(servers.url("/store/bytes"));
        assertEquals(204, delete.statusCode());
        assertFalse(servers.store.containsKey("bytes"));
        HttpServerException gone = assertThrows(HttpServerException.class, () -> sim.http.get(servers.url("/store/bytes")));
        assertEquals(404, gone.statusCode());
        assertEquals("no bytes", gone.response().bodyText());
        assertTemporaryFilesRemoved();
    }

    @Test
    void postDataAndPostFileWithContentTypes() throws Exception {
        // short printable text goes as POST data (+UHTTPC=p,5), the rest through a module file (+UHTTPC=p,4)
        String form = "name_post=MyName&age_post=30";
        HttpResponse r = sim.http.send(HttpRequest.post(servers.url("/echo?via=data"), form, HttpRequest.FORM));
        assertEquals(form, r.bodyText());
        assertEquals(HttpRequest.FORM, r.header("X-Content-Type").orElseThrow());
        String json = "{\"text\":\"quotes make it a file\",\"n\":[1,2,3]}";
        r = sim.http.send(HttpRequest.post(servers.url("/echo?via=file"), json, HttpRequest.JSON));
        assertEquals(json, r.bodyText());
        assertEquals(HttpRequest.JSON, r.header("X-Content-Type").orElseThrow());
        r = sim.http.send(HttpRequest.post(servers.url("/echo"), "plain words", HttpRequest.TEXT_PLAIN));
        assertEquals("text/plain", r.header("X-Content-Type").orElseThrow());
        r = sim.http.send(HttpRequest.post(servers.url("/echo"), "<a/>", "application/xml"));
        assertEquals("application/xml", r.header("X-Content-Type").orElseThrow());
        r = sim.http.send(HttpRequest.post(servers.url("/echo"), "x=1", "text/csv; charset=utf-8"));
        assertEquals("text/csv; charset=utf-8", r.header("X-Content-Type").orElseThrow());
        assertEquals("x=1", r.bodyText());
        byte[] longText = "a".repeat(500).getBytes(StandardCharsets.US_ASCII);
        r = sim.http.send(HttpRequest.put(servers.url("/echo"), longText, HttpRequest.TEXT_PLAIN));
        assertEquals("PUT", r.header("X-Method").orElseThrow());
        assertArrayEquals(longText, r.body());
        assertTrue(servers.log.contains("POST /echo?via=data " + HttpRequest.FORM + " " + form.length()), servers.log.toString());
        assertTrue(servers.log.contains("POST /echo?via=file " + HttpRequest.JSON + " " + json.length()), servers.log.toString());
        assertTemporaryFilesRemoved();
    }

    @Test
    void largeBodiesBothWays() throws Exception {
        byte[] big = HttpServers.pattern(300_000);
        assertEquals(201, sim.http.put(servers.url("/store/big"), big, HttpRequest.OCTET_STREAM).statusCode());
        assertArrayEquals(big, servers.store.get("big"));
        HttpResponse r = sim.http.get(servers.url("/big?n=500000"));
        assertEquals(500_000, r.body().length);
        assertArrayEquals(HttpServers.pattern(500_000), r.body());
        assertEquals("500000", r.header("Content-Length").orElseThrow());
        assertTemporaryFilesRemoved();
    }

    @Test
    void aLargeBodyStreamsFromTheModuleFile() throws Exception {
        String name;
        try (HttpStreamResponse r = sim.http.open(HttpRequest.get(servers.url("/big?n=200000")))) {
            assertEquals(200, r.statusCode());
            assertEquals("200000", r.header("content-length").orElseThrow());
            // the body is still in the module until read
            List<String> pending = sim.module.files().list().stream().filter(n -> n.startsWith(ModuleFiles.TEMPORARY_PREFIX)).toList();
            assertEquals(1, pending.size(), pending.toString());
            name = pending.get(0);
            byte[] file = sim.module.files().read(name);
            assertEquals(200_000, file.length - headLength(file));
            byte[] first = r.body().readNBytes(1000);
            assertArrayEquals(java.util.Arrays.copyOf(HttpServers.pattern(200_000), 1000), first);
            byte[] rest = r.body().readAllBytes();
            assertEquals(199_000, rest.length);
            assertArrayEquals(java.util.Arrays.copyOfRange(HttpServers.pattern(200_000), 1000, 200_000), rest);
        }
        assertFalse(sim.module.files().exists(name));
        // closed before the end: the file goes too
        try (HttpStreamResponse r = sim.http.open(HttpRequest.get(servers.url("/big?n=50000")))) {
            assertEquals(16, r.body().readNBytes(16).length);
        }
        assertTemporaryFilesRemoved();
        // an error status reads the whole answer into the exception
        HttpServerException e = assertThrows(HttpServerException.class, () -> sim.http.open(HttpRequest.get(servers.url("/status/502"))));
        assertEquals("status 502", e.response().bodyText());
        assertTemporaryFilesRemoved();
    }

    /** Bytes up to and including the empty line after the headers. */
    private static int headLength(byte[] file) {
        String s = new String(file, StandardCharsets.ISO_8859_1);
        return s.indexOf("\r\n\r\n") + 4;
    }

    @Test
    void serverErrorsCarryTheServersCode() throws Exception {
        for (int code : List.of(400, 403, 404, 500, 503)) {
            HttpServerException e = assertThrows(HttpServerException.class, () -> sim.http.get(servers.url("/status/" + code)));
            assertEquals(code, e.statusCode());
            assertEquals("status " + code, e.response().bodyText());
            assertTrue(e.getMessage().contains(Integer.toString(code)), e.getMessage());
        }
        HttpServerException e = assertThrows(HttpServerException.class,
                () -> sim.http.post(servers.url("/status/500"), new byte[] {0, 1, 2}, HttpRequest.OCTET_STREAM));
        assertEquals(500, e.statusCode());
        // 3xx are answers, not errors (the module does not follow redirects)
        assertEquals(302, sim.http.get(servers.url("/status/302")).statusCode());
        assertTemporaryFilesRemoved();
    }

    @Test
    void basicAuthentication() throws Exception {
        HttpServerException e = assertThrows(HttpServerException.class, () -> sim.http.get(servers.url("/auth")));
        assertEquals(401, e.statusCode());
        assertEquals("Basic realm=\"ucell\"", e.response().header("www-authenticate").orElseThrow());
        sim.http.update(HttpSettings.defaults().withCredentials(HttpServers.USER, "wrong"));
        assertEquals(401, assertThrows(HttpServerException.class, () -> sim.http.get(servers.url("/auth"))).statusCode());
        sim.http.update(HttpSettings.defaults().withCredentials(HttpServers.USER, HttpServers.PASSWORD));
        assertEquals("hello " + HttpServers.USER, sim.http.get(servers.url("/auth")).bodyText());
    }

    @Test
    void pathsResolveAgainstTheConfiguredServer() throws Exception {
        sim.http.update(HttpSettings.defaults().withServer(servers.url("")));
        sim.http.put("/store/rel", new byte[] {42}, HttpRequest.OCTET_STREAM);
        assertArrayEquals(new byte[] {42}, sim.http.get("store/rel").body());
        // by name: localhost through the module's DNS
        String byName = "http://localhost:" + servers.plain.getAddress().getPort() + "/store/rel";
        assertArrayEquals(new byte[] {42}, sim.http.get(byName).body());
        HttpException noServer = assertThrows(HttpException.class, () -> {
            sim.http.update(HttpSettings.defaults());
            sim.http.get("/store/rel");
        });
        assertTrue(noServer.getMessage().contains("no server is configured"), noServer.getMessage());
    }

    @Test
    void namesOnlyTheModulesDnsKnows() throws Exception {
        sim.module.setDnsOverride("api.ucell.example", "127.0.0.1");
        String url = "http://api.ucell.example:" + servers.plain.getAddress().getPort() + "/echo";
        assertEquals("hi", sim.http.post(url, "hi".getBytes(StandardCharsets.US_ASCII), HttpRequest.TEXT_PLAIN).bodyText());
        assertEquals("+UHTTP: 0,1,\"api.ucell.example\"", sim.at("AT+UHTTP=0,1").firstText());
    }

    @Test
    void customHeaders() throws Exception {
        HttpResponse r = sim.http.send(HttpRequest.get(servers.url("/echo")).withHeader("X-Trace", "abc-123")
                .withHeader("X-Device", "gateway:7"));
        assertEquals("abc-123", r.header("X-Got-X-trace").orElseThrow());
        assertEquals("gateway:7", r.header("X-Got-X-device").orElseThrow());
        HttpException bad = assertThrows(HttpException.class,
                () -> sim.http.send(HttpRequest.get(servers.url("/echo")).withHeader("X-Bad", "a\"b")));
        assertTrue(bad.getMessage().contains("double quote"), bad.getMessage());
    }

    @Test
    void httpsWithTheSecurityProfilesValidationLevel() throws Exception {
        // security profile 0: validation level 0, the module's default, takes the test's self-signed certificate
        byte[] bytes = allByteValues();
        HttpResponse r = sim.http.post(servers.httpsUrl("/echo"), bytes, HttpRequest.OCTET_STREAM);
        assertArrayEquals(bytes, r.body());
        // profile 1 with validation level 1: the chain must verify, and this certificate is nobody's
        assertTrue(sim.at("AT+USECPRF=1,0,1").isOk());
        sim.http.update(HttpSettings.defaults().withSecurityProfile(1));
        HttpException e = assertThrows(HttpException.class, () -> sim.http.get(servers.httpsUrl("/echo")));
        assertFalse(e instanceof HttpServerException);
        assertEquals(3, e.errorClass());
        assertEquals(73, e.errorCode());
        assertTrue(e.getMessage().contains("secure socket connect error"), e.getMessage());
        assertTrue(sim.at("AT+USECPRF=1").isOk());
    }

    @Test
    void httpsCheckingChainAndHostNameAgainstTheTestsAuthority() throws Exception {
        // the test server's self-signed certificate is the trusted root, imported with +USECMNG
        byte[] der = servers.trustedCertificate().getEncoded();
        sim.modem.at().executeOk(AtCommand.set("+USECMNG").param(0).param(0).param("http-test-root").param(der.length)
                .promptData(der, new byte[0]).build());
        try {
            assertTrue(sim.at("AT+USECPRF=2,0,2").isOk());
            assertTrue(sim.at("AT+USECPRF=2,3,\"http-test-root\"").isOk());
            sim.http.update(HttpSettings.defaults().withSecurityProfile(2));
            String byName = "https://localhost:" + servers.tls.getAddress().getPort() + "/store/tls";
            assertEquals(201, sim.http.put(byName, allByteValues(), HttpRequest.OCTET_STREAM).statusCode());
            assertArrayEquals(allByteValues(), sim.http.get(servers.httpsUrl("/store/tls")).body());
            // an expected host name (op 4) the certificate does not carry
            assertTrue(sim.at("AT+USECPRF=2,4,\"other.test\"").isOk());
            HttpException e = assertThrows(HttpException.class, () -> sim.http.get(servers.httpsUrl("/echo")));
            assertEquals(73, e.errorCode());
        } finally {
            sim.at("AT+USECPRF=2");
            sim.at("AT+USECMNG=2,0,\"http-test-root\"");
        }
    }

    @Test
    void moduleFailuresAreDecoded() throws Exception {
        // nothing listens on the port: server connection error
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        HttpException refused = assertThrows(HttpException.class, () -> sim.http.get("http://127.0.0.1:" + closed + "/"));
        assertEquals(3, refused.errorClass());
        assertEquals(11, refused.errorCode());
        HttpException dns = assertThrows(HttpException.class, () -> sim.http.get("http://no-such-host.invalid/"));
        assertEquals(3, dns.errorClass());
        assertEquals(23, dns.errorCode());
        assertTrue(dns.getMessage().contains("lookup failed"), dns.getMessage());
        // refused before the module: not http, credentials in the URL
        assertThrows(HttpException.class, () -> sim.http.get("ftp://127.0.0.1/"));
        assertThrows(HttpException.class, () -> sim.http.get("http://u:p@127.0.0.1/"));
        HttpException empty = assertThrows(HttpException.class,
                () -> sim.http.put(servers.url("/store/e"), new byte[0], HttpRequest.OCTET_STREAM));
        assertTrue(empty.getMessage().contains("empty PUT body"), empty.getMessage());
        assertTemporaryFilesRemoved();
    }

    @Test
    void portFollowsTheSecurityOptionUnlessSetByHand() {
        // 10.4: +UHTTP=p,6,1 moves the port to 443, 6,0 back to 80, a port set with op 5 stays
        assertTrue(sim.at("AT+UHTTP=3").isOk());
        assertEquals("+UHTTP: 3,5,80", sim.at("AT+UHTTP=3,5").firstText());
        assertTrue(sim.at("AT+UHTTP=3,6,1,2").isOk());
        assertEquals("+UHTTP: 3,5,443", sim.at("AT+UHTTP=3,5").firstText());
        assertEquals("+UHTTP: 3,6,1,2", sim.at("AT+UHTTP=3,6").firstText());
        assertTrue(sim.at("AT+UHTTP=3,6,0").isOk());
        assertEquals("+UHTTP: 3,5,80", sim.at("AT+UHTTP=3,5").firstText());
        assertTrue(sim.at("AT+UHTTP=3,5,9000").isOk());
        assertTrue(sim.at("AT+UHTTP=3,6,1").isOk());
        assertEquals("+UHTTP: 3,5,9000", sim.at("AT+UHTTP=3,5").firstText());
        assertTrue(sim.at("AT+UHTTP=3").isOk());
        assertEquals("+UHTTP: 3,5,80", sim.at("AT+UHTTP=3,5").firstText());
    }

    private static void assertTemporaryFilesRemoved() {
        List<String> names = sim.module.files().list();
        assertTrue(names.stream().noneMatch(n -> n.startsWith(ModuleFiles.TEMPORARY_PREFIX)), names.toString());
        assertEquals(java.util.Set.of(), sim.files.pendingTemporaries());
    }
}
