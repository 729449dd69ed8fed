package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.info;
import static io.ucell.simulator.SocketSupport.readTcp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.security.CredentialStore;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import io.ucell.testsupport.TlsTestServer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Section 3: +USECMNG, +USECPRF applied to secure sockets, session resumption, limits per model. */
class SecurityTest {
    private static final Pattern SESSION = Pattern.compile("\\+UUSECPRF: 1,13,2,\"([^\"]+)\",\"([^\"]+)\"");
    private static Issued serverCa;
    private static Issued clientCa;
    private static Issued server;
    private static Issued client;

    @BeforeAll
    static void pki() throws Exception {
        serverCa = TestPki.ca("ucell test server CA");
        clientCa = TestPki.ca("ucell test client CA");
        server = TestPki.leaf(serverCa, "server.test", TestPki.rsa(2048), List.of("server.test"));
        client = TestPki.leaf(clientCa, "device-1", TestPki.ec(), List.of());
    }

    /** Information lines without the '>' prompt. */
    private static List<String> lines(String r) {
        List<String> l = info(r);
        l.removeIf(x -> x.startsWith(">"));
        return l;
    }

    private static String upload(Sim s, int type, String name, String pem) throws Exception {
        byte[] data = pem.getBytes(StandardCharsets.US_ASCII);
        return s.at.sendWithPrompt("AT+USECMNG=0," + type + ",\"" + name + "\"," + data.length, data, '>');
    }

    private static void importAll(Sim s) throws Exception {
        assertTrue(upload(s, 0, "server-ca", serverCa.certPem()).contains("OK"));
        assertTrue(upload(s, 1, "device", client.certPem()).contains("OK"));
        assertTrue(upload(s, 2, "device-key", client.keyPem()).contains("OK"));
    }

    /** Profile 1: validation with host name (op 4) and dates, CA, client certificate and key, SNI. */
    private static void mutualProfile(Sim s) throws Exception {
        s.ok("AT+USECPRF=1");
        s.ok("AT+USECPRF=1,0,3");
        s.ok("AT+USECPRF=1,3,\"server-ca\"");
        s.ok("AT+USECPRF=1,4,\"server.test\"");
        s.ok("AT+USECPRF=1,5,\"device\"");
        s.ok("AT+USECPRF=1,6,\"device-key\"");
        s.ok("AT+USECPRF=1,10,\"server.test\"");
    }

