package io.ucell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.ucell.http.client.HttpSettings;
import io.ucell.security.client.ProfileController;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.security.session.SessionStore;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLPeerUnverifiedException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS through the simulated module with a security profile the security bundle configured: the server's CA
 * imported with +USECMNG, validation level 3 (chain, host name, dates), SNI, and a client certificate for a
 * server that requires one. The servers are the JDK's HttpsServer on loopback; the module reaches them by the
 * name {@value #HOST} (its DNS), which the host's resolver does not know.
 */
class HttpsProfileTest {
    private static final String HOST = "server.test";
    private static Issued serverCa;
    private static Issued clientCa;
    private static Issued server;
    private static Issued client;
    /** Presents its certificate only to clients that send SNI {@value #HOST}. */
    private static HttpsServer sniServer;
    /** Requires a client certificate issued by the client CA. */
    private static HttpsServer mutualServer;
    private static HttpSim sim;

    @TempDir
    Path dir;
    private ProfileController profile;

    @BeforeAll
    static void start() throws Exception {
        serverCa = TestPki.ca("ucell https CA");
        clientCa = TestPki.ca("ucell device CA");
        server = TestPki.leaf(serverCa, HOST, TestPki.rsa(2048), List.of(HOST));
        client = TestPki.leaf(clientCa, "device-3", TestPki.ec(), List.of());
        sniServer = server(TestPki.serverContext(server, clientCa, HOST), false);
        mutualServer = server(TestPki.serverContext(server, clientCa, null), true);
        sim = new HttpSim(ModuleModel.SARA_R5_02B);
        sim.module.setDnsOverride(HOST, "127.0.0.1");
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        sniServer.stop(0);
        mutualServer.stop(0);
    }

    @BeforeEach
    void controller() {
        profile = new ProfileController("https-test", sim.modem, new SessionStore(dir, () -> null), Clock.systemUTC());
        sim.http.update(HttpSettings.defaults().withSecurityProfile(1));
    }

    @AfterEach
    void reset() {
        sim.http.update(HttpSettings.defaults());
        sim.at("AT+USECPRF=1");
    }

    private static HttpsServer server(SSLContext ctx, boolean needClientAuth) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(TestPki.loopback(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ctx) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(needClientAuth);
                params.setSSLParameters(p);
            }
        });
        s.createContext("/hello", HttpsProfileTest::hello);
        s.start();
        return s;
    }

    /** "hello" and the client certificate's subject, if the client sent one. */
    private static void hello(HttpExchange x) throws IOException {
        String who = "anonymous";
        try {
            Certificate[] peer = ((HttpsExchange) x).getSSLSession().getPeerCertificates();
            who = ((X509Certificate) peer[0]).getSubjectX500Principal().getName();
        } catch (SSLPeerUnverifiedException e) {
            // no client certificate
        }
        byte[] body = ("hello " + who).getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(200, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    private static String url(HttpsServer s) {
        return "https://" + HOST + ":" + s.getAddress().getPort() + "/hello";
    }

    /** Profile 1, level 3 (chain, host name, dates), TLS 1.2 or later, the given CA; SNI and host name default. */
    private static ProfileSettings settings(String caName, Issued ca, String hostname, boolean clientCertificate) {
        return new ProfileSettings(1, List.of(HOST), 3, 3, "", caName, ca.certPem(), hostname,
                clientCertificate ? "device-3" : "", clientCertificate ? client.certPem() : "",
                clientCertificate ? "device-3-key" : "", clientCertificate ? client.keyPem() : "", "", "", false, "",
                false, "", "", "", false, 0);
    }

    private void apply(ProfileSettings s) {
        assertEquals(List.of(), profile.configure(s));
        assertTrue(profile.applied(), String.valueOf(profile.error()));
    }

    private static void assertSecureConnectError(String url) {
        HttpException e = assertThrows(HttpException.class, () -> sim.http.get(url));
        assertFalse(e instanceof HttpServerException);
        assertEquals(3, e.errorClass());
        assertEquals(73, e.errorCode(), e.getMessage());
        assertTrue(e.getMessage().contains("secure socket connect error"), e.getMessage());
    }

    @Test
    void levelThreeWithTheImportedCaAndTheRightHostName() throws Exception {
        apply(settings("https-ca", serverCa, "", false));
        // the server name is the host checked and the SNI sent (the server answers no other)
        HttpResponse r = sim.http.get(url(sniServer));
        assertEquals(200, r.statusCode());
        assertEquals("hello anonymous", r.bodyText());
        // an expected host name (op 4) the certificate does not carry
        apply(settings("https-ca", serverCa, "other.test", false));
        assertSecureConnectError(url(sniServer));
        apply(settings("https-ca", serverCa, HOST, false));
        assertEquals(200, sim.http.get(url(sniServer)).statusCode());
    }

    @Test
    void sniAndHostNameFromTheProfileWhenTheServerIsGivenByAddress() throws Exception {
        String byAddress = "https://127.0.0.1:" + sniServer.getAddress().getPort() + "/hello";
        // by address: no SNI, and the certificate does not name 127.0.0.1
        apply(settings("https-ca", serverCa, "", false));
        assertSecureConnectError(byAddress);
        // expected host name (op 4) and SNI (op 10) from the profile
        ProfileSettings s = settings("https-ca", serverCa, HOST, false);
        apply(new ProfileSettings(s.profile(), s.servers(), s.validationLevel(), s.minTlsVersion(), s.cipherSuites(),
                s.caName(), s.caCertificate(), HOST, "", "", "", "", "", "", false, "", false, HOST, "", "", false, 0));
        assertEquals("hello anonymous", sim.http.get(byAddress).bodyText());
    }

    @Test
    void aCaThatDidNotIssueTheServerCertificateFails() throws Exception {
        apply(settings("device-ca", clientCa, "", false));
        assertSecureConnectError(url(sniServer));
        // the right one again
        apply(settings("https-ca", serverCa, "", false));
        assertEquals(200, sim.http.get(url(sniServer)).statusCode());
    }

    @Test
    void mutualTlsWithTheProfilesClientCertificate() throws Exception {
        apply(settings("https-ca", serverCa, "", false));
        assertSecureConnectError(url(mutualServer));
        apply(settings("https-ca", serverCa, "", true));
        HttpResponse r = sim.http.get(url(mutualServer));
        assertEquals(200, r.statusCode());
        assertEquals("hello CN=device-3", r.bodyText());
        // each request held one of the module's 4 TLS connections while it ran, none after
        assertEquals(0, sim.module.securityProfiles().openTlsConnections());
    }
}
