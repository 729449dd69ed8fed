package io.ucell.simulator.ftp;

import io.ucell.simulator.files.FileSystemFullException;
import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.security.ProfileTls;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Arrays;
import javax.net.SocketFactory;
import javax.net.ssl.SSLException;
import org.apache.commons.net.ftp.FTP;
import org.apache.commons.net.ftp.FTPClient;
import org.apache.commons.net.ftp.FTPClientConfig;
import org.apache.commons.net.ftp.FTPConnectionClosedException;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.apache.commons.net.ftp.FTPSClient;

/**
 * One logged-in FTP connection of the module, on Commons Net's {@link FTPClient} (or {@link FTPSClient} for
 * explicit FTPS, AUTH TLS on the control port, then PBSZ 0 and PROT P or C for the data channel). Every method
 * throws {@link FtpFailure} with the +UFTPER pair; one caller at a time.
 */
final class FtpSession {
    /** What login needs, copied from the profile under the module's state lock. */
    record Target(InetAddress address, int port, String user, String password, String account, boolean passive,
            boolean secureControl, boolean secureData, int timeoutSeconds, int lingerCmd, int lingerData,
            ProfileTls tls) {
    }

    private final FTPClient client;
    /** The TLS connection slot of an FTPS session (null for plain FTP), released when the connection ends. */
    private final ProfileTls tls;

    private FtpSession(FTPClient client, ProfileTls tls) {
        this.client = client;
        this.tls = tls;
    }

    /** Logs in; an FTPS session's {@code t.tls()} is released here when the login fails, else by the session. */
    static FtpSession login(Target t) throws FtpFailure {
        try {
            return new FtpSession(connect(t), t.tls());
        } catch (FtpFailure | RuntimeException e) {
            if (t.tls() != null) {
                t.tls().close();
            }
            throw e;
        }
    }

    private static FTPClient connect(Target t) throws FtpFailure {
        FTPClient c;
        if (t.secureControl()) {
            // the profile's forced context: trust per validation level (the name checked is the configured server
            // name, op 4 aside), client key, TLS versions, cipher suites and SNI on the control channel and on the
            // data channels that PROT P makes from it; Commons Net's own settings are left unset
            c = new ProfileFtpsClient(t.tls().context());
        } else {
            c = new FTPClient();
        }
        int timeoutMs = (int) Math.min(Integer.MAX_VALUE, t.timeoutSeconds() * 1000L);
        c.setConnectTimeout(timeoutMs);
        c.setDefaultTimeout(timeoutMs);
        c.setDataTimeout(Duration.ofMillis(timeoutMs));
        c.setSocketFactory(new LingerSocketFactory(t.lingerData()));
        c.configure(unparseableKept());
        try {
            c.connect(t.address(), t.port());
        } catch (UnknownHostException e) {
            throw new FtpFailure(FtpError.HOST_NOT_RESOLVED);
        } catch (IOException e) {
            quietDisconnect(c);
            throw new FtpFailure(ioError(e));
        }
        try {
            if (!FTPReply.isPositiveCompletion(c.getReplyCode())) {
                throw new FtpFailure(FtpError.server(c.getReplyCode()));
            }
            if (c instanceof ProfileFtpsClient s) {
                t.tls().established(s.controlSession()); // +UUSECPRF session URCs (3.4) when op 13 is on
            }
            if (t.lingerCmd() > 0) {
                c.setSoLinger(true, t.lingerCmd());
            }
            if (c instanceof FTPSClient s) {
                s.execPBSZ(0);
                s.execPROT(t.secureData() ? "P" : "C");
            }
            boolean ok = t.account().isEmpty() ? c.login(t.user(), t.password())
                    : c.login(t.user(), t.password(), t.account());
            if (!ok) {
                throw new FtpFailure(FtpError.server(c.getReplyCode()));
            }
            check(c, c.setFileType(FTP.BINARY_FILE_TYPE));
            if (t.passive()) {
                c.enterLocalPassiveMode();
            } else {
                c.enterLocalActiveMode();
            }
            return c;
        } catch (FtpFailure f) {
            quietDisconnect(c);
            throw f;
        } catch (IOException e) {
            quietDisconnect(c);
            throw new FtpFailure(ioError(e));
        }
    }

    private static FTPClientConfig unparseableKept() {
        FTPClientConfig cfg = new FTPClientConfig();
        cfg.setUnparseableEntries(true); // LIST lines come back raw even when the parser does not know them
        return cfg;
    }

