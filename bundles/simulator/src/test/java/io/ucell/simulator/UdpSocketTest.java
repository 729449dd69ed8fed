package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.info;
import static io.ucell.simulator.SocketSupport.usorfData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.testsupport.UdpEchoServer;
import io.ucell.simulator.model.ModuleModel;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Sections 5.6, 5.7 and 5.10: UDP sockets with +USOST / +USORF against a real echo peer. */
class UdpSocketTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(3);

    /** The data URC differs per family (5.7): +UUSORD on SARA-R5, +UUSORF on SARA-R42. */
    @ParameterizedTest
    @CsvSource({"SARA_R5_02B,+UUSORD", "SARA_R42_01B,+UUSORF", "LEXI_R520,+UUSORD", "LEXI_R422,+UUSORF"})
    void echoWithFamilyUrcAndPartialDatagramReads(ModuleModel model, String urc) throws Exception {
        try (Sim s = SocketSupport.withRoute(model); UdpEchoServer echo = new UdpEchoServer()) {
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=17")));
            // 5.10: base syntax, one datagram, echoed back
            assertEquals(List.of("+USOST: 0,5"), info(s.ok("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",5,\"Hello\"")));
            assertEquals(urc + ": 0,5", s.at.awaitUrc(urc, URC_WAIT));
            assertEquals(List.of("+USORF: 0,\"127.0.0.1\"," + echo.port() + ",5,\"Hello\""), info(s.ok("AT+USORF=0,5")));

            // 5.7: a 20-byte datagram read in two pieces, a second datagram arriving in between
            byte[] first = "1234567890abcdefghij".getBytes(StandardCharsets.US_ASCII);
            assertTrue(s.at.sendWithPrompt("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",20", first)
                    .contains("+USOST: 0,20"));
            assertEquals(urc + ": 0,20", s.at.awaitUrc(urc, URC_WAIT));
            SocketSupport.Datagram d = usorfData(s.ok("AT+USORF=0,10"), 0);
            assertEquals("127.0.0.1", d.ip());
            assertEquals(echo.port(), d.port());
            assertEquals("1234567890", new String(d.data(), StandardCharsets.US_ASCII));
            assertEquals(urc + ": 0,10", s.at.awaitUrc(urc, URC_WAIT), "what is left of the datagram");

            byte[] second = new byte[20];
            for (int i = 0; i < second.length; i++) {
                second[i] = (byte) (0xEC + i); // bytes above 0x7F survive
            }
            assertTrue(s.at.sendWithPrompt("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",20", second)
                    .contains("+USOST: 0,20"));
            awaitUdpBuffered(s, 30);
            assertFalse(s.at.collect(Duration.ofMillis(100)).contains(urc), "no URC while data is waiting");
            assertEquals("abcdefghij", new String(usorfData(s.ok("AT+USORF=0,10"), 0).data(), StandardCharsets.US_ASCII));
            assertEquals(urc + ": 0,20", s.at.awaitUrc(urc, URC_WAIT), "the next datagram");
            assertArrayEquals(second, usorfData(s.ok("AT+USORF=0,1024"), 0).data());
            assertEquals(List.of("+USORF: 0,0"), info(s.ok("AT+USORF=0,0")));
            s.error("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",4,\"Hello\"");
        }
    }

    @Test
    void hexModeAndLocalPort() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_01B); UdpEchoServer echo = new UdpEchoServer()) {
            int localPort;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                localPort = probe.getLocalPort();
            }
            // 5.6: the local port is answered back and used as the source port
            assertEquals(List.of("+USOCR: 0," + localPort), info(s.ok("AT+USOCR=17," + localPort)));
            s.ok("AT+UDCONF=1,1");
            s.ok("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",3,\"00FF22\"");
            assertEquals("+UUSORD: 0,3", s.at.awaitUrc("+UUSORD", URC_WAIT));
            assertEquals(List.of("+USORF: 0,\"127.0.0.1\"," + echo.port() + ",3,\"00FF22\""), info(s.ok("AT+USORF=0,3")));
            s.error("AT+USOST=0,\"127.0.0.1\"," + echo.port() + ",3,\"00FF2\"");
            s.error("AT+USORD=0,513");
            s.ok("AT+UDCONF=1,0");
            assertEquals(List.of("+USOCTL: 0,2,3"), info(s.ok("AT+USOCTL=0,2")));
            s.error("AT+USOCTL=0,10"); // TCP only
            s.error("AT+USOWR=0,2,\"ab\""); // no remote bound yet
        }
    }

    /** Spec 5: +USOCO on UDP only binds the remote for +USOWR / +USORD. */
    @Test
    void connectedUdpWithWriteAndRead() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B); UdpEchoServer echo = new UdpEchoServer()) {
            s.ok("AT+USOCR=17");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port());
            assertEquals(List.of("+USOWR: 0,4"), info(s.ok("AT+USOWR=0,4,\"ping\"")));
            assertEquals("+UUSORF: 0,4", s.at.awaitUrc("+UUSORF", URC_WAIT));
            assertEquals(List.of("+USORD: 0,4,\"ping\""), info(s.ok("AT+USORD=0,4")));
        }
    }

    @Test
    void listeningUdpSocketReceivesDatagrams() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                DatagramSocket peer = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            int port;
            try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            s.ok("AT+USOCR=17");
            s.ok("AT+USOLI=0," + port);
            byte[] hello = "hi module".getBytes(StandardCharsets.US_ASCII);
            peer.send(new DatagramPacket(hello, hello.length, InetAddress.getLoopbackAddress(), port));
            assertEquals("+UUSORD: 0,9", s.at.awaitUrc("+UUSORD", URC_WAIT));
            assertEquals(List.of("+USORF: 0,\"127.0.0.1\"," + peer.getLocalPort() + ",9,\"hi module\""),
                    info(s.ok("AT+USORF=0,9")));
            // and the answer goes back from the listening port
            s.ok("AT+USOST=0,\"127.0.0.1\"," + peer.getLocalPort() + ",3,\"ack\"");
            DatagramPacket p = new DatagramPacket(new byte[16], 16);
            peer.setSoTimeout(2000);
            peer.receive(p);
            assertEquals("ack", new String(p.getData(), 0, p.getLength(), StandardCharsets.US_ASCII));
            assertEquals(port, p.getPort());
        }
    }

    private static void awaitUdpBuffered(Sim s, int n) throws Exception {
        long deadline = System.nanoTime() + URC_WAIT.toNanos();
        while (!info(s.ok("AT+USORF=0,0")).equals(List.of("+USORF: 0," + n))) {
            assertTrue(System.nanoTime() < deadline, "buffer never reached " + n);
            Thread.sleep(10);
        }
    }
}
