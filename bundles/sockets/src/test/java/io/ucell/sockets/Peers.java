package io.ucell.sockets;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Real servers on loopback for the tests: TCP echo, UDP echo. */
final class Peers {
    private Peers() {
    }

    /** Every byte value 0..255, then pseudo-random bytes: {@code n} bytes in all. */
    static byte[] payload(int n, long seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < Math.min(n, 256); i++) {
            b[i] = (byte) i;
        }
        if (n > 256) {
            byte[] rest = new byte[n - 256];
            new Random(seed).nextBytes(rest);
            System.arraycopy(rest, 0, b, 256, rest.length);
        }
        return b;
    }

    static byte[] readFully(InputStream in, int n) throws IOException {
        byte[] b = new byte[n];
        int got = 0;
        while (got < n) {
            int k = in.read(b, got, n - got);
            if (k < 0) {
                throw new IOException("end of stream after " + got + " of " + n + " bytes");
            }
            got += k;
        }
        return b;
    }

    /** A TCP server that echoes every connection on its own thread. */
    static final class TcpEcho implements AutoCloseable {
        final ServerSocket server;
        private final ExecutorService threads = Executors.newCachedThreadPool();

        TcpEcho() throws IOException {
            this(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        }

        TcpEcho(ServerSocket server) {
            this.server = server;
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket s = server.accept();
                        threads.execute(() -> echo(s));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        private static void echo(Socket s) {
            try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                byte[] buf = new byte[8192];
                int n;
                while ((n = in.read(buf)) > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // peer went away
            }
        }

        int port() {
            return server.getLocalPort();
        }

        @Override
        public void close() throws IOException {
            server.close();
            threads.shutdownNow();
        }
    }

}
