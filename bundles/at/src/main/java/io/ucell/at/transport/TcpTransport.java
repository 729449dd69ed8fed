package io.ucell.at.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;

/** A ser2net-style remote serial port, or the simulated module, at tcp://host:port. */
public final class TcpTransport implements Transport {

    private static final int CONNECT_TIMEOUT_MS = 5000;

    private final String host;
    private final int port;
    private final int pollMillis;
    private volatile Socket socket;
    private InputStream in;
    private OutputStream out;

    public TcpTransport(String host, int port, int pollMillis) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("TCP port must be 1..65535, got " + port);
        }
        this.host = host;
        this.port = port;
        this.pollMillis = pollMillis;
    }

    @Override
    public synchronized void open() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true); // AT commands are small; Nagle would add latency to every one
            s.setSoTimeout(pollMillis);
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
            if (isConnectedToItself(s)) {
                // TCP simultaneous open: retrying a local port in the ephemeral range while nothing listens can
                // connect the socket to itself; it would echo our commands and keep the port from its server
                throw new java.net.ConnectException("connected to itself on port " + port + ": nothing listens there");
            }
            in = s.getInputStream();
            out = s.getOutputStream();
            socket = s;
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** True for a socket whose two ends are the same address and port (see {@link #open()}). */
    static boolean isConnectedToItself(Socket s) {
        return s.isConnected() && s.getLocalPort() == s.getPort() && s.getLocalAddress().equals(s.getInetAddress());
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        InputStream input = in;
        if (input == null || !isOpen()) {
            throw new IOException("transport " + describe() + " is closed");
        }
        try {
            return input.read(buf, off, len);
        } catch (SocketTimeoutException idle) {
            return 0;
        }
    }

    @Override
    public void write(byte[] buf, int off, int len) throws IOException {
        OutputStream output = out;
        if (output == null || !isOpen()) {
            throw new IOException("transport " + describe() + " is closed");
        }
        output.write(buf, off, len);
        output.flush();
    }

    @Override
    public synchronized void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    @Override
    public String describe() {
        return "tcp://" + host + ":" + port;
    }
}
