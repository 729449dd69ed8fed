package io.ucell.testsupport;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;
import org.apache.ftpserver.ftplet.UserManager;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * Apache FtpServer on loopback for the tests: user "user", password "secret", writable home in a temporary
 * folder; optionally explicit FTPS (AUTH TLS) with a self-signed certificate made by keytool. Records, per
 * transfer command, whether the control and data channels were encrypted.
 */
public final class FtpTestServer implements AutoCloseable {
    public static final String USER = "user";
    public static final String PASSWORD = "secret";

    public final Path root;
    public final int port;
    /** The server's self-signed certificate (DER) when TLS is on, else null. */
    public byte[] certificate;
    private final FtpServer server;
    /** "RETR name" -> "control=true,data=true" */
    public final Map<String, String> channelSecurity = new ConcurrentHashMap<>();
    /** The SNI host name of every TLS handshake, control and data channels ("" for one without SNI). */
    public final List<String> serverNames = new java.util.concurrent.CopyOnWriteArrayList<>();

    public FtpTestServer(Path dir, boolean tls) throws Exception {
        root = Files.createDirectories(dir.resolve("ftp-root"));
        FtpServerFactory sf = new FtpServerFactory();
        ListenerFactory lf = new ListenerFactory();
        lf.setServerAddress("127.0.0.1");
        lf.setPort(0);
        DataConnectionConfigurationFactory dcf = new DataConnectionConfigurationFactory();
        dcf.setPassiveAddress("127.0.0.1");
        dcf.setActiveLocalAddress("127.0.0.1");
        if (tls) {
            SslConfiguration ssl = new SniRecording(sslConfiguration(dir), dir.resolve("ftp-server.p12"), serverNames);
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(dir.resolve("ftp-server.p12"))) {
                ks.load(in, "changeit".toCharArray());
            }
            certificate = ks.getCertificate("ftp").getEncoded();
            lf.setSslConfiguration(ssl);
            lf.setImplicitSsl(false);
            dcf.setSslConfiguration(ssl);
        }
        lf.setDataConnectionConfiguration(dcf.createDataConnectionConfiguration());
        sf.addListener("default", lf.createListener());
        PropertiesUserManagerFactory umf = new PropertiesUserManagerFactory();
        Path users = dir.resolve("users.properties");
        Files.write(users, new byte[0]);
        umf.setFile(users.toFile());
        umf.setPasswordEncryptor(new ClearTextPasswordEncryptor());
        UserManager um = umf.createUserManager();
        BaseUser u = new BaseUser();
        u.setName(USER);
        u.setPassword(PASSWORD);
        u.setHomeDirectory(root.toString());
        u.setAuthorities(List.<Authority>of(new WritePermission()));
        um.save(u);
        sf.setUserManager(um);
        sf.getFtplets().put("recorder", new DefaultFtplet() {
            @Override
            public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
                String cmd = request.getCommand();
                if (cmd.equals("RETR") || cmd.equals("STOR") || cmd.equals("LIST")) {
                    channelSecurity.put(cmd + " " + request.getArgument(), "control=" + session.isSecure() + ",data="
                            + session.getDataConnection().isSecure());
                }
                return super.beforeCommand(session, request);
            }
        });
        server = sf.createServer();
        server.start();
        port = ((org.apache.ftpserver.impl.DefaultFtpServer) server).getListener("default").getPort();
    }

    /** A self-signed RSA certificate for localhost and 127.0.0.1, made with the JDK's keytool. */
    private static SslConfiguration sslConfiguration(Path dir) throws Exception {
        Path store = dir.resolve("ftp-server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "ftp", "-keyalg", "RSA", "-keysize", "2048",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype",
                "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("keytool failed");
        }
        SslConfigurationFactory ssl = new SslConfigurationFactory();
        ssl.setKeystoreFile(store.toFile());
        ssl.setKeystorePassword("changeit");
        ssl.setKeystoreType("PKCS12");
        ssl.setKeyPassword("changeit");
        return ssl.createSslConfiguration();
    }

    /** The keytool certificate with a key manager that records each client's SNI. */
    private static final class SniRecording implements SslConfiguration {
        private final SslConfiguration base;
        private final Path store;
        private final List<String> seen;

        SniRecording(SslConfiguration base, Path store, List<String> seen) {
            this.base = base;
            this.store = store;
            this.seen = seen;
        }

        @Override
        public javax.net.ssl.SSLSocketFactory getSocketFactory() throws java.security.GeneralSecurityException {
            return getSSLContext().getSocketFactory();
        }

        @Override
        public javax.net.ssl.SSLContext getSSLContext() throws java.security.GeneralSecurityException {
            return getSSLContext(base.getEnabledProtocol());
        }

        @Override
        public javax.net.ssl.SSLContext getSSLContext(String protocol) throws java.security.GeneralSecurityException {
            try {
                java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
                try (var in = Files.newInputStream(store)) {
                    ks.load(in, "changeit".toCharArray());
                }
                javax.net.ssl.KeyManagerFactory kmf = javax.net.ssl.KeyManagerFactory.getInstance("SunX509");
                kmf.init(ks, "changeit".toCharArray());
                javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance(protocol == null ? "TLS" : protocol);
                ctx.init(new javax.net.ssl.KeyManager[] {
                    TestPki.sniRecording((javax.net.ssl.X509KeyManager) kmf.getKeyManagers()[0], seen)}, null, null);
                return ctx;
            } catch (IOException e) {
                throw new java.security.GeneralSecurityException(e);
            }
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return base.getEnabledCipherSuites();
        }

        @Override
        public String getEnabledProtocol() {
            return base.getEnabledProtocol();
        }

        @Override
        public String[] getEnabledProtocols() {
            return base.getEnabledProtocols();
        }

        @Override
        public org.apache.ftpserver.ssl.ClientAuth getClientAuth() {
            return base.getClientAuth();
        }
    }

    public Path file(String name) {
        return root.resolve(name);
    }

    public File dir(String name) {
        return root.resolve(name).toFile();
    }

    @Override
    public void close() {
        server.stop();
    }
}
