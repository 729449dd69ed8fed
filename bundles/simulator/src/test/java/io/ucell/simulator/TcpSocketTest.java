package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.allByteValues;
import static io.ucell.simulator.SocketSupport.info;
import static io.ucell.simulator.SocketSupport.readTcp;
import static io.ucell.simulator.SocketSupport.usordData;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.SocketSupport.EchoServer;
import io.ucell.simulator.model.ModuleModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Section 5.1-5.5, 5.8, 5.9: TCP sockets against real peers on the host. */
class TcpSocketTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(3);

    @Test
    void echoInBinaryBaseAndHexSyntax() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B); EchoServer echo = new EchoServer()) {
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=6")));
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port());
            assertEquals(List.of("+USOCTL: 0,10,4"), info(s.ok("AT+USOCTL=0,10")));

            // binary: every byte value, CR, LF, '"' and NUL included, comes back unchanged
            byte[] all = allByteValues();
            String r = s.at.sendWithPrompt("AT+USOWR=0,256", all);
            assertTrue(r.contains("+USOWR: 0,256\r\n\r\nOK"), AtClient.escape(r));
            assertTrue(s.at.awaitUrc("+UUSORD: 0,", URC_WAIT).matches("\\+UUSORD: 0,\\d+"));
            assertArrayEquals(all, readTcp(s, 0, 256));
            assertEquals(0, s.module.corruptedPromptBytes(), "the test waited 50 ms after @");

            // data sent without the 50 ms wait after '@' is garbled, as on the module (5.3.1)
            s.at.skipUrcs();
            int start = s.at.all().length();
            s.at.writeRaw("AT+USOWR=0,4\r");
            while (s.at.all().indexOf("@", start) < 0) {
                Thread.sleep(1);
            }
            s.at.writeRaw("abcd");
            assertEquals("OK", AtClient.finalCode(s.at.awaitFinal(URC_WAIT)));
            s.at.awaitUrc("+UUSORD: 0,", URC_WAIT);
            byte[] garbled = readTcp(s, 0, 4);
            assertEquals(4, s.module.corruptedPromptBytes());
            assertArrayEquals(new byte[] {'a' ^ 0x55, 'b' ^ 0x55, 'c' ^ 0x55, 'd' ^ 0x55}, garbled);

            // base syntax
            s.at.skipUrcs();
            assertEquals(List.of("+USOWR: 0,5"), info(s.ok("AT+USOWR=0,5,\"Hello\"")));
            assertEquals("+UUSORD: 0,5", s.at.awaitUrc("+UUSORD: 0,", URC_WAIT));
            assertEquals(List.of("+USORD: 0,5,\"Hello\""), info(s.ok("AT+USORD=0,5")));
            s.error("AT+USOWR=0,4,\"Hello\""); // the length must match the data
            s.error("AT+USOWR=0,2,\"a\\\\\""); // '\' is not allowed in base syntax

            // hex mode: data in and out as hex, lengths in bytes
            s.at.skipUrcs();
            assertEquals(List.of("+UDCONF: 1,0"), info(s.ok("AT+UDCONF=1")));
            s.ok("AT+UDCONF=1,1");
            assertEquals(List.of("+UDCONF: 1,1"), info(s.ok("AT+UDCONF=1?")));
            assertEquals(List.of("+USOWR: 0,4"), info(s.ok("AT+USOWR=0,4,\"000D0AFF\"")));
            assertEquals("+UUSORD: 0,4", s.at.awaitUrc("+UUSORD: 0,", URC_WAIT));
            assertEquals(List.of("+USORD: 0,4,\"000D0AFF\""), info(s.ok("AT+USORD=0,4")));
            s.error("AT+USOWR=0,2,\"00\"");
            s.error("AT+USORD=0,513");
            s.ok("AT+UDCONF=1,0");
            s.ok("AT+USOCL=0");
            s.error("AT+USOCTL=0,0");
        }
    }

    /** Spec 5.5, second and third scenarios: partial reads and the totals announced after each read. */
    @Test
    void partialReadsAnnounceWhatIsLeft() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                OutputStream out = peer.getOutputStream();
                out.write("hfgyrhgftyhfgbchs7[oabcdefghij".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("+UUSORD: 0,30", s.at.awaitUrc("+UUSORD", URC_WAIT));
                assertEquals(List.of("+USORD: 0,10,\"hfgyrhgfty\""), info(s.ok("AT+USORD=0,10")));
                assertEquals("+UUSORD: 0,20", s.at.awaitUrc("+UUSORD", URC_WAIT));

                // more data while the buffer is not empty: no URC until the next read, which counts it
                out.write("12345".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                awaitBuffered(s, 0, 25);
                assertFalse(s.at.collect(Duration.ofMillis(150)).contains("+UUSORD"));
                assertEquals(List.of("+USORD: 0,10,\"hfgbchs7[o\""), info(s.ok("AT+USORD=0,10")));
                assertEquals("+UUSORD: 0,15", s.at.awaitUrc("+UUSORD", URC_WAIT));
                assertEquals(List.of("+USORD: 0,15,\"abcdefghij12345\""), info(s.ok("AT+USORD=0,15")));
                // read empty: no URC, and nothing buffered
                assertEquals(List.of("+USORD: 0,0"), info(s.ok("AT+USORD=0,0")));
                assertEquals(List.of("+USORD: 0,0,\"\""), info(s.ok("AT+USORD=0,10")));
                assertFalse(s.at.collect(Duration.ofMillis(100)).contains("+UUSORD"));

                // data into the empty buffer is announced again
                out.write("xy".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertEquals("+UUSORD: 0,2", s.at.awaitUrc("+UUSORD", URC_WAIT));
                assertEquals(List.of("+USOCTL: 0,3,37"), info(s.ok("AT+USOCTL=0,3")));
            }
        }
    }

    /** Spec 5.5, fourth scenario: the remote closes with data still buffered. */
    @Test
    void remoteCloseKeepsBufferedDataReadable() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                peer.getOutputStream().write("hfgyrhgfty23dfgt5uhj89ikdftevlpazwe".substring(0, 30)
                        .getBytes(StandardCharsets.US_ASCII));
                assertEquals("+UUSORD: 0,30", s.at.awaitUrc("+UUSORD", URC_WAIT));
            }
            awaitTcpState(s, 0, 7); // CLOSE_WAIT
            assertEquals(List.of("+USORD: 0,10,\"hfgyrhgfty\""), info(s.ok("AT+USORD=0,10")));
            assertEquals("+UUSORD: 0,20", s.at.awaitUrc("+UUSORD", URC_WAIT));
            String w = s.at.sendWithPrompt("AT+USOWR=0,3", "123".getBytes(StandardCharsets.US_ASCII));
            assertEquals(List.of("+USOWR: 0,0"), info(w), "0 bytes sent: the connection is closed");
            assertFalse(s.at.all().contains("+UUSOCL"), "not before the data has been read");
            assertEquals(List.of("+USORD: 0,20,\"23dfgt5uhj89ikdftevl\""), info(s.ok("AT+USORD=0,20")));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
            s.error("AT+USORD=0,10");

            // with nothing buffered the close is reported at once, and the id is free again
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=6")));
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            server.accept().close();
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=6")));
        }
    }

    /** Spec 5.3.3: a write the send queue cannot take is refused whole; nothing is lost or doubled. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "SARA_R42_01B"})
    void queueFullRefusesTheWriteAndLosesNothing(ModuleModel model) throws Exception {
        int queue = model.capabilities().tcpQueueBytes();
        try (Sim s = SocketSupport.withRoute(model); ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096); // a slow peer with a small window
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                ByteArrayOutputStream accepted = new ByteArrayOutputStream();
                int chunk = 0;
                String answer;
                while (true) {
                    String data = printableChunk(chunk, 1024);
                    answer = s.at.send("AT+USOWR=0,1024,\"" + data + "\"");
                    if (!"OK".equals(AtClient.finalCode(answer))) {
                        break;
                    }
                    assertEquals(List.of("+USOWR: 0,1024"), info(answer));
                    accepted.write(data.getBytes(StandardCharsets.US_ASCII));
                    chunk++;
                    // the host kernel holds a little more than the module's queue (small socket buffers on both ends)
                    assertTrue(accepted.size() < queue + 64 * 1024, "the queue never filled up");
                }
                assertEquals("ERROR", AtClient.finalCode(answer));
                assertTrue(accepted.size() >= queue - 1024, "accepted " + accepted.size());
                assertEquals(List.of("+USOER: 11"), info(s.ok("AT+USOER")));
                assertEquals(List.of("+USOCTL: 0,10,4"), info(s.ok("AT+USOCTL=0,10")));
                if (model.capabilities().unackedQuerySupported()) {
                    String unacked = info(s.ok("AT+USOCTL=0,11")).get(0);
                    int pending = Integer.parseInt(unacked.substring("+USOCTL: 0,11,".length()));
                    assertTrue(pending + 1024 > queue && pending <= queue, unacked);
                } else {
                    s.error("AT+USOCTL=0,11"); // not on SARA-R5 (5.3.3)
                }

                // the peer reads: exactly what was accepted arrives, in order, and the queue takes data again
                InputStream in = peer.getInputStream();
                byte[] got = in.readNBytes(accepted.size());
                assertArrayEquals(accepted.toByteArray(), got);
                String more = printableChunk(chunk, 1024);
                assertEquals(List.of("+USOWR: 0,1024"), info(s.ok("AT+USOWR=0,1024,\"" + more + "\"")));
                assertArrayEquals(more.getBytes(StandardCharsets.US_ASCII), in.readNBytes(1024));
                peer.setSoTimeout(200);
                assertThrowsTimeout(in);
            }
        }
    }

    private static void assertThrowsTimeout(InputStream in) throws Exception {
        try {
            int b = in.read();
            throw new AssertionError("unexpected extra byte " + b);
        } catch (java.net.SocketTimeoutException expected) {
            // nothing duplicated
        }
    }

    /** Printable (base-syntax safe) bytes that differ per chunk and position, to spot loss or doubling. */
    private static String printableChunk(int chunk, int len) {
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; i++) {
            char c = (char) ('0' + (chunk * 7 + i) % 43);
            sb.append(c == '\\' ? 'Z' : c);
        }
        return sb.toString();
    }

    /** The module's receive buffer is bounded: when it is full the module stops reading and the peer waits. */
    @Test
    void fullReceiveBufferPushesBackOnThePeer() throws Exception {
        int total = 160 * 1024; // well over the module buffer plus both kernels
        byte[] sent = new byte[total];
        new java.util.Random(42).nextBytes(sent);
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                peer.setSendBufferSize(8192); // so the kernel cannot swallow the whole transfer
                Thread writer = new Thread(() -> {
                    try {
                        peer.getOutputStream().write(sent);
                    } catch (java.io.IOException e) {
                        // the test fails on the comparison
                    }
                });
                writer.start();
                awaitBuffered(s, 0, 64 * 1024);
                Thread.sleep(200);
                assertEquals(List.of("+USORD: 0,65536"), info(s.ok("AT+USORD=0,0")), "stays at the buffer size");
                assertTrue(writer.isAlive(), "the peer is held back by flow control");
                assertArrayEquals(sent, readTcp(s, 0, total));
                writer.join(2000);
            }
        }
    }

    @Test
    void listeningSocketAcceptsHostClients() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            s.ok("AT+USOCR=6");
            s.ok("AT+USOLI=0," + port);
            assertEquals(List.of("+USOCTL: 0,10,1"), info(s.ok("AT+USOCTL=0,10")));
            try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertEquals("+UUSOLI: 1,\"127.0.0.1\"," + client.getLocalPort() + ",0,\"100.108.232.233\"," + port,
                        s.at.awaitUrc("+UUSOLI", URC_WAIT));
                client.getOutputStream().write("ping".getBytes(StandardCharsets.US_ASCII));
                assertEquals("+UUSORD: 1,4", s.at.awaitUrc("+UUSORD", URC_WAIT));
                assertEquals(List.of("+USORD: 1,4,\"ping\""), info(s.ok("AT+USORD=1,4")));
                s.ok("AT+USOWR=1,4,\"pong\"");
                assertArrayEquals("pong".getBytes(StandardCharsets.US_ASCII), client.getInputStream().readNBytes(4));
                assertEquals(List.of("+USOCTL: 1,4,\"127.0.0.1\"," + client.getLocalPort()),
                        info(s.ok("AT+USOCTL=1,4")));
                // a second client gets the next free id
                try (Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    assertTrue(s.at.awaitUrc("+UUSOLI", URC_WAIT).startsWith("+UUSOLI: 2,\"127.0.0.1\","));
                }
            }
        }
    }

    @Test
    void optionsReadBack() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B); EchoServer echo = new EchoServer()) {
            s.ok("AT+USOCR=6");
            assertEquals(List.of("+USOGO: 0"), info(s.ok("AT+USOGO=0,65535,8")));
            assertEquals(List.of("+USOGO: 0,0"), info(s.ok("AT+USOGO=0,65535,128")));
            s.ok("AT+USOSO=0,65535,8,1"); // spec 5.4: keepalive on
            s.ok("AT+USOSO=0,65535,128,1,500"); // A.1: linger 500 ms
            s.ok("AT+USOSO=0,6,1,1");
            s.ok("AT+USOSO=0,6,2,30000");
            assertEquals(List.of("+USOGO: 1"), info(s.ok("AT+USOGO=0,65535,8")));
            assertEquals(List.of("+USOGO: 1,500"), info(s.ok("AT+USOGO=0,65535,128")));
            assertEquals(List.of("+USOGO: 1"), info(s.ok("AT+USOGO=0,6,1")));
            assertEquals(List.of("+USOGO: 30000"), info(s.ok("AT+USOGO=0,6,2")));
            assertEquals("ERROR", s.fin("AT+USOSO=0,65535,128,1,40000"));
            assertEquals("ERROR", s.fin("AT+USOSO=0,65535,8,2"));
            assertEquals("ERROR", s.fin("AT+USOSO=0,1,1,1"));
            assertEquals("ERROR", s.fin("AT+USOSO=0,65535,32,1"), "SO_BROADCAST is for UDP");
            s.ok("AT+USOCR=17");
            s.ok("AT+USOSO=1,65535,32,1");
            assertEquals(List.of("+USOGO: 1"), info(s.ok("AT+USOGO=1,65535,32")));
            assertEquals("ERROR", s.fin("AT+USOSO=1,6,1,1"), "TCP options are for TCP");
            s.ok("AT+USOSO=1,0,2,32");
            assertEquals(List.of("+USOGO: 32"), info(s.ok("AT+USOGO=1,0,2")));
            assertEquals(List.of("+USOGO: 1,500"), info(s.ok("AT+USOGO=0,65535,128")), "unchanged");
            // still set once connected, and the socket works with them
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port());
            assertEquals(List.of("+USOGO: 1"), info(s.ok("AT+USOGO=0,65535,8")));
            s.ok("AT+USOWR=0,2,\"ok\"");
            assertArrayEquals("ok".getBytes(StandardCharsets.US_ASCII), readTcp(s, 0, 2));
        }
    }

    @Test
    void closeFlushesQueuedDataThenCloses() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 2, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                s.ok("AT+USOWR=0,5,\"bye!!\"");
                s.ok("AT+USOCL=0");
                assertArrayEquals("bye!!".getBytes(StandardCharsets.US_ASCII), peer.getInputStream().readAllBytes());
                assertFalse(s.at.collect(Duration.ofMillis(100)).contains("+UUSOCL"), "no URC for a sync close");
            }
            s.error("AT+USOCL=0");
            s.error("AT+USOCL=6");
            assertEquals(List.of("+USOER: 9"), info(s.ok("AT+USOER")));

            // asynchronous: OK first, +UUSOCL when closed
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                s.at.skipUrcs();
                assertEquals("\r\nOK\r\n", s.at.send("AT+USOCL=0,1"));
                assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
                assertEquals(-1, peer.getInputStream().read());
            }
        }
    }

    /** A.1: with a linger time the close waits at most that long for the queue, then resets the connection. */
    @Test
    void lingerBoundsTheCloseOfAStuckConnection() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B); ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSO=0,65535,128,1,300");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                int chunk = 0;
                while ("OK".equals(s.fin("AT+USOWR=0,1024,\"" + printableChunk(chunk++, 1024) + "\""))) {
                    assertTrue(chunk < 100, "the queue never filled up");
                }
                long start = System.nanoTime();
                s.ok("AT+USOCL=0");
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMs >= 250 && tookMs < 2000, "close took " + tookMs + " ms");
                // the peer gets what had left before the reset, then the reset itself
                InputStream in = peer.getInputStream();
                Exception end = null;
                try {
                    while (in.read(new byte[4096]) >= 0) {
                        // drain
                    }
                } catch (java.net.SocketException reset) {
                    end = reset;
                }
                assertTrue(end != null, "the stuck connection was reset, not closed gracefully");
            }
        }
    }

    @Test
    void failedConnectFreesTheSocket() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B)) {
            int closedPort;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                closedPort = probe.getLocalPort();
            }
            s.ok("AT+USOCR=6");
            assertEquals("ERROR", s.fin("AT+USOCO=0,\"127.0.0.1\"," + closedPort));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
            assertEquals(List.of("+USOER: 111"), info(s.ok("AT+USOER")));
            s.error("AT+USOCTL=0,0");
            // a host name goes through the module's resolver (overrides apply)
            s.module.setDnsOverride("echo.test", "127.0.0.1");
            try (EchoServer echo = new EchoServer()) {
                assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=6")));
                s.ok("AT+USOCO=0,\"echo.test\"," + echo.port());
                assertEquals(List.of("+USOCTL: 0,4,\"127.0.0.1\"," + echo.port()), info(s.ok("AT+USOCTL=0,4")));
            }
        }
    }

    @Test
    void sevenSocketsAtMost() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            for (int i = 0; i < 7; i++) {
                assertEquals(List.of("+USOCR: " + i), info(s.ok(i % 2 == 0 ? "AT+USOCR=6" : "AT+USOCR=17")));
            }
            s.error("AT+USOCR=6");
            s.ok("AT+USOCL=3");
            assertEquals(List.of("+USOCR: 3"), info(s.ok("AT+USOCR=6")), "the lowest free id");
            assertEquals(List.of("+USOCTL: 3,0,6"), info(s.ok("AT+USOCTL=3,0")));
            assertEquals(List.of("+USOCTL: 1,0,17"), info(s.ok("AT+USOCTL=1,0")));
            assertEquals(List.of("+USOCTL: 3,1,0"), info(s.ok("AT+USOCTL=3,1")));
        }
    }

    static void awaitBuffered(Sim s, int id, int n) throws Exception {
        long deadline = System.nanoTime() + URC_WAIT.toNanos();
        while (!info(s.ok("AT+USORD=" + id + ",0")).equals(List.of("+USORD: " + id + "," + n))) {
            assertTrue(System.nanoTime() < deadline, "buffer never reached " + n);
            Thread.sleep(10);
        }
    }

    static void awaitTcpState(Sim s, int id, int state) throws Exception {
        long deadline = System.nanoTime() + URC_WAIT.toNanos();
        AtomicReference<String> last = new AtomicReference<>();
        while (true) {
            last.set(info(s.ok("AT+USOCTL=" + id + ",10")).get(0));
            if (last.get().equals("+USOCTL: " + id + ",10," + state)) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "state stayed " + last.get());
            Thread.sleep(10);
        }
    }
}
