package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.ucell.simulator.model.ModuleModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** +UHTTP, +UHTTPC, +UUHTTPCR and +UHTTPER at the AT interface, against the JDK's HttpServer on loopback. */
class HttpTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(20);
    private static HttpServer server;
    private static final Map<String, String> seen = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            byte[] body = x.getRequestBody().readAllBytes();
            seen.put("request", x.getRequestMethod() + " " + x.getRequestURI() + " " + x.getRequestHeaders().getFirst("Content-Type")
                    + " " + new String(body, StandardCharsets.ISO_8859_1));
            seen.put("auth", String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
            seen.put("custom", String.valueOf(x.getRequestHeaders().getFirst("X-Custom")));
            int status = x.getRequestURI().getPath().equals("/missing") ? 404 : 200;
            x.getResponseHeaders().set("X-Test", "yes");
            byte[] answer = ("answer to " + x.getRequestMethod()).getBytes(StandardCharsets.US_ASCII);
            x.sendResponseHeaders(status, x.getRequestMethod().equals("HEAD") ? -1 : answer.length);
            if (!x.getRequestMethod().equals("HEAD")) {
                x.getResponseBody().write(answer);
            }
            x.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static String file(Sim s, String name) throws Exception {
        return new String(s.module.files().read(name), StandardCharsets.ISO_8859_1);
    }

    private static void profile(Sim s) throws Exception {
        s.ok("ATE0");
        s.awaitRegistered();
        s.ok("AT+UHTTP=0");
        s.ok("AT+UHTTP=0,0,\"127.0.0.1\"");
        s.ok("AT+UHTTP=0,5," + server.getAddress().getPort());
    }

    @Test
    void everyCommandWritesTheResponseFile() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            profile(s);
            s.ok("AT+UHTTPC=0,1,\"/x?y=1\",\"get.ffs\"");
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            String get = file(s, "get.ffs");
            assertTrue(get.startsWith("HTTP/1.1 200 OK\r\n"), get);
            assertTrue(get.toLowerCase().contains("x-test: yes\r\n"), get);
            assertTrue(get.endsWith("\r\n\r\nanswer to GET"), get);
            assertEquals("GET /x?y=1 null ", seen.get("request"));

            s.ok("AT+UHTTPC=0,0,\"/\",\"head.ffs\"");
            assertEquals("+UUHTTPCR: 0,0,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertTrue(file(s, "head.ffs").endsWith("\r\n\r\n"), file(s, "head.ffs"));

            s.ok("AT+UHTTPC=0,2,\"/gone\",\"del.ffs\"");
            assertEquals("+UUHTTPCR: 0,2,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("DELETE /gone null ", seen.get("request"));

            // 10.1: POST data, form-urlencoded
            s.ok("AT+UHTTPC=0,5,\"/post\",\"post.ffs\",\"name_post=MyName&age_post=30\",0");
            assertEquals("+UUHTTPCR: 0,5,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("POST /post application/x-www-form-urlencoded name_post=MyName&age_post=30", seen.get("request"));

            // 10.2: POST file, text/plain
            s.at.sendWithPrompt("AT+UDWNFILE=\"postdata.txt\",11", "hello world".getBytes(StandardCharsets.US_ASCII), '>');
            s.ok("AT+UHTTPC=0,4,\"/post\",\"result.txt\",\"postdata.txt\",1");
            assertEquals("+UUHTTPCR: 0,4,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("POST /post text/plain hello world", seen.get("request"));

            // PUT with a user defined content type; the response file is replaced, not appended to
            s.ok("AT+UHTTPC=0,3,\"/put\",\"result.txt\",\"postdata.txt\",6,\"application/vnd.x+text\"");
            assertEquals("+UUHTTPCR: 0,3,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("PUT /put application/vnd.x+text hello world", seen.get("request"));
            assertTrue(file(s, "result.txt").endsWith("\r\n\r\nanswer to PUT"), file(s, "result.txt"));
            assertEquals(1, file(s, "result.txt").split("HTTP/1.1").length - 1);

            // a 404 is an answer: success, and the file says 404
            s.ok("AT+UHTTPC=0,1,\"/missing\",\"nf.ffs\"");
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertTrue(file(s, "nf.ffs").startsWith("HTTP/1.1 404 Not Found\r\n"));
            assertEquals(List.of("+UHTTPER: 0,0,0"), SocketSupport.info(s.ok("AT+UHTTPER=0")));
        }
    }

    @Test
    void authenticationAndCustomHeaders() throws Exception {
        try (Sim s = Sim.start(ModuleModel.LEXI_R520)) {
            profile(s);
            s.ok("AT+UHTTP=0,2,\"test_user\"");
            s.ok("AT+UHTTP=0,3,\"P455w0rd\"");
            s.ok("AT+UHTTP=0,4,1");
            s.ok("AT+UHTTP=0,9,\"0:X-Custom:one two\"");
            assertEquals(List.of("+UHTTP: 0,2,\"test_user\""), SocketSupport.info(s.ok("AT+UHTTP=0,2")));
            s.ok("AT+UHTTPC=0,1,\"/a\",\"a.ffs\"");
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("Basic dGVzdF91c2VyOlA0NTV3MHJk", seen.get("auth"));
            assertEquals("one two", seen.get("custom"));
            s.ok("AT+UHTTP=0,9,\"0:\"");
            s.ok("AT+UHTTP=0,4,0");
            s.ok("AT+UHTTPC=0,1,\"/a\",\"a.ffs\"");
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals("null", seen.get("auth"));
            assertEquals("null", seen.get("custom"));
        }
    }

    @Test
    void refusedCommandsAndFailedRequests() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            s.awaitRegistered();
            s.ok("AT+UHTTP=1");
            // no server yet
            assertEquals("+CME ERROR: 3", s.fin("AT+UHTTPC=1,1,\"/\",\"r.ffs\""));
            assertEquals(List.of("+UHTTPER: 1,3,7"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTP=1,0,\"300.1.1.1\""));
            assertEquals(List.of("+UHTTPER: 1,3,5"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTP=1,2,\"" + "u".repeat(31) + "\""));
            assertEquals(List.of("+UHTTPER: 1,3,8"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTP=1,7,10"));
            // no PDP mapping before 02B
            assertEquals("+CME ERROR: 4", s.fin("AT+UHTTP=1,20,1,0"));
            s.ok("AT+UHTTP=1,1,\"localhost\"");
            s.ok("AT+UHTTP=1,5," + server.getAddress().getPort());
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTPC=1,5,\"/\",\"r.ffs\",\"" + "d".repeat(129) + "\",1"));
            assertEquals(List.of("+UHTTPER: 1,3,15"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTPC=1,4,\"/\",\"r.ffs\",\"nofile\",1"));
            assertEquals(List.of("+UHTTPER: 1,3,17"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTPC=1,5,\"/\",\"r.ffs\",\"a=1\",7"));
            assertEquals(List.of("+UHTTPER: 1,3,18"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertEquals("+CME ERROR: 50", s.fin("AT+UHTTPC=1,1,\"/\",\"bad:name\""));
            assertEquals(List.of("+UHTTPER: 1,3,16"), SocketSupport.info(s.ok("AT+UHTTPER=1")));

            // the 01B needs an active PSD profile for its internal applications: without it, OK and a failure URC
            s.ok("AT+UHTTPC=1,1,\"/\",\"r.ffs\"");
            assertEquals("+UUHTTPCR: 1,1,0", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals(List.of("+UHTTPER: 1,3,22"), SocketSupport.info(s.ok("AT+UHTTPER=1")));
            assertFalse(s.module.files().exists("r.ffs"));
        }
    }

    @Test
    void aRebootForgetsProfiles() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            profile(s);
            assertEquals(List.of("+UHTTP: 0,0,\"127.0.0.1\""), SocketSupport.info(s.ok("AT+UHTTP=0,0")));
            assertEquals("\r\nOK\r\n", s.at.send("AT+CFUN=16"));
            s.awaitAnswering();
            s.ok("ATE0");
            assertEquals(List.of("+UHTTP: 0,0,\"\""), SocketSupport.info(s.ok("AT+UHTTP=0,0")));
            assertEquals(List.of("+UHTTP: 0,5,80"), SocketSupport.info(s.ok("AT+UHTTP=0,5")));
        }
    }

    @Test
    void noHttpOnSaraR422() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            s.ok("ATE0");
            assertEquals("ERROR", s.fin("AT+UHTTP=0"));
            assertEquals("ERROR", s.fin("AT+UHTTPC=0,1,\"/\",\"r\""));
            assertEquals("ERROR", s.fin("AT+UHTTPER=0"));
        }
    }
}
