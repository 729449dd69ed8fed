package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.ModuleModel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shared pieces of the socket tests: a module with its internal context up, peers, payload parsing. */
final class SocketSupport {
    private static final Pattern USORD = Pattern.compile("\\+USORD: (\\d+),(\\d+),\"");
    private static final Pattern USORF = Pattern.compile("\\+USORF: (\\d+),\"([^\"]*)\",(\\d+),(\\d+),\"");

    private SocketSupport() {
    }

    /** A fast module, echo off, registered, with the internal IP stack usable as the family requires. */
    static Sim withRoute(ModuleModel model) throws Exception {
        Sim s = Sim.start(model);
        s.ok("ATE0");
        s.awaitRegistered();
        Capabilities caps = model.capabilities();
        if (caps.upsdaSupported()) {
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSD=0,100,1");
            s.ok("AT+UPSDA=0,3");
            s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2));
        } else if (caps.needsCgactAfterAttach()) {
            s.ok("AT+UPSD=0,100,1");
            s.ok("AT+CGACT=1,1");
        }
        s.at.skipUrcs();
        return s;
    }

    /** Information lines of a response without the URCs that may arrive before it (a fast echo's +UUSORD). */
    static List<String> info(String response) {
        List<String> l = AtClient.lines(response);
        l.removeIf(line -> line.startsWith("+UU") || line.equals("@"));
        return l;
    }

    /** The bytes of a +USORD answer, checking the socket id and that the count matches the data. */
    static byte[] usordData(String response, int id) {
        Matcher m = USORD.matcher(response);
        assertTrue(m.find(), AtClient.escape(response));
        assertEquals(id, Integer.parseInt(m.group(1)));
        int n = Integer.parseInt(m.group(2));
        int start = m.end();
        assertEquals('"', response.charAt(start + n), "count matches the quoted data");
        return response.substring(start, start + n).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A +USORF answer: ip, port and bytes. */
    record Datagram(String ip, int port, byte[] data) {
    }

    static Datagram usorfData(String response, int id) {
        Matcher m = USORF.matcher(response);
        assertTrue(m.find(), AtClient.escape(response));
        assertEquals(id, Integer.parseInt(m.group(1)));
        int n = Integer.parseInt(m.group(4));
        int start = m.end();
        assertEquals('"', response.charAt(start + n), "count matches the quoted data");
        return new Datagram(m.group(2), Integer.parseInt(m.group(3)),
                response.substring(start, start + n).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Reads with +USORD until {@code total} bytes have come, like a host reacting to +UUSORD. */
    static byte[] readTcp(Sim s, int id, int total) throws Exception {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (got.size() < total) {
            byte[] chunk = usordData(s.ok("AT+USORD=" + id + ",1024"), id);
            got.write(chunk);
            if (chunk.length == 0) {
                assertTrue(System.nanoTime() < deadline, "only " + got.size() + " of " + total + " bytes arrived");
                Thread.sleep(10);
            }
        }
        return got.toByteArray();
    }

    static byte[] allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    /** A TCP peer on loopback that echoes every connection. */
    static final class EchoServer implements AutoCloseable {
        final ServerSocket server;

        EchoServer() throws IOException {
            this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        EchoServer(ServerSocket server) {
            this.server = server;
            Thread t = new Thread(this::acceptLoop, "echo-server");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void acceptLoop() {
            try {
                while (true) {
                    Socket c = server.accept();
                    Thread t = new Thread(() -> echo(c), "echo");
                    t.setDaemon(true);
                    t.start();
                }
            } catch (IOException e) {
                // closed
            }
        }

        private static void echo(Socket c) {
            try (c; InputStream in = c.getInputStream(); OutputStream out = c.getOutputStream()) {
                byte[] buf = new byte[4096];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // peer gone
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
