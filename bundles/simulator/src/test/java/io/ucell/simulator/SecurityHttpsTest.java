package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import io.ucell.testsupport.TlsTestServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * HTTPS of the module's HTTP client (+UHTTP op 6) with a security profile at the AT interface: CA, client
 * certificate and key from +USECMNG, level 3 with the server name, SNI, session resumption URCs (3.4), and the
 * limit of 4 TLS connections shared with secure sockets (3.3).
 */
class SecurityHttpsTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(20);
    private static final String HOST = "server.test";
    private static Issued serverCa;
    private static Issued clientCa;
    private static Issued client;
    private static HttpsServer https;
    private static final List<String> sessions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        serverCa = TestPki.ca("ucell https CA");
        clientCa = TestPki.ca("ucell device CA");
        Issued server = TestPki.leaf(serverCa, HOST, TestPki.rsa(2048), List.of(HOST));
        client = TestPki.leaf(clientCa, "device-5", TestPki.ec(), List.of());
        // certificate only for SNI server.test, client certificate required, TLS 1.2 (resumption by session id)
        https = HttpsServer.create(new InetSocketAddress(TestPki.loopback(), 0), 0);
        https.setHttpsConfigurator(new HttpsConfigurator(TestPki.serverContext(server, clientCa, HOST)) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        https.createContext("/", x -> {
            HttpsExchange e = (HttpsExchange) x;
            sessions.add(HexFormat.of().formatHex(e.getSSLSession().getId()));
            String who = ((X509Certificate) e.getSSLSession().getPeerCertificates()[0]).getSubjectX500Principal().getName();
            byte[] body = ("hello " + who).getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        https.start();
    }

    @AfterAll
    static void stop() {
        https.stop(0);
    }

    private static String upload(Sim s, int type, String name, String pem) throws Exception {
        byte[] data = pem.getBytes(StandardCharsets.US_ASCII);
        return s.at.sendWithPrompt("AT+USECMNG=0," + type + ",\"" + name + "\"," + data.length, data, '>');
    }

    private static void secureProfile(Sim s) throws Exception {
        assertTrue(upload(s, 0, "https-ca", serverCa.certPem()).contains("OK"));
        assertTrue(upload(s, 1, "device", client.certPem()).contains("OK"));
        assertTrue(upload(s, 2, "device-key", client.keyPem()).contains("OK"));
        s.ok("AT+USECPRF=1,0,3");
        s.ok("AT+USECPRF=1,3,\"https-ca\"");
        s.ok("AT+USECPRF=1,5,\"device\"");
        s.ok("AT+USECPRF=1,6,\"device-key\"");
        s.module.setDnsOverride(HOST, "127.0.0.1");
        s.ok("AT+UHTTP=0");
        s.ok("AT+UHTTP=0,1,\"" + HOST + "\"");
        s.ok("AT+UHTTP=0,6,1,1");
        s.ok("AT+UHTTP=0,5," + https.getAddress().getPort());
    }

    private static String get(Sim s, String file) throws Exception {
        s.ok("AT+UHTTPC=0,1,\"/hello\",\"" + file + "\"");
        return s.at.awaitUrc("+UUHTTPCR:", URC_WAIT);
    }

    @Test
    void httpsWithTheProfilesCertificatesAndResumedSessions() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            secureProfile(s);
            s.ok("AT+USECPRF=1,13,0,1");
            // the session URCs come with the handshake, before the request's result
            s.ok("AT+UHTTPC=0,1,\"/hello\",\"a.txt\"");
            assertEquals("+UUSECPRF: 1,13,1,0", s.at.awaitUrc("+UUSECPRF: 1,13,1", URC_WAIT));
            String first = s.at.awaitUrc("+UUSECPRF: 1,13,2", URC_WAIT);
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            String a = new String(s.module.files().read("a.txt"), StandardCharsets.ISO_8859_1);
            assertTrue(a.startsWith("HTTP/1.1 200 OK\r\n") && a.endsWith("\r\n\r\nhello CN=device-5"), a);
            // the next request resumes the session: the same session at the server, the same data in the URC
            s.ok("AT+UHTTPC=0,1,\"/hello\",\"b.txt\"");
            assertEquals(first, s.at.awaitUrc("+UUSECPRF: 1,13,2", URC_WAIT));
            assertEquals("+UUHTTPCR: 0,1,1", s.at.awaitUrc("+UUHTTPCR:", URC_WAIT));
            assertEquals(2, sessions.size());
            assertEquals(sessions.get(0), sessions.get(1));
            assertEquals(0, s.module.securityProfiles().openTlsConnections());

            // without the client certificate the server refuses: 3/73, secure socket connect error
            s.ok("AT+USECPRF=1,5,\"\"");
            s.ok("AT+USECPRF=1,6,\"\"");
            assertEquals("+UUHTTPCR: 0,1,0", get(s, "c.txt"));
            assertEquals(List.of("+UHTTPER: 0,3,73"), SocketSupport.info(s.ok("AT+UHTTPER=0")));
            // a profile naming a CA the module does not hold
            s.ok("AT+USECPRF=1,3,\"no-such-ca\"");
            assertEquals("+UUHTTPCR: 0,1,0", get(s, "d.txt"));
            assertEquals(List.of("+UHTTPER: 0,3,73"), SocketSupport.info(s.ok("AT+UHTTPER=0")));
        }
    }

    @Test
    void fourSecureSocketsLeaveNoTlsConnectionForHttps() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(TestPki.leaf(serverCa, HOST, TestPki.ec(),
                List.of(HOST)), clientCa, null));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            secureProfile(s);
            for (int i = 0; i < 4; i++) {
                s.ok("AT+USOCR=6");
                s.ok("AT+USOSEC=" + i + ",1,1");
                assertEquals("OK", s.fin("AT+USOCO=" + i + ",\"" + HOST + "\"," + tls.port()), "socket " + i);
            }
            assertEquals("+UUHTTPCR: 0,1,0", get(s, "a.txt"));
            assertEquals(List.of("+UHTTPER: 0,3,73"), SocketSupport.info(s.ok("AT+UHTTPER=0")));
            s.ok("AT+USOCL=0");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> s.module.securityProfiles().openTlsConnections() == 3);
            assertEquals("+UUHTTPCR: 0,1,1", get(s, "b.txt"));
        }
    }
}
