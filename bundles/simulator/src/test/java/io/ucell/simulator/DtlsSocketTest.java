package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.allByteValues;
import static io.ucell.simulator.SocketSupport.info;
import static io.ucell.simulator.SocketSupport.readTcp;
import static io.ucell.simulator.SocketSupport.usorfData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.DtlsEchoServer;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Section 5.11 on UDP: +USOSEC on a UDP socket makes +USOCO run a DTLS 1.2 handshake (Scandium) with the
 * security profile (section 3: PSK op 8/9, CA from +USECMNG op 3, validation level op 0, host name, client
 * certificate op 5/6), then +USOWR/+USORD carry datagrams through the session, against a Scandium echo server.
 */
class DtlsSocketTest {
    private static final String HOST = "dtls.test";
    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
    private static Issued serverCa;
    private static Issued otherCa;
    private static Issued clientCa;
    private static Issued server;
    private static Issued client;

    @BeforeAll
    static void certificates() throws Exception {
        serverCa = TestPki.ca("ucell dtls CA");
        otherCa = TestPki.ca("some other CA");
        clientCa = TestPki.ca("ucell device CA");
        server = TestPki.leaf(serverCa, HOST, TestPki.ec(), List.of(HOST));
        client = TestPki.leaf(clientCa, "device-7", TestPki.ec(), List.of());
    }

    private static String upload(Sim s, int type, String name, String pem) throws Exception {
        byte[] data = pem.getBytes(StandardCharsets.US_ASCII);
        return s.at.sendWithPrompt("AT+USECMNG=0," + type + ",\"" + name + "\"," + data.length, data, '>');
    }

    /** Writes all 256 byte values with +USOWR and reads the echo back with +USORD. */
    private static void echoAllBytes(Sim s, DtlsEchoServer echo) throws Exception {
        byte[] all = allByteValues();
        assertTrue(s.at.sendWithPrompt("AT+USOWR=0,256", all).contains("+USOWR: 0,256"));
        assertArrayEquals(all, readTcp(s, 0, 256));
        await().atMost(Duration.ofSeconds(5)).until(() -> !echo.received().isEmpty());
        assertArrayEquals(all, echo.received().get(echo.received().size() - 1), "the server decrypted the same bytes");
    }

