package io.ucell.mqtt.cloud;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** A Moquette broker on loopback for the tests, optionally with a TLS listener (self-signed certificate). */
final class TestBroker implements AutoCloseable {
    static final String KEYSTORE_PASSWORD = "ucell-test";
    final Server server = new Server();
    final int port;
    final int tlsPort;

    private TestBroker(Path tlsDir, int fixedPort) throws Exception {
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
            keytool(ks);
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

    static TestBroker start() throws Exception {
        return new TestBroker(null, 0);
    }

    /** A broker on a given port (to bring one back where another went away). */
    static TestBroker startOn(int port) throws Exception {
        return new TestBroker(null, port);
    }

    static TestBroker startWithTls(Path dir) throws Exception {
        return new TestBroker(dir, 0);
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /** A self-signed RSA certificate for CN=localhost, made with the JDK's keytool. */
    private static void keytool(Path ks) throws Exception {
        Files.deleteIfExists(ks);
        Path tool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process pr = new ProcessBuilder(List.of(tool.toString(), "-genkeypair", "-alias", "broker", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass",
                KEYSTORE_PASSWORD)).redirectErrorStream(true).start();
        if (!pr.waitFor(60, TimeUnit.SECONDS) || pr.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + new String(pr.getInputStream().readAllBytes()));
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
