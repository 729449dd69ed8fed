package io.ucell.simulator;

import io.ucell.testsupport.UdpEchoServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.HostPing;
import io.ucell.testsupport.ppp.ModemLine;
import io.ucell.testsupport.ppp.PppClient;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** PPP dial-up (section 4) with the test PPP client over the simulator's TCP port. */
class PppTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String USER = "ppp-user";
    static final String PASSWORD = "ppp-secret";

    /** The DTE: a module on a TCP port, one raw connection carrying AT commands and then PPP. */
    static final class Dte implements AutoCloseable {
        final SimulatedModule module;
        final SimulatorTcpServer server;
        final Socket socket;
        final ModemLine line;

        Dte(ModuleModel model) throws Exception {
            this(model, new HostPing());
        }

        Dte(ModuleModel model, HostPing hostPing) throws Exception {
            this(model, hostPing, 921_600);
        }

        Dte(ModuleModel model, HostPing hostPing, int baud) throws Exception {
            module = new SimulatedModule(Sim.fast(model).baud(baud).build(), hostPing);
            server = SimulatorTcpServer.start(module, 0);
            socket = new Socket("127.0.0.1", server.port());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(100);
            line = new ModemLine(socket.getInputStream(), socket.getOutputStream());
            assertTrue(module.awaitReady(Duration.ofSeconds(5)), "boot");
            ok("ATE0");
            awaitRegistered();
        }

        String at(String cmd) {
            return line.command(cmd, T);
        }

        String fin(String cmd) {
            return ModemLine.finalCode(at(cmd));
        }

        String ok(String cmd) {
            String r = at(cmd);
            assertEquals("OK", ModemLine.finalCode(r), cmd + " -> " + r);
            return r;
        }

        void awaitRegistered() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (at("AT+CEREG?").contains("+CEREG: 0,1")) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("not registered");
        }

        /** Dials and negotiates; the PPP client is open when this returns. */
        PppClient dial(String dial, String user, String password) throws Exception {
            assertEquals("CONNECT", fin(dial));
            return PppClient.connect(line.in(), line.out(), user, password, T);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            server.close();
        }
    }

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** Sends {@code data} from DTE port {@code dtePort} to the echo server and returns what came back (or null). */
    static PppClient.Datagram echo(PppClient ppp, UdpEchoServer server, int dtePort, byte[] data, Duration wait)
            throws Exception {
        ppp.sendUdp(dtePort, LOOPBACK, server.port(), data);
        return ppp.receiveUdp(wait);
    }

    static String cgdcontAddress(Dte d, int cid) {
        Matcher m = Pattern.compile("\\+CGDCONT: " + cid + ",\"[^\"]*\",\"[^\"]*\",\"([0-9.]+)\"").matcher(d.ok("AT+CGDCONT?"));
        assertTrue(m.find());
        return m.group(1);
    }

    @Test
    void routerModeOnSaraR502bNeedsUauthreqAndGivesThePrivateAddresses() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B)) {
            assertEquals("NO CARRIER", d.fin("ATD*99***1#"), "4.1: +UAUTHREQ is mandatory on SARA-R5 02B");
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            String read = d.ok("AT+UAUTHREQ?");
            assertTrue(read.contains("+UAUTHREQ: 1,1,\"" + USER + "\""), read);
            assertFalse(read.contains(PASSWORD), "the password is never shown");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertEquals(0xC023, ppp.authProtocol(), "PAP as +UAUTHREQ asked");
            assertEquals(InetAddress.getByName("192.168.201.1"), ppp.localAddress());
            assertEquals(InetAddress.getByName("192.168.201.2"), ppp.peerAddress());
            assertEquals(InetAddress.getByName("10.11.12.13"), ppp.primaryDns());
            assertEquals(InetAddress.getByName("10.11.12.14"), ppp.secondaryDns());
            assertTrue(ppp.lcpEcho(T), "LCP Echo-Reply");
            assertTrue(ppp.terminate(T), "Terminate-Ack and NO CARRIER");
            assertEquals(0, ppp.badFrames());
            d.ok("AT");
        }
    }

    @Test
    void routerModeOnLexiR520PerCidAndTheDialActivatesTheContext() throws Exception {
        try (Dte d = new Dte(ModuleModel.LEXI_R520)) {
            assertEquals("NO CARRIER", d.fin("ATD*99#"));
            d.ok("AT+UAUTHREQ=1,3,\"dummy\",\"dummy\"");
            PppClient ppp = d.dial("ATD*99#", "dummy", "dummy"); // ATD*99# = cid 1
            assertEquals(0xC223, ppp.authProtocol(), "automatic (3): the module asks for CHAP");
            assertEquals(InetAddress.getByName("192.168.201.1"), ppp.localAddress());
            assertTrue(ppp.terminate(T));

            // a second context: activated by the dial, deactivated when the call ends (4.1.5)
            d.ok("AT+CGDCONT=2,\"IP\",\"apn2\"");
            d.ok("AT+UAUTHREQ=2,1,\"u2\",\"p2\"");
            assertTrue(d.ok("AT+CGACT?").contains("+CGACT: 2,0"));
            ppp = d.dial("ATD*99***2#", "u2", "p2");
            assertEquals(InetAddress.getByName("192.168.202.1"), ppp.localAddress());
            assertEquals(InetAddress.getByName("192.168.202.2"), ppp.peerAddress());
            assertTrue(ppp.terminate(T));
            assertTrue(d.ok("AT+CGACT?").contains("+CGACT: 2,0"), "deactivated with the call");
            assertTrue(d.ok("AT+CGACT?").contains("+CGACT: 1,1"), "the default bearer stays");
        }
    }

    @Test
    void bridgeModeOnSaraR42AndLexiR422GivesTheNetworkAddressWithoutUauthreq() throws Exception {
        for (ModuleModel model : new ModuleModel[] {ModuleModel.SARA_R42_01B, ModuleModel.LEXI_R422}) {
            try (Dte d = new Dte(model)) {
                String address = cgdcontAddress(d, 1);
                PppClient ppp = d.dial("AT+CGDATA=\"PPP\",1", "", "");
                assertEquals(0, ppp.authProtocol(), "no +UAUTHREQ: no authentication");
                assertEquals(InetAddress.getByName(address), ppp.localAddress(), model + ": the context's address");
                assertEquals(InetAddress.getByName("10.11.12.13"), ppp.primaryDns());
                try (UdpEchoServer server = new UdpEchoServer()) {
                    PppClient.Datagram r = echo(ppp, server, 40_001, allBytes(), T);
                    assertNotNull(r, "echo through the bridge");
                    assertArrayEquals(allBytes(), r.data());
                }
                assertTrue(ppp.terminate(T));
                assertEquals("CONNECT", d.fin("ATD*99***1#"), "a second dial after the first ended");
                ppp = PppClient.connect(d.line.in(), d.line.out(), "", "", T);
                assertTrue(ppp.terminate(T));
            }
        }
    }

    @Test
    void papAndChapWithRightAndWrongPasswords() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B)) {
            for (int type : new int[] {1, 2}) {
                d.ok("AT+UAUTHREQ=1," + type + ",\"" + USER + "\",\"" + PASSWORD + "\"");
                assertEquals("CONNECT", d.fin("ATD*99***1#"));
                PppClient.PppException e = assertThrows(PppClient.PppException.class,
                        () -> PppClient.connect(d.line.in(), d.line.out(), USER, "wrong", T));
                assertTrue(e.getMessage().contains(type == 1 ? "PAP" : "CHAP"), e.getMessage());
                assertTrue(e.getMessage().endsWith("NO CARRIER"), e.getMessage());
                d.ok("AT");
                assertEquals("CONNECT", d.fin("ATD*99***1#"));
                assertThrows(PppClient.PppException.class,
                        () -> PppClient.connect(d.line.in(), d.line.out(), "someone-else", PASSWORD, T));
                PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
                assertEquals(type == 1 ? 0xC023 : 0xC223, ppp.authProtocol());
                assertTrue(ppp.ping(LOOPBACK, T));
                assertTrue(ppp.terminate(T));
            }
        }
    }

    @Test
    void udpEchoWithEveryByteValueAndPing() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            for (int round = 0; round < 3; round++) {
                PppClient.Datagram r = echo(ppp, server, 40_000 + round, allBytes(), T);
                assertNotNull(r, "echo " + round);
                assertArrayEquals(allBytes(), r.data());
                assertEquals(LOOPBACK, r.source());
                assertEquals(server.port(), r.sourcePort());
                assertEquals(40_000 + round, r.destinationPort());
            }
            byte[] big = new byte[1400];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31 + 0x7D); // flags and escapes inside
            }
            assertArrayEquals(big, echo(ppp, server, 40_010, big, T).data());
            assertTrue(ppp.ping(LOOPBACK, T), "loopback always answers");
            assertTrue(ppp.ping(ppp.peerAddress(), T), "the module's own address answers");
            // other hosts: as far as the host's own ping gets (this sandbox may answer for any address)
            InetAddress far = InetAddress.getByName("192.0.2.1");
            boolean hostReaches = new HostPing().ping(far, 32, 2000, 64).rttMs() >= 0;
            assertEquals(hostReaches, ppp.ping(far, Duration.ofSeconds(4)), "ping through the link = host ping");
            assertEquals(0, ppp.badFrames());
            assertTrue(ppp.terminate(T));
        }
        // a host whose ping reaches nothing: loopback still answers, other addresses do not
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B, new HostPing("/bin/false"))) {
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            assertTrue(ppp.ping(LOOPBACK, T));
            assertFalse(ppp.ping(InetAddress.getByName("192.0.2.1"), Duration.ofSeconds(3)));
            assertTrue(ppp.terminate(T));
        }
    }

    /** Sends one datagram to the module's public port from a third host and tells whether the DTE got it. */
    static boolean unsolicitedReachesDte(PppClient ppp, InetSocketAddress publicPort) throws Exception {
        try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
            byte[] hello = "unsolicited".getBytes(StandardCharsets.US_ASCII);
            stranger.send(new DatagramPacket(hello, hello.length, publicPort));
            PppClient.Datagram r = ppp.receiveUdp(Duration.ofSeconds(1));
            return r != null && r.sourcePort() == stranger.getLocalPort();
        }
    }

    @Test
    void fullConeNatOnSaraR502bOnlyAndOnlyWhenSetBeforeTheDial() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            // without full-cone NAT only the peer the DTE talked to gets through
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertNotNull(echo(ppp, server, 41_000, new byte[] {1}, T));
            assertFalse(unsolicitedReachesDte(ppp, server.lastSender()), "NAT drops strangers");
            assertTrue(ppp.terminate(T));

            d.ok("AT+UPORTFWD=100,1");
            ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertNotNull(echo(ppp, server, 41_001, new byte[] {2}, T));
            assertTrue(unsolicitedReachesDte(ppp, server.lastSender()), "full-cone: anyone reaches the DTE");
            assertTrue(ppp.terminate(T));

            // not persistent: the next dial is NAT again
            ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertNotNull(echo(ppp, server, 41_002, new byte[] {3}, T));
            assertFalse(unsolicitedReachesDte(ppp, server.lastSender()));
            assertTrue(ppp.terminate(T));
        }
        for (ModuleModel model : new ModuleModel[] {ModuleModel.SARA_R5_00B, ModuleModel.SARA_R42_01B}) {
            try (Dte d = new Dte(model)) {
                assertEquals("ERROR", d.fin("AT+UPORTFWD=100,1"), model.toString());
            }
        }
    }

    @Test
    void uembpfDefaultsPerModelAndErrorOnSaraR5() throws Exception {
        String[][] expected = {
            {"SARA_R42_00B", "+UEMBPF: 0,\"\""},
            {"SARA_R42_01B", "+UEMBPF: 1,\"9999-19999\""},
            {"LEXI_R422", "+UEMBPF: 1,\"9999-19999\""},
        };
        for (String[] e : expected) {
            try (Dte d = new Dte(ModuleModel.valueOf(e[0]))) {
                assertTrue(d.ok("AT+UEMBPF?").contains(e[1]), e[0]);
            }
        }
        for (ModuleModel model : new ModuleModel[] {ModuleModel.SARA_R5_00B, ModuleModel.SARA_R5_02B,
                ModuleModel.LEXI_R520}) {
            try (Dte d = new Dte(model)) {
                assertEquals("ERROR", d.fin("AT+UEMBPF?"), model.toString());
                assertEquals("ERROR", d.fin("AT+UEMBPF=1,\"6000-6200\""), model.toString());
            }
        }
    }

    @Test
    void uembpfAppliesAfterRebootAndKeepsItsPortsFromTheDte() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B); UdpEchoServer server = new UdpEchoServer()) {
            d.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 50", d.fin("AT+UEMBPF=1,\"200-100\""));
            assertEquals("+CME ERROR: 50", d.fin("AT+UEMBPF=1,\"0-100\""));
            assertEquals("+CME ERROR: 50", d.fin("AT+UEMBPF=1,\"1-65536\""));
            d.ok("AT+UEMBPF=1,\"6000-6200\"");
            assertTrue(d.ok("AT+UEMBPF?").contains("+UEMBPF: 1,\"6000-6200\""), "the read shows what will apply");
            // still the factory range until the reboot
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            assertNull(echo(ppp, server, 12_000, new byte[] {1}, Duration.ofSeconds(1)), "12000 is in 9999-19999");
            assertNotNull(echo(ppp, server, 6_100, new byte[] {2}, T), "6100 not filtered yet");
            assertNotNull(echo(ppp, server, 40_000, new byte[] {3}, T));
            assertTrue(ppp.terminate(T));

            d.ok("AT+CFUN=16");
            awaitAnswering(d);
            d.ok("ATE0");
            d.awaitRegistered();
            assertTrue(d.ok("AT+UEMBPF?").contains("+UEMBPF: 1,\"6000-6200\""), "kept in NVM");
            ppp = d.dial("ATD*99***1#", "", "");
            assertNull(echo(ppp, server, 6_100, new byte[] {4}, Duration.ofSeconds(1)), "6100 now goes to the module");
            assertNotNull(echo(ppp, server, 12_000, new byte[] {5}, T), "12000 is free now");
            assertTrue(ppp.terminate(T));

            d.ok("AT+UEMBPF=0");
            assertTrue(d.ok("AT+UEMBPF?").contains("+UEMBPF: 0,\"6000-6200\""));
        }
    }

    static void awaitAnswering(Dte d) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if ("OK".equals(ModemLine.finalCode(d.line.command("AT", Duration.ofMillis(300))))) {
                    return;
                }
            } catch (IllegalStateException booting) {
                // quiet while booting
            }
        }
        throw new AssertionError("module did not come back");
    }

    @Test
    void escapeToOnlineCommandModeThenAtoResumesAndAthEnds() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            d.ok("ATS12=10"); // 200 ms guard time
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertNotNull(echo(ppp, server, 42_000, allBytes(), T));
            assertEquals("OK", ppp.escape(Duration.ofMillis(300), T), "online command mode");
            d.ok("AT");
            assertEquals("ERROR", d.fin("AT+UPORTFWD=100,1"), "not while the link is up");
            assertEquals("CONNECT", d.fin("ATO"));
            ppp.resume();
            assertArrayEquals(allBytes(), echo(ppp, server, 42_000, allBytes(), T).data(), "the call went on");
            assertTrue(ppp.lcpEcho(T));
            assertEquals("OK", ppp.escape(Duration.ofMillis(300), T));
            d.ok("ATH");
            assertEquals("NO CARRIER", d.fin("ATO"), "nothing to resume after ATH");
            // a second dial after the first ended
            ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertTrue(ppp.ping(LOOPBACK, T));
            assertTrue(ppp.terminate(T));
        }
    }

    @Test
    void athInOnlineCommandModeOnSaraR42NeedsCvhu0() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B)) {
            d.ok("ATS12=10");
            assertTrue(d.ok("AT+CVHU?").contains("+CVHU: 1"));
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            assertEquals("OK", ppp.escape(Duration.ofMillis(300), T));
            d.ok("ATH"); // +CVHU=1: OK, but the call stays
            assertEquals("CONNECT", d.fin("ATO"));
            ppp.resume();
            assertTrue(ppp.ping(LOOPBACK, T));
            assertEquals("OK", ppp.escape(Duration.ofMillis(300), T));
            d.ok("AT+CVHU=0");
            d.ok("ATH");
            assertEquals("NO CARRIER", d.fin("ATO"));
        }
    }

    @Test
    void dialRefusedWhenNotRegistered() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B)) {
            assertEquals("NO CARRIER", d.fin("ATD*99***5#"), "cid 5 is not defined");
            assertEquals("ERROR", d.fin("ATD*99***9#"), "SARA-R42 contexts are 0-7");
            d.ok("AT+CGDCONT=2,\"IPV6\",\"v6only\"");
            assertEquals("NO CARRIER", d.fin("ATD*99***2#"), "the network grants no IPv6 here: not activated");
            assertEquals("ERROR", d.fin("ATD123456789;"), "no voice calls");
            d.ok("AT+CFUN=4");
            assertEquals("NO CARRIER", d.fin("ATD*99***1#"));
        }
    }

    @Test
    void tcpThroughTheLinkToARealServer() throws Exception {
        byte[] data = new byte[5000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i; // every byte value, flags and escapes included
        }
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B); SocketSupport.EchoServer server = new SocketSupport.EchoServer();
                java.net.ServerSocket greeter = new java.net.ServerSocket(0, 5, LOOPBACK)) {
            d.ok("AT+UAUTHREQ=1,2,\"" + USER + "\",\"" + PASSWORD + "\"");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            PppClient.TcpConnection c = ppp.openTcp(43_000, LOOPBACK, server.port(), T);
            c.write(data);
            assertArrayEquals(data, c.read(data.length, T), "echoed through the proxy");
            c.close();
            assertTrue(c.finAcknowledged(), "our FIN acknowledged");
            assertTrue(c.awaitEof(T), "the server closed after our FIN: its FIN reaches the DTE");

            // the host side closes first
            Thread t = new Thread(() -> {
                try (Socket s = greeter.accept()) {
                    s.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                } catch (Exception e) {
                    // test fails on the read
                }
            });
            t.start();
            PppClient.TcpConnection g = ppp.openTcp(43_001, LOOPBACK, greeter.getLocalPort(), T);
            assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), g.read(5, T));
            assertTrue(g.awaitEof(T));
            g.close();
            assertTrue(g.finAcknowledged());

            // nobody listening: RST
            int closedPort;
            try (java.net.ServerSocket tmp = new java.net.ServerSocket(0, 1, LOOPBACK)) {
                closedPort = tmp.getLocalPort();
            }
            PppClient.PppException refused = assertThrows(PppClient.PppException.class,
                    () -> ppp.openTcp(43_002, LOOPBACK, closedPort, T));
            assertTrue(refused.getMessage().contains("RST"), refused.getMessage());
            assertEquals(0, ppp.badFrames());
            assertTrue(ppp.terminate(T));
        }
    }

    @Test
    void theCallEndsWhenTheContextGoesDown() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B)) {
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            d.ok("AT+CGEREP=1");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            d.module.deactivateContext(1);
            assertEquals("NO CARRIER", ppp.awaitEnd(T), "LCP Terminate-Request, then NO CARRIER");
            assertFalse(ppp.textSeen().contains("+CGEV"), "no URC inside the PPP stream: " + ppp.textSeen());
            d.line.readUntil(Pattern.compile("\\+CGEV: NW PDN DEACT 1\r\n$"), T); // held until after NO CARRIER
            d.ok("AT");
        }
    }

    @Test
    void pppBytesArePacedByTheUart() throws Exception {
        // 9600 baud: 960 bytes a second; 1000 bytes of data each way (HDLC framing adds at least 28) take over 2 s
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B, new HostPing(), 9600); UdpEchoServer server = new UdpEchoServer()) {
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            byte[] data = new byte[1000];
            java.util.Arrays.fill(data, (byte) 'x');
            long t0 = System.nanoTime();
            PppClient.Datagram r = echo(ppp, server, 44_000, data, Duration.ofSeconds(20));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertNotNull(r);
            assertTrue(ms >= 2000, "round trip took " + ms + " ms");
            assertTrue(ppp.terminate(T));
        }
    }

    @Test
    void theDnsServersFromIpcpAnswerWithTheModulesResolver() throws Exception {
        try (Dte d = new Dte(ModuleModel.LEXI_R422)) {
            d.module.setDnsOverride("ppp.ucell.example", "127.0.0.7");
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            assertEquals(InetAddress.getByName("127.0.0.7"), ppp.resolve("ppp.ucell.example", T));
            assertEquals(InetAddress.getByName("127.0.0.1"), ppp.resolve("localhost", T), "the host's resolver");
            assertNull(ppp.resolve("no-such-host.invalid", T), "NXDOMAIN");
            assertTrue(ppp.terminate(T));
        }
    }

    @Test
    void aCorruptedFrameIsDroppedAndTheLinkGoesOn() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R42_01B)) {
            PppClient ppp = d.dial("ATD*99***1#", "", "");
            d.module.corruptNextBytes(3); // one bit of each of the next three bytes the module sends
            assertFalse(ppp.ping(LOOPBACK, Duration.ofSeconds(2)), "the reply's FCS is wrong: dropped");
            assertTrue(ppp.badFrames() >= 1);
            assertTrue(ppp.ping(LOOPBACK, T), "the next echo gets through");
            assertTrue(ppp.terminate(T));
        }
    }

    @Test
    void automaticAuthenticationAcceptsPapAndRequiredAuthenticationCannotBeRefused() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_01B)) {
            d.ok("AT+UAUTHREQ=1,3,\"" + USER + "\",\"" + PASSWORD + "\"");
            assertEquals("CONNECT", d.fin("ATD*99***1#"));
            PppClient ppp = PppClient.connect(d.line.in(), d.line.out(), USER, PASSWORD,
                    PppClient.AuthChoice.PAP_ONLY, T);
            assertEquals(0xC023, ppp.authProtocol(), "automatic: the module takes the DTE's Nak to PAP");
            assertTrue(ppp.terminate(T));

            d.ok("AT+UAUTHREQ=1,2,\"" + USER + "\",\"" + PASSWORD + "\"");
            assertEquals("CONNECT", d.fin("ATD*99***1#"));
            PppClient.PppException e = assertThrows(PppClient.PppException.class, () -> PppClient.connect(
                    d.line.in(), d.line.out(), USER, PASSWORD, PppClient.AuthChoice.PAP_ONLY, T));
            assertTrue(e.getMessage().endsWith("NO CARRIER"), "CHAP only: a PAP-only DTE is hung up on");

            assertEquals("CONNECT", d.fin("ATD*99***1#"));
            e = assertThrows(PppClient.PppException.class, () -> PppClient.connect(
                    d.line.in(), d.line.out(), USER, PASSWORD, PppClient.AuthChoice.NONE, T));
            assertTrue(e.getMessage().endsWith("NO CARRIER"), e.getMessage());
            d.ok("AT");
        }
    }

    @Test
    void capabilityTableFollowsSection4() {
        for (ModuleModel m : ModuleModel.values()) {
            var c = m.capabilities();
            boolean r5 = c.family() == io.ucell.simulator.model.Family.SARA_R5;
            assertEquals(r5, c.pppRouterMode(), m + " router mode (4.1.1)");
            assertEquals(!r5, c.pppBridgeMode(), m + " bridge mode (4.1.2)");
            assertEquals(r5, c.pppAuthRequired(), m + " +UAUTHREQ mandatory (4.1)");
            assertEquals(r5 && m != ModuleModel.SARA_R5_00B, c.fullConeNat(), m + " full-cone NAT (4.1.3)");
            assertEquals(r5, c.embeddedPortFilter() == null, m + " +UEMBPF (4.3)");
        }
        assertEquals("1 9999-19999", filter(ModuleModel.SARA_R42_01B));
        assertEquals("1 9999-19999", filter(ModuleModel.LEXI_R422));
        assertEquals("0 ", filter(ModuleModel.SARA_R42_00B));
        assertEquals("0 ", filter(ModuleModel.SARA_R422));
    }

    private static String filter(ModuleModel m) {
        var f = m.capabilities().embeddedPortFilter();
        return (f.enabled() ? 1 : 0) + " " + f.range();
    }

    @Test
    void aRebootEndsTheCallSilentlyAndTheModuleIsInCommandModeAfterwards() throws Exception {
        try (Dte d = new Dte(ModuleModel.LEXI_R520)) {
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            d.module.reboot();
            ppp.close();
            awaitAnswering(d);
            d.ok("ATE0");
            d.awaitRegistered();
            assertEquals("NO CARRIER", d.fin("ATD*99***1#"), "+UAUTHREQ is volatile: gone with the reboot");
            assertEquals("NO CARRIER", d.fin("ATO"), "no call to go back to");
        }
    }
}