    /** The server records a handshake once it has the client's Finished, a little after the client. */
    private static void await(java.util.function.BooleanSupplier c) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).until(c::getAsBoolean);
    }

    /** SARA-R5 02B: the default context is up again once registered. */
    private static void afterReboot(Sim s) throws Exception {
        s.ok("ATE0");
        s.awaitRegistered();
        Thread.sleep(100);
    }

    private static String connect(Sim s, int port) throws Exception {
        s.ok("AT+USOCR=6");
        s.ok("AT+USOSEC=0,1,1");
        return s.fin("AT+USOCO=0,\"127.0.0.1\"," + port);
    }

    @Test
    void certificateManagerImportsListsHashesAndRemoves() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            String r = upload(s, 0, "server-ca", serverCa.certPem());
            String md5 = CredentialStore.md5(serverCa.cert().getEncoded());
            assertEquals(List.of("+USECMNG: 0,0,\"server-ca\",\"" + md5 + "\""), lines(r));
            // DER is accepted as well and hashes the same
            byte[] der = serverCa.cert().getEncoded();
            r = s.at.sendWithPrompt("AT+USECMNG=0,0,\"der-ca\"," + der.length, der, '>');
            assertTrue(r.contains(md5), r);
            assertTrue(upload(s, 2, "device-key", client.keyPem()).contains("OK"));
            List<String> list = info(s.ok("AT+USECMNG=3"));
            assertTrue(list.stream().anyMatch(l -> l.startsWith("CA,\"server-ca\",\"ucell test server CA\",\"20")), list.toString());
            assertTrue(list.contains("PK,\"device-key\""), list.toString());
            assertEquals(List.of("+USECMNG: 4,0,\"server-ca\",\"" + md5 + "\""), info(s.ok("AT+USECMNG=4,0,\"server-ca\"")));
            s.ok("AT+USECMNG=2,0,\"der-ca\"");
            assertEquals("ERROR", s.fin("AT+USECMNG=4,0,\"der-ca\""));
            // not a certificate: refused, nothing stored
            assertTrue(upload(s, 0, "junk", "hello, not a certificate").contains("ERROR"));
            assertEquals(1, info(s.ok("AT+USECMNG=3,0")).size());
            // import from a file that is not there: not found
            assertEquals("ERROR", s.fin("AT+USECMNG=1,0,\"f\",\"ca.crt\""));
            // items survive a reboot
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            s.ok("ATE0");
            assertTrue(info(s.ok("AT+USECMNG=3")).contains("PK,\"device-key\""));
        }
    }

    /** Section 3.1's table: items uploaded with +UDWNFILE, then imported from the file system with +USECMNG=1. */
    @Test
    void importFromModuleFilesHashesTheDer() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            byte[] caPem = serverCa.certPem().getBytes(StandardCharsets.US_ASCII);
            assertTrue(s.at.sendWithPrompt("AT+UDWNFILE=\"ca_cert.crt\"," + caPem.length, caPem, '>').contains("OK"));
            byte[] certDer = client.cert().getEncoded();
            assertTrue(s.at.sendWithPrompt("AT+UDWNFILE=\"client_cert.der\"," + certDer.length, certDer, '>')
                    .contains("OK"));
            byte[] keyPem = TestPki.encryptedKeyPem(client.keys().getPrivate(), "k3y-pw").getBytes(StandardCharsets.US_ASCII);
            assertTrue(s.at.sendWithPrompt("AT+UDWNFILE=\"client_key.key\"," + keyPem.length, keyPem, '>').contains("OK"));

            String caMd5 = CredentialStore.md5(serverCa.cert().getEncoded());
            assertEquals(List.of("+USECMNG: 1,0,\"ca_cert\",\"" + caMd5 + "\""),
                    info(s.ok("AT+USECMNG=1,0,\"ca_cert\",\"ca_cert.crt\"")));
            assertEquals(List.of("+USECMNG: 1,1,\"client_cert\",\"" + CredentialStore.md5(certDer) + "\""),
                    info(s.ok("AT+USECMNG=1,1,\"client_cert\",\"client_cert.der\"")));
            // an encrypted key needs its password
            assertEquals("+CME ERROR: 50", s.fin("AT+USECMNG=1,2,\"client_key\",\"client_key.key\""));
            String key = s.ok("AT+USECMNG=1,2,\"client_key\",\"client_key.key\",\"k3y-pw\"");
            assertTrue(info(key).get(0).startsWith("+USECMNG: 1,2,\"client_key\",\""), key);
            // the same MD5 as the streamed import's, and the list shows the items
            assertEquals(List.of("+USECMNG: 4,0,\"ca_cert\",\"" + caMd5 + "\""), info(s.ok("AT+USECMNG=4,0,\"ca_cert\"")));
            List<String> list = info(s.ok("AT+USECMNG=3"));
            assertTrue(list.stream().anyMatch(l -> l.startsWith("CA,\"ca_cert\",\"ucell test server CA\"")), list.toString());
            assertTrue(list.stream().anyMatch(l -> l.startsWith("CC,\"client_cert\",\"device-1\"")), list.toString());
            assertTrue(list.contains("PK,\"client_key\""), list.toString());
            // the files stay
            assertTrue(s.module.files().exists("ca_cert.crt"));
            // errors: no such file, a file that is not a certificate, an invalid file name
            assertEquals("+CME ERROR: 22", s.fin("AT+USECMNG=1,0,\"x\",\"missing.crt\""));
            s.module.files().write("junk.txt", "not a certificate".getBytes(StandardCharsets.US_ASCII));
            assertEquals("+CME ERROR: 50", s.fin("AT+USECMNG=1,0,\"x\",\"junk.txt\""));
            assertEquals("+CME ERROR: 50", s.fin("AT+USECMNG=1,0,\"x\",\"a/b.crt\""));
            assertEquals("+CME ERROR: 22", s.fin("AT+USECMNG=4,0,\"x\""));
        }
    }

    @Test
    void mutualTlsConnectsOnlyWithCaClientCertificateAndSni() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, "server.test"));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            importAll(s);
            // no client certificate: the server refuses
            s.ok("AT+USECPRF=1");
            s.ok("AT+USECPRF=1,0,1");
            s.ok("AT+USECPRF=1,3,\"server-ca\"");
            s.ok("AT+USECPRF=1,10,\"server.test\"");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            // everything but SNI: the server has no certificate for a client that names no host
            mutualProfile(s);
            s.ok("AT+USECPRF=1,10,\"\"");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            // a CA that did not issue the server certificate
            mutualProfile(s);
            assertTrue(upload(s, 0, "other-ca", clientCa.certPem()).contains("OK"));
            s.ok("AT+USECPRF=1,3,\"other-ca\"");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            // the wrong expected host name
            mutualProfile(s);
            s.ok("AT+USECPRF=1,4,\"other.test\"");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            // all right
            mutualProfile(s);
            assertEquals("OK", connect(s, tls.port()));
            byte[] hello = "hello over mutual TLS".getBytes(StandardCharsets.US_ASCII);
            assertTrue(s.at.sendWithPrompt("AT+USOWR=0," + hello.length, hello).contains("OK"));
            assertArrayEquals(hello, readTcp(s, 0, hello.length));
            s.ok("AT+USOCL=0");
            // without session resumption (op 13) the next handshake is a full one: a new session
            assertEquals("OK", connect(s, tls.port()));
            await(() -> tls.sessionIds.size() == 2);
            assertNotEquals(tls.sessionIds.get(0), tls.sessionIds.get(1));
        }
    }

    @Test
    void expiredServerCertificateFailsAtLevelThreeOnly() throws Exception {
        Issued expired = TestPki.expiredLeaf(serverCa, "server.test", TestPki.rsa(2048), List.of("server.test"));
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(expired, clientCa, null));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_01B)) {
            importAll(s);
            mutualProfile(s);
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            s.ok("AT+USECPRF=1,0,2"); // no date check at level 2
            assertEquals("OK", connect(s, tls.port()));
        }
    }

    @Test
    void sessionDataSurvivesARebootAndTheServerResumes() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, "server.test"));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            importAll(s);
            mutualProfile(s);
            s.ok("AT+USECPRF=1,13,0,1");
            s.ok("AT+USECPRF=1,13,1,0");
            s.at.skipUrcs();
            assertEquals("OK", connect(s, tls.port()));
            assertEquals("+UUSECPRF: 1,13,1,0", s.at.awaitUrc("+UUSECPRF: 1,13,1", Duration.ofSeconds(3)));
            Matcher m = SESSION.matcher(s.at.awaitUrc("+UUSECPRF: 1,13,2", Duration.ofSeconds(3)));
            assertTrue(m.matches());
            String id = m.group(1);
            String secret = m.group(2);
            s.ok("AT+USOCL=0");
            await(() -> tls.sessionIds.size() == 1);

            // reboot: resumption settings and session are gone from the module; the host restores them
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            afterReboot(s);
            assertEquals(List.of("+USECPRF: 1,13,0,0", "+USECPRF: 1,13,1,0"), info(s.ok("AT+USECPRF=1,13")));
            s.ok("AT+USECPRF=1,13,0,1");
            s.ok("AT+USECPRF=1,13,1,0");
            s.ok("AT+USECPRF=1,13,2,\"" + id + "\",\"" + secret + "\"");
            s.at.skipUrcs();
            assertEquals("OK", connect(s, tls.port()));
            m = SESSION.matcher(s.at.awaitUrc("+UUSECPRF: 1,13,2", Duration.ofSeconds(3)));
            assertTrue(m.matches());
            assertEquals(id, m.group(1), "the same session data: resumed");
            await(() -> tls.sessionIds.size() == 2);
            assertEquals(tls.sessionIds.get(0), tls.sessionIds.get(1), "the server saw the same session");
            s.ok("AT+USOCL=0");

            // data the module never issued: full handshake, new data in the URC
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            afterReboot(s);
            s.ok("AT+USECPRF=1,13,0,1");
            s.ok("AT+USECPRF=1,13,2,\"AAAA\",\"BBBB\"");
            s.at.skipUrcs();
            assertEquals("OK", connect(s, tls.port()));
            m = SESSION.matcher(s.at.awaitUrc("+UUSECPRF: 1,13,2", Duration.ofSeconds(3)));
            assertTrue(m.matches());
            assertNotEquals(id, m.group(1));
            await(() -> tls.sessionIds.size() == 3);
            assertNotEquals(tls.sessionIds.get(0), tls.sessionIds.get(2));
        }
    }

    @Test
    void pinningCipherSuitesAndTlsVersionAreApplied() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, null));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            importAll(s);
            // pinning (op 12): the server's own certificate passes, another one does not
            assertTrue(upload(s, 3, "pin-server", server.certPem()).contains("OK"));
            assertTrue(upload(s, 3, "pin-other", client.certPem()).contains("OK"));
            mutualProfile(s);
            s.ok("AT+USECPRF=1,12,\"pin-server\"");
            assertEquals("OK", connect(s, tls.port()));
            s.ok("AT+USOCL=0");
            s.ok("AT+USECPRF=1,12,\"pin-other\"");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            s.ok("AT+USECPRF=1,12,0");
            // cipher suites (op 2): an RSA suite works with the RSA server certificate, an ECDSA-only one cannot
            s.ok("AT+USECPRF=1,2,32"); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            assertEquals("OK", connect(s, tls.port()));
            s.ok("AT+USOCL=0");
            s.ok("AT+USECPRF=1,2,99,\"C0\",\"2B\""); // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            s.ok("AT+USECPRF=1,2,0");
            // minimum TLS 1.3 (op 1) against a TLS 1.2 server
            s.ok("AT+USECPRF=1,1,4");
            assertEquals("ERROR", connect(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3));
            s.ok("AT+USECPRF=1,1,3");
            assertEquals("OK", connect(s, tls.port()));
        }
    }

    @Test
    void atMostFourTlsConnections() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, null));
                Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            importAll(s);
            mutualProfile(s);
            for (int i = 0; i < 5; i++) {
                s.ok("AT+USOCR=6");
                s.ok("AT+USOSEC=" + i + ",1,1");
                assertEquals(i < 4 ? "OK" : "ERROR", s.fin("AT+USOCO=" + i + ",\"127.0.0.1\"," + tls.port()), "connection " + i);
            }
            s.at.awaitUrc("+UUSOCL: 4", Duration.ofSeconds(3));
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            s.ok("AT+USOCL=0");
            await(() -> s.module.securityProfiles().openTlsConnections() == 3);
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSEC=0,1,1");
            assertEquals("OK", s.fin("AT+USOCO=0,\"127.0.0.1\"," + tls.port()), "a slot is free again");
        }
    }

    @Test
    void capabilitiesPerModel() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            s.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,1,4")));
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,2,99,\"13\",\"01\"")));
            s.ok("AT+USECPRF=0,1,3");
            s.ok("AT+USECPRF=0,2,100,\"C0\",\"2F\",0");
            s.ok("AT+USECPRF=0,2,100,\"C0\",\"30\",0");
            assertEquals(List.of("+USECPRF: 0,2,100,\"C02F;C030\""), info(s.ok("AT+USECPRF=0,2")));
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,13,1,1"))); // no tickets on SARA-R5
            s.ok("AT+USECPRF=0,7,\"secret\"");
            assertEquals("ERROR", s.fin("AT+USECPRF=0,7")); // write-only
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,12,\"pin\"")));
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,11,1")));
            assertEquals("+CME ERROR: 4", AtClient.finalCode(s.at.send("AT+USECPRF=0,2,100,\"C0\",\"2F\",0")));
            s.ok("AT+USECPRF=0,2,99,\"C0\",\"2F\"");
            s.ok("AT+USECPRF=0,2,32");
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            assertEquals("ERROR", s.fin("AT+USECMNG=3"));
            assertEquals("ERROR", s.fin("AT+USECPRF=0,0,1"));
        }
    }
}