    @Test
    void pskEchoWithUsowrAndUsord() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                DtlsEchoServer echo = DtlsEchoServer.psk("device-9", KEY)) {
            s.ok("AT+USECPRF=1,8,\"00112233445566778899AABBCCDDEEFF\",1");
            s.ok("AT+USECPRF=1,9,\"device-9\"");
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=17")));
            s.ok("AT+USOSEC=0,1,1");
            assertEquals(List.of("+USOSEC: 0,1,1"), info(s.ok("AT+USOSEC=0")), "read back");
            s.error("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",2,\"hi\""); // no clear datagrams
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port()); // OK once the handshake is done
            assertEquals(1, s.module.securityProfiles().openTlsConnections());
            s.error("AT+USOSEC=0,0"); // not after connect
            echoAllBytes(s, echo);
            assertEquals("device-9", echo.clients().get(0).getName());
            // +USORF still reads, giving the peer's address
            assertTrue(s.at.send("AT+USOWR=0,5,\"hello\"").contains("+USOWR: 0,5"));
            await().atMost(Duration.ofSeconds(5)).until(() -> !s.ok("AT+USORF=0,0").contains("+USORF: 0,0"));
            SocketSupport.Datagram d = usorfData(s.ok("AT+USORF=0,1024"), 0);
            assertEquals("127.0.0.1", d.ip());
            assertEquals(echo.port(), d.port());
            assertEquals("hello", new String(d.data(), StandardCharsets.US_ASCII));
            s.ok("AT+USOCL=0");
            await().atMost(Duration.ofSeconds(5)).until(() -> s.module.securityProfiles().openTlsConnections() == 0);
        }
    }

    @Test
    void wrongPskFailsTheConnect() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B);
                DtlsEchoServer echo = DtlsEchoServer.psk("device-9", KEY)) {
            s.ok("AT+USECPRF=0,8,\"FFEEDDCCBBAA99887766554433221100\",1");
            s.ok("AT+USECPRF=0,9,\"device-9\"");
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=0,1,0");
            // a wrong key fails the Finished check: the server stays silent, the retransmissions run out
            assertEquals("ERROR", AtClient.finalCode(s.at.send("AT+USOCO=0,\"127.0.0.1\"," + echo.port(),
                    Duration.ofSeconds(30))));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3)));
            assertEquals(List.of("+USOER: 104"), info(s.ok("AT+USOER")));
            assertEquals(0, s.module.securityProfiles().openTlsConnections());
            assertTrue(echo.received().isEmpty());
        }
    }

    @Test
    void certificatesFromUsecmngWithMutualAuthentication() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                DtlsEchoServer echo = DtlsEchoServer.certificate(server, clientCa)) {
            s.module.setDnsOverride(HOST, "127.0.0.1");
            assertTrue(upload(s, 0, "dtls-ca", serverCa.certPem()).contains("OK"));
            assertTrue(upload(s, 1, "device", client.certPem()).contains("OK"));
            assertTrue(upload(s, 2, "device-key", client.keyPem()).contains("OK"));
            s.ok("AT+USECPRF=2,0,3"); // trusted root, host name and dates
            s.ok("AT+USECPRF=2,3,\"dtls-ca\"");
            s.ok("AT+USECPRF=2,5,\"device\"");
            s.ok("AT+USECPRF=2,6,\"device-key\"");
            s.ok("AT+USOCR=17,4711");
            s.ok("AT+USOSEC=0,1,2");
            s.ok("AT+USOCO=0,\"" + HOST + "\"," + echo.port());
            echoAllBytes(s, echo);
            assertEquals("CN=device-7", echo.clients().get(0).getName());
            s.ok("AT+USOCL=0");

            // the certificate does not name 127.0.0.1: level 2+ refuses it when connecting by address
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=0,1,2");
            assertEquals("ERROR", s.fin("AT+USOCO=0,\"127.0.0.1\"," + echo.port()));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3)));
            // unless the expected host name is configured (op 4)
            s.ok("AT+USECPRF=2,4,\"" + HOST + "\"");
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=0,1,2");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port());
            s.ok("AT+USOCL=0");
        }
    }

    @Test
    void aServerFromAnotherCaIsRefused() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                DtlsEchoServer echo = DtlsEchoServer.certificate(server, null)) {
            s.module.setDnsOverride(HOST, "127.0.0.1");
            assertTrue(upload(s, 0, "other-ca", otherCa.certPem()).contains("OK"));
            s.ok("AT+USECPRF=3,0,1");
            s.ok("AT+USECPRF=3,3,\"other-ca\"");
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=0,1,3");
            assertEquals("ERROR", s.fin("AT+USOCO=0,\"" + HOST + "\"," + echo.port()));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3)));
            assertEquals(List.of("+USOER: 104"), info(s.ok("AT+USOER")));
            assertTrue(echo.received().isEmpty());
            // validation level 0 (factory profile) talks to the same server
            s.ok("AT+USECPRF=3");
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=0,1,3");
            s.ok("AT+USOCO=0,\"" + HOST + "\"," + echo.port());
            echoAllBytes(s, echo);
        }
    }

    /** Section 3.3: DTLS sessions count toward the module's 4 TLS connections. */
    @Test
    void dtlsSessionsCountTowardTheTlsLimit() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                DtlsEchoServer echo = DtlsEchoServer.psk("device-9", KEY)) {
            s.ok("AT+USECPRF=1,8,\"00112233445566778899AABBCCDDEEFF\",1");
            s.ok("AT+USECPRF=1,9,\"device-9\"");
            for (int i = 0; i < 4; i++) {
                assertEquals(List.of("+USOCR: " + i), info(s.ok("AT+USOCR=17")));
                s.ok("AT+USOSEC=" + i + ",1,1");
                s.ok("AT+USOCO=" + i + ",\"127.0.0.1\"," + echo.port());
            }
            assertEquals(4, s.module.securityProfiles().openTlsConnections());
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSEC=4,1,1");
            assertEquals("ERROR", s.fin("AT+USOCO=4,\"127.0.0.1\"," + echo.port()));
            assertEquals("+UUSOCL: 4", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3)));
            s.ok("AT+USOCL=2");
            await().atMost(Duration.ofSeconds(5)).until(() -> s.module.securityProfiles().openTlsConnections() == 3);
            assertEquals(List.of("+USOCR: 2"), info(s.ok("AT+USOCR=17")));
            s.ok("AT+USOSEC=2,1,1");
            s.ok("AT+USOCO=2,\"127.0.0.1\"," + echo.port());
        }
    }
}
