package io.ucell.simulator.sockets;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS client of a secure socket: the JDK's, layered over the already connected host socket. The
 * validation level of the security profile picks the trust: 0 trusts any server (the module default);
 * 1 and 3 validate the chain against the JDK's trust store (the module's own certificate store, +USECMNG,
 * is not simulated yet), with dates always checked as the JDK does; 2 and 3 also check the host name.
 */
final class Tls {
    private Tls() {
    }

    static SSLSocket handshake(Socket connected, String serverName, int port, int validationLevel, int timeoutMs)
            throws IOException {
        SSLContext ctx;
        try {
            ctx = SSLContext.getInstance("TLS");
            ctx.init(null, validationLevel == 0 ? new TrustManager[] {new TrustAll()} : null, null);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS not available", e);
        }
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(connected, serverName, port, true);
        ssl.setUseClientMode(true);
        if (validationLevel >= 2) {
            SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(p);
        }
        ssl.setSoTimeout(timeoutMs);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            ssl.close();
            throw e;
        }
        ssl.setSoTimeout(0);
        return ssl;
    }

    /** Validation level 0: the module does not check the server certificate at all. */
    private static final class TrustAll extends X509ExtendedTrustManager {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
