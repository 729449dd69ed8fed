package io.ucell.testsupport;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Properties;

/**
 * A Moquette broker on loopback for the tests, optionally with a TLS listener (a certificate from {@link TestPki}).
 * Its users declare moquette-broker themselves (it is optional here, so other tests do not get Netty from it).
 */
public final class TestBroker implements AutoCloseable {
    static final String KEYSTORE_PASSWORD = "ucell-test";
    public final Server server = new Server();
    public final int port;
    public final int tlsPort;

    private TestBroker(Path tlsDir, TestPki.Issued certificate, TestPki.Issued ca, int fixedPort) throws Exception {
        port = fixedPort > 0 ? fixedPort : freePort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        p.setProperty("immediate_buffer_flush", "true");
        if (tlsDir != null) {
            tlsPort = freePort();
            Path ks = tlsDir.resolve("broker.p12");
            keyStore(ks, certificate, ca);
            p.setProperty("ssl_port", Integer.toString(tlsPort));
            p.setProperty("ssl_provider", "JDK");
            p.setProperty("jks_path", ks.toString());
            p.setProperty("key_store_type", "pkcs12");
            p.setProperty("key_store_password", KEYSTORE_PASSWORD);
            p.setProperty("key_manager_password", KEYSTORE_PASSWORD);
        } else {
            tlsPort = -1;
        }
        server.startServer(new MemoryConfig(p));
    }

    public static TestBroker start() throws Exception {
        return new TestBroker(null, null, null, 0);
    }

    /** A broker on a given port (to bring one back where another went away). */
    public static TestBroker startOn(int port) throws Exception {
        return new TestBroker(null, null, null, port);
    }

    /** Plain and TLS listeners; the TLS one presents {@code certificate} with the chain up to {@code ca}. */
    public static TestBroker startWithTls(Path dir, TestPki.Issued certificate, TestPki.Issued ca) throws Exception {
        return new TestBroker(dir, certificate, ca, 0);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    private static void keyStore(Path file, TestPki.Issued certificate, TestPki.Issued ca) throws Exception {
        char[] pw = KEYSTORE_PASSWORD.toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("broker", certificate.keys().getPrivate(), pw, new Certificate[] {certificate.cert(), ca.cert()});
        try (OutputStream out = Files.newOutputStream(file)) {
            ks.store(out, pw);
        }
    }

    /** A port nothing listens on right now (for a broker that is not there). */
    public static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