    static FtpError ioError(IOException e) {
        if (e instanceof SSLException) {
            return FtpError.SECURE_SOCKET;
        }
        if (e instanceof UnknownHostException) {
            return FtpError.HOST_NOT_RESOLVED;
        }
        if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            return FtpError.CONNECTION_REFUSED;
        }
        if (e instanceof SocketTimeoutException) {
            return FtpError.TIMED_OUT;
        }
        return FtpError.CONNECTION_LOST;
    }

    private static void check(FTPClient c, boolean ok) throws FtpFailure {
        if (!ok) {
            throw new FtpFailure(FtpError.server(c.getReplyCode()));
        }
    }

    private interface Io<T> {
        T run() throws IOException, FtpFailure;
    }

    /** Runs one exchange; a closed control connection makes the session unusable. */
    private <T> T io(Io<T> work) throws FtpFailure {
        try {
            return work.run();
        } catch (FTPConnectionClosedException e) {
            disconnect();
            throw new FtpFailure(FtpError.CONNECTION_LOST);
        } catch (IOException e) {
            throw new FtpFailure(ioError(e));
        }
    }

    /** False once the control connection is gone (which frees an FTPS session's TLS connection). */
    boolean connected() {
        if (client.isConnected()) {
            return true;
        }
        disconnect();
        return false;
    }

    void logout() throws FtpFailure {
        try {
            io(() -> {
                check(client, client.logout());
                return null;
            });
        } finally {
            disconnect();
        }
    }

    void close() {
        disconnect();
    }

    /** Closes the control connection and gives the TLS connection back to the module. */
    private void disconnect() {
        quietDisconnect(client);
        if (tls != null) {
            tls.close();
        }
    }

    private static void quietDisconnect(FTPClient c) {
        try {
            if (c.isConnected()) {
                c.disconnect();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    void delete(String remote) throws FtpFailure {
        io(() -> {
            check(client, client.deleteFile(remote));
            return null;
        });
    }

    void rename(String from, String to) throws FtpFailure {
        io(() -> {
            check(client, client.rename(from, to));
            return null;
        });
    }

    void cd(String dir) throws FtpFailure {
        io(() -> {
            check(client, dir.isEmpty() ? client.changeToParentDirectory() : client.changeWorkingDirectory(dir));
            return null;
        });
    }

    void mkdir(String dir) throws FtpFailure {
        io(() -> {
            check(client, client.makeDirectory(dir));
            return null;
        });
    }

    void rmdir(String dir) throws FtpFailure {
        io(() -> {
            check(client, client.removeDirectory(dir));
            return null;
        });
    }

    /** LIST output as the server sent it, one line per entry, CR LF ended. */
    byte[] list(String path) throws FtpFailure {
        return io(() -> {
            FTPFile[] files = path.isEmpty() ? client.listFiles() : client.listFiles(path);
            if (!FTPReply.isPositiveCompletion(client.getReplyCode())) {
                throw new FtpFailure(FtpError.server(client.getReplyCode()));
            }
            StringBuilder sb = new StringBuilder();
            for (FTPFile f : files) {
                if (f != null) {
                    sb.append(f.getRawListing()).append("\r\n");
                }
            }
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        });
    }

    /** NLST output. */
    byte[] names(String path) throws FtpFailure {
        return io(() -> {
            String[] names = path.isEmpty() ? client.listNames() : client.listNames(path);
            if (names == null) {
                throw new FtpFailure(FtpError.server(client.getReplyCode()));
            }
            StringBuilder sb = new StringBuilder();
            for (String n : names) {
                sb.append(n).append("\r\n");
            }
            return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        });
    }

    /**
     * Downloads into a module file: replaced, or (restart) appended from the local file's size, which is then
     * the REST offset.
     */
    void retrieve(String remote, ModuleFileSystem fs, String local, boolean restart) throws FtpFailure {
        long offset = restart ? Math.max(0, fs.size(local)) : 0;
        byte[] data = io(() -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            client.setRestartOffset(offset);
            check(client, client.retrieveFile(remote, out));
            return out.toByteArray();
        });
        try {
            if (offset > 0) {
                fs.append(local, data);
            } else {
                fs.write(local, data);
            }
        } catch (FileSystemFullException e) {
            throw new FtpFailure(FtpError.LOCAL_FILE_SYSTEM_FULL);
        }
    }

    /** Uploads a module file from {@code offset} (REST offset: the server writes from that byte). */
    void store(ModuleFileSystem fs, String local, String remote, long offset) throws FtpFailure {
        byte[] all;
        try {
            all = fs.read(local);
        } catch (NoSuchFileException e) {
            throw new FtpFailure(FtpError.LOCAL_FILE_MISSING);
        }
        byte[] part = Arrays.copyOfRange(all, (int) Math.min(offset, all.length), all.length);
        io(() -> {
            client.setRestartOffset(offset);
            check(client, client.storeFile(remote, new ByteArrayInputStream(part)));
            return null;
        });
    }

    /** Opens RETR for the direct link (REST offset first when positive). */
    InputStream openRetrieve(String remote, long offset) throws FtpFailure {
        return io(() -> {
            client.setRestartOffset(offset);
            InputStream in = client.retrieveFileStream(remote);
            if (in == null) {
                throw new FtpFailure(FtpError.server(client.getReplyCode()));
            }
            return in;
        });
    }

    /** Opens STOR for the direct link. */
    OutputStream openStore(String remote, long offset) throws FtpFailure {
        return io(() -> {
            client.setRestartOffset(offset);
            OutputStream out = client.storeFileStream(remote);
            if (out == null) {
                throw new FtpFailure(FtpError.server(client.getReplyCode()));
            }
            return out;
        });
    }

    /** After a direct-link stream is closed: the server's final reply (226 or an error). */
    void completeTransfer() throws FtpFailure {
        io(() -> {
            check(client, client.completePendingCommand());
            return null;
        });
    }

    /**
     * FTPSClient that shows the control channel's TLS session (for the session resumption URCs) and, in active
     * mode with PROT P, layers the profile's client TLS over each accepted data connection: Commons Net would
     * accept on an SSLServerSocket, whose sockets get neither the profile's SNI nor the server name it checks.
     */
    private static final class ProfileFtpsClient extends FTPSClient {
        private final javax.net.ssl.SSLContext context;

        ProfileFtpsClient(javax.net.ssl.SSLContext context) {
            super(false, context);
            this.context = context;
        }

        javax.net.ssl.SSLSession controlSession() {
            return _socket_ instanceof javax.net.ssl.SSLSocket s ? s.getSession() : null;
        }

        @Override
        public void execPROT(String prot) throws IOException {
            super.execPROT(prot);
            if ("P".equals(prot)) {
                setServerSocketFactory(new LayeringServerSocketFactory(context.getSocketFactory()));
            }
        }
    }

    /** Server sockets whose accepted connections are the profile's TLS client sockets (handshake not yet run). */
    private static final class LayeringServerSocketFactory extends javax.net.ServerSocketFactory {
        private final javax.net.ssl.SSLSocketFactory tls;

        LayeringServerSocketFactory(javax.net.ssl.SSLSocketFactory tls) {
            this.tls = tls;
        }

        private java.net.ServerSocket bound(int port, int backlog, InetAddress address) throws IOException {
            java.net.ServerSocket server = createServerSocket();
            server.bind(new InetSocketAddress(address, port), backlog);
            return server;
        }

        @Override
        public java.net.ServerSocket createServerSocket() throws IOException {
            return new java.net.ServerSocket() {
                @Override
                public Socket accept() throws IOException {
                    Socket plain = super.accept();
                    // the peer host is the profile's server name, whatever address the server connected from
                    return tls.createSocket(plain, null, plain.getPort(), true);
                }
            };
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port) throws IOException {
            return bound(port, 50, null);
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog) throws IOException {
            return bound(port, backlog, null);
        }

        @Override
        public java.net.ServerSocket createServerSocket(int port, int backlog, InetAddress address) throws IOException {
            return bound(port, backlog, address);
        }
    }

    /** Sockets with SO_LINGER (the +UFTP=5 data linger; the control socket gets its own after connecting). */
    private static final class LingerSocketFactory extends SocketFactory {
        private final int linger;

        LingerSocketFactory(int linger) {
            this.linger = linger;
        }

        private Socket tune(Socket s) throws IOException {
            if (linger > 0) {
                s.setSoLinger(true, linger);
            }
            return s;
        }

        @Override
        public Socket createSocket() throws IOException {
            return tune(new Socket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            Socket s = createSocket();
            s.bind(new InetSocketAddress(localHost, localPort));
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            Socket s = createSocket();
            s.connect(new InetSocketAddress(host, port));
            return s;
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            Socket s = createSocket();
            s.bind(new InetSocketAddress(localAddress, localPort));
            s.connect(new InetSocketAddress(address, port));
            return s;
        }
    }
}
