package io.ucell.simulator.mqtt;

import io.ucell.simulator.security.ProfileTls;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.function.Consumer;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * The unconnected SSLSocket Paho asks for. A JDK SSLSocket connected by Paho would take the address as the
 * peer host (the name the profile checks at level 2/3) and Paho's own SNI; this one connects a plain socket,
 * then layers the security profile's TLS on it for the broker's configured name with the profile's parameters
 * (Paho's {@link #setSSLParameters} is ignored), and reports the session (+UUSECPRF URCs) after the handshake.
 */
final class ProfileTlsSocket extends SSLSocket {
    private final ProfileTls profile;
    private final SSLSocketFactory layered;
    private final Consumer<Socket> track;
    private volatile Socket plain;
    private volatile SSLSocket tls;
    private volatile boolean closed;
    private int soTimeout;

    ProfileTlsSocket(ProfileTls profile, SSLSocketFactory layered, Consumer<Socket> track) {
        this.profile = profile;
        this.layered = layered;
        this.track = track;
    }

    private SSLSocket tls() throws SocketException {
        SSLSocket t = tls;
        if (t == null) {
            throw new SocketException(closed ? "Socket is closed" : "Socket is not connected");
        }
        return t;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public synchronized void connect(SocketAddress endpoint, int timeout) throws IOException {
        if (closed) {
            throw new SocketException("Socket is closed");
        }
        Socket s = new Socket();
        track.accept(s); // abort() resets it even while the handshake runs
        plain = s;
        s.connect(endpoint, timeout);
        // the host given here is ignored: the profile's context names the broker as configured
        SSLSocket t = (SSLSocket) layered.createSocket(s, null, s.getPort(), true);
        t.setSoTimeout(soTimeout);
        tls = t;
    }

    @Override
    public void startHandshake() throws IOException {
        SSLSocket t = tls();
        t.startHandshake();
        profile.established(t.getSession());
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return tls().getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return tls().getOutputStream();
    }

    @Override
    public synchronized void setSoTimeout(int timeout) throws SocketException {
        soTimeout = timeout;
        if (tls != null) {
            tls.setSoTimeout(timeout);
        }
    }

    @Override
    public synchronized int getSoTimeout() {
        return soTimeout;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        SSLSocket t = tls;
        Socket s = plain;
        if (t != null) {
            t.close();
        } else if (s != null) {
            s.close();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isConnected() {
        return tls != null;
    }

    @Override
    public InetAddress getInetAddress() {
        Socket s = plain;
        return s == null ? null : s.getInetAddress();
    }

    @Override
    public int getPort() {
        Socket s = plain;
        return s == null ? 0 : s.getPort();
    }

    @Override
    public void shutdownInput() throws IOException {
        tls().shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        tls().shutdownOutput();
    }

    /** The profile's protocols, cipher suites and SNI stay (the module's TLS settings are the profile's). */
    @Override
    public void setSSLParameters(SSLParameters params) {
    }

    @Override
    public SSLParameters getSSLParameters() {
        SSLSocket t = tls;
        return t == null ? profile.parameters() : t.getSSLParameters();
    }

    @Override
    public SSLSession getSession() {
        SSLSocket t = tls;
        return t == null ? null : t.getSession();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return layered.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        SSLSocket t = tls;
        return t == null ? profile.parameters().getCipherSuites() : t.getEnabledCipherSuites();
    }

    /** Ignored for the same reason as {@link #setSSLParameters}. */
    @Override
    public void setEnabledCipherSuites(String[] suites) {
    }

    @Override
    public String[] getSupportedProtocols() {
        return profile.context().getSupportedSSLParameters().getProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        SSLSocket t = tls;
        return t == null ? profile.parameters().getProtocols() : t.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        throw new UnsupportedOperationException("not used by the MQTT client");
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
    }

    @Override
    public void setUseClientMode(boolean mode) {
        if (!mode) {
            throw new IllegalArgumentException("the module is the TLS client");
        }
    }

    @Override
    public boolean getUseClientMode() {
        return true;
    }

    @Override
    public void setNeedClientAuth(boolean need) {
    }

    @Override
    public boolean getNeedClientAuth() {
        return false;
    }

    @Override
    public void setWantClientAuth(boolean want) {
    }

    @Override
    public boolean getWantClientAuth() {
        return false;
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
    }

    @Override
    public boolean getEnableSessionCreation() {
        return true;
    }

    @Override
    public String toString() {
        SSLSocket t = tls;
        return "ProfileTlsSocket[" + (t == null ? "unconnected" : t.toString()) + "]";
    }
}
