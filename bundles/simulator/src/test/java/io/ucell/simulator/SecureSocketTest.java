package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.allByteValues;
import static io.ucell.simulator.SocketSupport.info;
import static io.ucell.simulator.SocketSupport.readTcp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.SocketSupport.EchoServer;
import io.ucell.simulator.model.ModuleModel;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 5.11: secure sockets through the JDK's TLS against a JDK TLS echo server. */
class SecureSocketTest {
    private static final char[] PASSWORD = "test-only".toCharArray();
    private static SSLContext serverContext;

    /** A self-signed server certificate made with the JDK's keytool, as an operator would. */
    @BeforeAll
    static void makeServerCertificate(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "server", "-keyalg", "EC",
                "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, PASSWORD);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, PASSWORD);
        serverContext = SSLContext.getInstance("TLS");
        serverContext.init(kmf.getKeyManagers(), null, null);
    }

    private static EchoServer tlsEcho() throws Exception {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 10, InetAddress.getLoopbackAddress());
        return new EchoServer(server);
    }

    @Test
    void secureEchoWithoutValidation() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B); EchoServer echo = tlsEcho()) {
            s.ok("AT+USECPRF=0");
            assertEquals(List.of("+USECPRF: 0,0,0"), info(s.ok("AT+USECPRF=0,0")));
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSEC=0,1,0");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port()); // OK only once the handshake is done
            s.error("AT+USOSEC=0,0"); // not after connect
            byte[] all = allByteValues();
            assertTrue(s.at.sendWithPrompt("AT+USOWR=0,256", all).contains("+USOWR: 0,256"));
            assertArrayEquals(all, readTcp(s, 0, 256));
            // the secure queue is 1 kB: a full-size write still fits when nothing is pending
            byte[] big = new byte[1024];
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 31);
            }
            assertTrue(s.at.sendWithPrompt("AT+USOWR=0,1024", big).contains("+USOWR: 0,1024"));
            assertArrayEquals(big, readTcp(s, 0, 1024));
            s.ok("AT+USOCL=0");
        }
    }

    /** Spec 5.3.3: the secure socket queue is 1 kB, whatever the family's TCP queue. */
    @Test
    void secureQueueIsOneKilobyte() throws Exception {
        SSLServerSocket server = (SSLServerSocket) serverContext.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
        server.setReceiveBufferSize(4096);
        java.util.concurrent.CompletableFuture<javax.net.ssl.SSLSocket> accepted = new java.util.concurrent.CompletableFuture<>();
        Thread acceptor = new Thread(() -> {
            try {
                javax.net.ssl.SSLSocket c = (javax.net.ssl.SSLSocket) server.accept();
                c.startHandshake(); // then never reads
                accepted.complete(c);
            } catch (java.io.IOException e) {
                accepted.completeExceptionally(e);
            }
        });
        acceptor.start();
        try (server; Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B)) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSEC=0,1");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (javax.net.ssl.SSLSocket peer = accepted.get(5, TimeUnit.SECONDS)) {
                int written = 0;
                String data = "s".repeat(1024);
                while ("OK".equals(s.fin("AT+USOWR=0,1024,\"" + data + "\""))) {
                    written += 1024;
                    assertTrue(written < 16 * 1024 + 64 * 1024, "the queue never filled up");
                }
                assertEquals(List.of("+USOER: 11"), info(s.ok("AT+USOER")));
                // what is still queued plus the refused write exceeds 1 kB, not the 16 kB TCP queue
                String unsent = info(s.ok("AT+USOCTL=0,11")).get(0);
                int pending = Integer.parseInt(unsent.substring("+USOCTL: 0,11,".length()));
                assertTrue(pending > 0 && pending <= 1024, unsent);
                assertTrue(peer.isConnected());
            }
        }
    }

    @Test
    void validationAgainstTheTrustStoreRejectsASelfSignedServer() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B); EchoServer echo = tlsEcho()) {
            s.ok("AT+USECPRF=2,0,1");
            s.ok("AT+USECPRF=2,3,\"ca.pem\""); // no such CA imported: validation cannot succeed
            assertEquals(List.of("+USECPRF: 2,3,\"ca.pem\""), info(s.ok("AT+USECPRF=2,3")));
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSEC=0,1,2");
            assertEquals("ERROR", s.fin("AT+USOCO=0,\"127.0.0.1\"," + echo.port()));
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(3)));
            // the same server with validation off (profile reset) works
            s.ok("AT+USECPRF=2");
            s.ok("AT+USOCR=6");
            s.ok("AT+USOSEC=0,1,2");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + echo.port());
        }
    }

    @Test
    void noSecureSocketsOnSaraR422() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R422)) {
            s.ok("AT+USOCR=6");
            s.error("AT+USOSEC=0,1,0");
            s.error("AT+USECPRF=0,0,0");
        }
    }
}
