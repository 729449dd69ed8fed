package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.FtpTestServer;
import io.ucell.testsupport.TestBroker;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import io.ucell.testsupport.TlsTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Explicit FTPS (+UFTP=8/12) uses the +USECPRF profile like the module's other TLS users: its SNI (op 10, else
 * the server name) on the control and data channels, and one of the module's 4 TLS connections per FTPS session
 * from login to logout.
 */
class FtpsTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private static void op(Sim s, String cmd, int op, int result) throws Exception {
        s.at.skipUrcs();
        s.ok(cmd);
        assertEquals("+UUFTPCR: " + op + "," + result, s.at.awaitUrc("+UUFTPCR", WAIT), cmd);
    }

    private static void account(Sim s, FtpTestServer server) throws Exception {
        s.ok("AT+UFTP=7," + server.port);
        s.ok("AT+UFTP=2,\"" + FtpTestServer.USER + "\"");
        s.ok("AT+UFTP=3,\"" + FtpTestServer.PASSWORD + "\"");
        s.ok("AT+UFTP=6,1");
        s.ok("AT+UFTP=8,1,2");
        s.ok("AT+UFTP=12,1");
    }

    private static List<String> since(List<String> all, int from) {
        return new ArrayList<>(all.subList(from, all.size()));
    }

    @Test
    void ftpsSendsTheProfilesSniOnControlAndDataChannels() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, true)) {
            Files.write(server.file("x.bin"), "payload".getBytes(StandardCharsets.US_ASCII));
            s.module.setDnsOverride("ftp.test", "127.0.0.1");
            account(s, server);
            // no op 10: the server name given to +UFTP=1 is the SNI
            s.ok("AT+UFTP=1,\"ftp.test\"");
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=4,\"x.bin\",\"x.bin\"", 4, 1);
            op(s, "AT+UFTPC=0", 0, 1);
            assertEquals("control=true,data=true", server.channelSecurity.get("RETR x.bin"));
            List<String> seen = since(server.serverNames, 0);
            assertTrue(seen.size() >= 2, "control and data handshakes: " + seen);
            assertTrue(seen.stream().allMatch("ftp.test"::equals), seen.toString());
            // op 10 names another host
            s.ok("AT+USECPRF=2,10,\"sni.example\"");
            int from = server.serverNames.size();
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=13", 13, 1);
            op(s, "AT+UFTPC=0", 0, 1);
            seen = since(server.serverNames, from);
            assertTrue(seen.size() >= 2, "control and data handshakes: " + seen);
            assertTrue(seen.stream().allMatch("sni.example"::equals), seen.toString());
            // active mode: the module accepts the data connection and is its TLS client all the same
            s.ok("AT+UFTP=6,0");
            from = server.serverNames.size();
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=4,\"x.bin\",\"y.bin\"", 4, 1);
            op(s, "AT+UFTPC=0", 0, 1);
            assertEquals("control=true,data=true", server.channelSecurity.get("RETR x.bin"));
            seen = since(server.serverNames, from);
            assertTrue(seen.size() >= 2, "control and data handshakes: " + seen);
            assertTrue(seen.stream().allMatch("sni.example"::equals), seen.toString());
            s.ok("AT+UFTP=6,1");
            // server by IP address, no op 10: no SNI (an IP literal is not a server name, RFC 6066)
            s.ok("AT+USECPRF=2");
            s.ok("AT+UFTP=0,\"127.0.0.1\"");
            from = server.serverNames.size();
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=0", 0, 1);
            assertEquals(List.of(""), since(server.serverNames, from));
            // session resumption on (3.4): the control channel's handshake is reported before the login's result
            s.ok("AT+USECPRF=2,13,0,1");
            s.at.skipUrcs();
            s.ok("AT+UFTPC=1");
            assertTrue(s.at.awaitUrc("+UUSECPRF: 2,13,2,", WAIT).matches("\\+UUSECPRF: 2,13,2,\"[^\"]+\",\"[^\"]+\""));
            assertEquals("+UUFTPCR: 1,1", s.at.awaitUrc("+UUFTPCR", WAIT));
            op(s, "AT+UFTPC=0", 0, 1);
        }
    }

    private static String upload(Sim s, int type, String name, String pem) throws Exception {
        byte[] data = pem.getBytes(StandardCharsets.US_ASCII);
        return s.at.sendWithPrompt("AT+USECMNG=0," + type + ",\"" + name + "\"," + data.length, data, '>');
    }

    /** A secure TCP socket with profile 1; its +USOCO's final result code. */
    private static String secureSocket(Sim s, int port) throws Exception {
        String created = SocketSupport.info(s.ok("AT+USOCR=6")).get(0);
        int socket = Integer.parseInt(created.substring(created.indexOf(':') + 1).trim());
        s.ok("AT+USOSEC=" + socket + ",1,1");
        return s.fin("AT+USOCO=" + socket + ",\"127.0.0.1\"," + port);
    }

    @Test
    void anFtpsSessionHoldsOneOfTheFourTlsConnectionsUntilLogout() throws Exception {
        Issued serverCa = TestPki.ca("ucell test server CA");
        Issued clientCa = TestPki.ca("ucell test client CA");
        Issued tlsServer = TestPki.leaf(serverCa, "server.test", TestPki.rsa(2048), List.of("server.test"));
        Issued client = TestPki.leaf(clientCa, "device-1", TestPki.ec(), List.of());
        Issued brokerCertificate = TestPki.leaf(serverCa, "broker.test", TestPki.rsa(2048), List.of("broker.test"));
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, true);
                TlsTestServer tls = new TlsTestServer(TestPki.serverContext(tlsServer, clientCa, null));
                TestBroker broker = TestBroker.startWithTls(Files.createDirectories(dir.resolve("broker")),
                        brokerCertificate, serverCa)) {
            assertTrue(upload(s, 1, "device", client.certPem()).contains("OK"));
            assertTrue(upload(s, 2, "device-key", client.keyPem()).contains("OK"));
            s.ok("AT+USECPRF=1,5,\"device\"");
            s.ok("AT+USECPRF=1,6,\"device-key\"");
            account(s, server);
            s.ok("AT+UFTP=0,\"127.0.0.1\"");
            // secure MQTT, 2 secure sockets and an FTPS session: 4 TLS connections
            s.module.setDnsOverride("broker.test", "127.0.0.1");
            s.ok("AT+UMQTT=3,\"broker.test\"," + broker.tlsPort);
            s.ok("AT+UMQTT=11,1,3");
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=1");
            assertEquals("+UUMQTTC: 1,1", s.at.awaitUrc("+UUMQTTC: 1,", WAIT));
            for (int i = 0; i < 2; i++) {
                assertEquals("OK", secureSocket(s, tls.port()), "socket " + i);
            }
            op(s, "AT+UFTPC=1", 1, 1);
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            // a data transfer on its own TLS channel does not take another one
            op(s, "AT+UFTPC=13", 13, 1);
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            // the fifth is refused as any fifth TLS connection is: ERROR and +UUSOCL
            s.at.skipUrcs();
            assertEquals("ERROR", secureSocket(s, tls.port()));
            s.at.awaitUrc("+UUSOCL", WAIT);
            // logout frees the FTPS session's connection
            op(s, "AT+UFTPC=0", 0, 1);
            assertEquals(3, s.module.securityProfiles().openTlsConnections());
            assertEquals("OK", secureSocket(s, tls.port()), "a slot is free again");
            // 4 sockets up: the FTPS login is refused as a TLS failure (+UFTPER 8,63)
            op(s, "AT+UFTPC=1", 1, 0);
            assertEquals(List.of("+UFTPER: 8,63"), SocketSupport.info(s.ok("AT+UFTPER")));
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            s.ok("AT+USOCL=0");
            Awaitility.await().atMost(WAIT).until(() -> s.module.securityProfiles().openTlsConnections() == 3);
            op(s, "AT+UFTPC=1", 1, 1);
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            // the MQTT session ends: its connection is free for the fifth socket
            s.at.skipUrcs();
            s.ok("AT+UMQTTC=0");
            s.at.awaitUrc("+UUMQTTC: 0,", WAIT);
            Awaitility.await().atMost(WAIT).until(() -> s.module.securityProfiles().openTlsConnections() == 3);
            assertEquals("OK", secureSocket(s, tls.port()));
            s.ok("AT+USOCL=0");
            Awaitility.await().atMost(WAIT).until(() -> s.module.securityProfiles().openTlsConnections() == 3);
            // a server that goes away: the session ends and its connection is freed with it
            server.close();
            s.at.skipUrcs();
            s.ok("AT+UFTPC=13");
            s.at.awaitUrc("+UUFTPCR", WAIT);
            // two secure sockets are left
            Awaitility.await().atMost(WAIT).until(() -> s.module.securityProfiles().openTlsConnections() == 2);
        }
    }
}
