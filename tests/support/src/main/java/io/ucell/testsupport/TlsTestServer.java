package io.ucell.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;

/**
 * A JDK TLS echo server on loopback that requires client authentication. It records the session id of
 * every completed handshake (to see resumption) and why failed ones failed.
 */
public final class TlsTestServer implements AutoCloseable {
    public final List<String> sessionIds = new CopyOnWriteArrayList<>();
    public final List<String> failures = new CopyOnWriteArrayList<>();
    private final SSLServerSocket server;
    private final Thread acceptor;

    public TlsTestServer(SSLContext ctx) throws IOException {
        server = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        server.setNeedClientAuth(true);
        // TLS 1.2: a refused client certificate fails the client's handshake (in 1.3 only its first read),
        // and resumption is by session id (section 3.4)
        server.setEnabledProtocols(new String[] {"TLSv1.2"});
        acceptor = new Thread(this::acceptLoop, "tls-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                SSLSocket c = (SSLSocket) server.accept();
                Thread t = new Thread(() -> serve(c), "tls-test-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(SSLSocket c) {
        try (c) {
            c.setSoTimeout(20_000);
            c.startHandshake();
            sessionIds.add(HexFormat.of().formatHex(c.getSession().getId()));
            InputStream in = c.getInputStream();
            OutputStream out = c.getOutputStream();
            byte[] buf = new byte[1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            failures.add(String.valueOf(e.getMessage()));
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
