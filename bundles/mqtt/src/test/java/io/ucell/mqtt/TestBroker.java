package io.ucell.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/** A Moquette broker on loopback for the tests, optionally with a TLS listener (self-signed certificate). */
/** Shared by the client and the cloud-connection tests. */
public final class TestBroker implements AutoCloseable {
    public static final String KEYSTORE_PASSWORD = "ucell-test";
    public final Server server = new Server();
    public final int port;
    public final int tlsPort;
    /** The CA (PEM) that signed the TLS listener's certificate, for the module's certificate store. */
    public final String caPem;

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
            caPem = keyStoreSignedByCa(tlsDir, ks);
            p.setProperty("ssl_port", Integer.toString(tlsPort));
            p.setProperty("ssl_provider", "JDK");
            p.setProperty("jks_path", ks.toString());
            p.setProperty("key_store_type", "pkcs12");
            p.setProperty("key_store_password", KEYSTORE_PASSWORD);
            p.setProperty("key_manager_password", KEYSTORE_PASSWORD);
        } else {
            tlsPort = -1;
            caPem = null;
        }
        server.startServer(new MemoryConfig(p));
    }

    public static TestBroker start() throws Exception {
        return new TestBroker(null, 0);
    }

    /** A broker on a given port (to bring one back where another went away). */
    public static TestBroker startOn(int port) throws Exception {
        return new TestBroker(null, port);
    }

    public static TestBroker startWithTls(Path dir) throws Exception {
        return new TestBroker(dir, 0);
    }

    public String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    /**
     * With the JDK's keytool: a CA (flagged CA:TRUE), and in {@code ks} an RSA key for CN=localhost (SAN localhost,
     * 127.0.0.1) with its certificate signed by that CA. Returns the CA certificate (PEM).
     */
    private static String keyStoreSignedByCa(Path dir, Path ks) throws Exception {
        Files.deleteIfExists(ks);
        Path ca = dir.resolve("ca.p12");
        String caPem = newCa(dir, ca, "ucell test broker CA");
        keytool("-genkeypair", "-alias", "broker", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
                "CN=localhost", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", KEYSTORE_PASSWORD,
                "-keypass", KEYSTORE_PASSWORD);
        Path csr = dir.resolve("broker.csr");
        Path crt = dir.resolve("broker.crt");
        keytool("-certreq", "-alias", "broker", "-keystore", ks.toString(), "-storepass", KEYSTORE_PASSWORD, "-file",
                csr.toString());
        keytool("-gencert", "-alias", "ca", "-keystore", ca.toString(), "-storepass", KEYSTORE_PASSWORD, "-infile",
                csr.toString(), "-outfile", crt.toString(), "-rfc", "-validity", "2", "-ext",
                "SAN=dns:localhost,ip:127.0.0.1");
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, caPem);
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", caFile.toString(), "-keystore", ks.toString(),
                "-storepass", KEYSTORE_PASSWORD);
        keytool("-importcert", "-noprompt", "-alias", "broker", "-file", crt.toString(), "-keystore", ks.toString(),
                "-storepass", KEYSTORE_PASSWORD);
        return caPem;
    }

    /** A new CA key and self-signed CA certificate in {@code store}; returns the certificate (PEM). */
    public static String newCa(Path dir, Path store, String cn) throws Exception {
        Files.deleteIfExists(store);
        keytool("-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2", "-dname",
                "CN=" + cn, "-ext", "bc:c", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass",
                KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
        Path pem = dir.resolve(store.getFileName() + ".pem");
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", store.toString(), "-storepass", KEYSTORE_PASSWORD,
                "-file", pem.toString());
        return Files.readString(pem);
    }

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process pr = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!pr.waitFor(60, TimeUnit.SECONDS) || pr.exitValue() != 0) {
            throw new IllegalStateException("keytool " + args[0] + " failed: " + new String(pr.getInputStream().readAllBytes()));
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
