package io.ucell.simulator.security;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.BiFunction;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An SSLContext for client libraries that make their own engines or sockets (the JDK's HttpClient, an FTPS
 * client): every engine and socket it makes is for the module's server name (the peer host the profile's
 * host name check and session cache use, whatever host the library names) and gets the profile's protocols,
 * cipher suites and SNI, whatever parameters the library sets later (only its ALPN list is kept). Without this,
 * HttpClient would put its own SNI and HTTPS endpoint identification on the engine.
 */
final class ForcedSslContext {
    private ForcedSslContext() {
    }

    static SSLContext wrap(SSLContext inner, String host, SSLParameters forced) {
        return new SSLContext(new Spi(inner, host, forced), inner.getProvider(), inner.getProtocol()) {
        };
    }

    /** The profile's parameters with the library's application protocols (ALPN). */
    private static SSLParameters merge(SSLParameters forced, SSLParameters fromLibrary) {
        SSLParameters p = copy(forced);
        if (fromLibrary != null && fromLibrary.getApplicationProtocols() != null) {
            p.setApplicationProtocols(fromLibrary.getApplicationProtocols());
        }
        return p;
    }

    private static SSLParameters copy(SSLParameters s) {
        SSLParameters p = new SSLParameters(s.getCipherSuites(), s.getProtocols());
        if (s.getServerNames() != null) {
            p.setServerNames(s.getServerNames());
        }
        if (s.getApplicationProtocols() != null) {
            p.setApplicationProtocols(s.getApplicationProtocols());
        }
        return p;
    }

    private static final class Spi extends SSLContextSpi {
        private final SSLContext inner;
        private final String host;
        private final SSLParameters forced;

        Spi(SSLContext inner, String host, SSLParameters forced) {
            this.inner = inner;
            this.host = host;
            this.forced = forced;
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
            throw new KeyManagementException("already initialised from the security profile");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return new Sockets(inner.getSocketFactory(), host, forced);
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            // for a library's active-mode data connections (FTPS PORT): the profile's keys and trust, not forced
            return inner.getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return new Engine(inner.createSSLEngine(host, -1), forced);
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String ignoredHost, int port) {
            return new Engine(inner.createSSLEngine(host, port), forced);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return inner.getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return inner.getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            return copy(forced);
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return inner.getSupportedSSLParameters();
        }
    }

    /** Sockets for the module's server name with the profile's parameters (layered or connecting). */
    private static final class Sockets extends SSLSocketFactory {
        private final SSLSocketFactory inner;
        private final String host;
        private final SSLParameters forced;

        Sockets(SSLSocketFactory inner, String host, SSLParameters forced) {
            this.inner = inner;
            this.host = host;
            this.forced = forced;
        }

        private Socket forced(Socket s) {
            ((SSLSocket) s).setSSLParameters(copy(forced));
            return s;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return forced.getCipherSuites();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        /** Unconnected (a library connects it itself): the peer host is then the address it connects to. */
        @Override
        public Socket createSocket() throws IOException {
            return forced(inner.createSocket());
        }

        @Override
        public Socket createSocket(Socket s, String ignoredHost, int port, boolean autoClose) throws IOException {
            return forced(inner.createSocket(s, host, port, autoClose));
        }

        @Override
        public Socket createSocket(String ignoredHost, int port) throws IOException {
            return forced(inner.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String ignoredHost, int port, InetAddress localHost, int localPort)
                throws IOException {
            return forced(inner.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress address, int port) throws IOException {
            return forced(inner.createSocket(address, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return forced(inner.createSocket(address, port, localAddress, localPort));
        }
    }

    /** The JDK engine with parameters the library cannot override (only ALPN passes). */
    private static final class Engine extends SSLEngine {
        private final SSLEngine inner;
        private final SSLParameters forced;

        Engine(SSLEngine inner, SSLParameters forced) {
            super(inner.getPeerHost(), inner.getPeerPort());
            this.inner = inner;
            this.forced = forced;
            inner.setSSLParameters(copy(forced));
        }

        @Override
        public void setSSLParameters(SSLParameters params) {
            inner.setSSLParameters(merge(forced, params));
        }

        @Override
        public SSLParameters getSSLParameters() {
            return inner.getSSLParameters();
        }

        @Override
        public void setEnabledCipherSuites(String[] suites) {
            // the profile's (op 2) stay
        }

        @Override
        public void setEnabledProtocols(String[] protocols) {
            // the profile's (op 1) stay
        }

        @Override
        public SSLEngineResult wrap(ByteBuffer[] srcs, int offset, int length, ByteBuffer dst) throws SSLException {
            return inner.wrap(srcs, offset, length, dst);
        }

        @Override
        public SSLEngineResult unwrap(ByteBuffer src, ByteBuffer[] dsts, int offset, int length) throws SSLException {
            return inner.unwrap(src, dsts, offset, length);
        }

        @Override
        public Runnable getDelegatedTask() {
            return inner.getDelegatedTask();
        }

        @Override
        public void closeInbound() throws SSLException {
            inner.closeInbound();
        }

        @Override
        public boolean isInboundDone() {
            return inner.isInboundDone();
        }

        @Override
        public void closeOutbound() {
            inner.closeOutbound();
        }

        @Override
        public boolean isOutboundDone() {
            return inner.isOutboundDone();
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return inner.getSupportedCipherSuites();
        }

        @Override
        public String[] getEnabledCipherSuites() {
            return inner.getEnabledCipherSuites();
        }

        @Override
        public String[] getSupportedProtocols() {
            return inner.getSupportedProtocols();
        }

        @Override
        public String[] getEnabledProtocols() {
            return inner.getEnabledProtocols();
        }

        @Override
        public SSLSession getSession() {
            return inner.getSession();
        }

        @Override
        public SSLSession getHandshakeSession() {
            return inner.getHandshakeSession();
        }

        @Override
        public void beginHandshake() throws SSLException {
            inner.beginHandshake();
        }

        @Override
        public SSLEngineResult.HandshakeStatus getHandshakeStatus() {
            return inner.getHandshakeStatus();
        }

        @Override
        public void setUseClientMode(boolean mode) {
            inner.setUseClientMode(mode);
        }

        @Override
        public boolean getUseClientMode() {
            return inner.getUseClientMode();
        }

        @Override
        public void setNeedClientAuth(boolean need) {
            inner.setNeedClientAuth(need);
        }

        @Override
        public boolean getNeedClientAuth() {
            return inner.getNeedClientAuth();
        }

        @Override
        public void setWantClientAuth(boolean want) {
            inner.setWantClientAuth(want);
        }

        @Override
        public boolean getWantClientAuth() {
            return inner.getWantClientAuth();
        }

        @Override
        public void setEnableSessionCreation(boolean flag) {
            inner.setEnableSessionCreation(flag);
        }

        @Override
        public boolean getEnableSessionCreation() {
            return inner.getEnableSessionCreation();
        }

        @Override
        public String getApplicationProtocol() {
            return inner.getApplicationProtocol();
        }

        @Override
        public String getHandshakeApplicationProtocol() {
            return inner.getHandshakeApplicationProtocol();
        }

        @Override
        public void setHandshakeApplicationProtocolSelector(BiFunction<SSLEngine, List<String>, String> selector) {
            inner.setHandshakeApplicationProtocolSelector(selector);
        }

        @Override
        public BiFunction<SSLEngine, List<String>, String> getHandshakeApplicationProtocolSelector() {
            return inner.getHandshakeApplicationProtocolSelector();
        }
    }
}
