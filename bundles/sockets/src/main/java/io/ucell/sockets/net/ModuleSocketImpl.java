package io.ucell.sockets.net;

import io.ucell.sockets.ModuleSockets;
import io.ucell.sockets.SocketOptions;
import io.ucell.sockets.TcpSocket;
import io.ucell.sockets.at.SocketAt;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.time.Duration;

/**
 * The SocketImpl behind {@link ModuleSocketFactory}'s sockets: connect is +USOCR/+USOCO on the module, the
 * streams are the module socket's. Options set before connect (keepalive, linger, no-delay) go to the
 * module with the connect; later ones go straight to +USOSO. A connect timeout given to Socket.connect is not
 * used: the module's TCP connect runs under the component's {@code connect.timeout}.
 */
final class ModuleSocketImpl extends SocketImpl {
    private final ModuleSockets sockets;
    private final SocketOptions fixed;
    private Boolean keepAlive;
    private Integer lingerMs;
    private Boolean noDelay;
    private int soTimeout;
    private volatile TcpSocket socket;

    ModuleSocketImpl(ModuleSockets sockets, SocketOptions options) {
        this.sockets = sockets;
        this.fixed = options;
    }

    @Override
    protected void create(boolean stream) throws IOException {
        if (!stream) {
            throw new SocketException("module sockets through this factory are TCP only; use ModuleSockets.openUdp");
        }
    }

    @Override
    protected void connect(String host, int port) throws IOException {
        open(host, port);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        open(address.getHostAddress(), port);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
        if (!(address instanceof InetSocketAddress a)) {
            throw new IllegalArgumentException("unsupported address type");
        }
        open(a.isUnresolved() || a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress(),
                a.getPort());
    }

    private void open(String host, int port) throws IOException {
        SocketOptions o = fixed != null ? fixed : sockets.defaults();
        if (keepAlive != null) {
            o = o.withKeepAlive(keepAlive);
        }
        if (lingerMs != null) {
            o = o.withLinger(lingerMs);
        }
        if (noDelay != null) {
            o = o.withNoDelay(noDelay);
        }
        TcpSocket s = sockets.connect(host, port, o);
        s.setReadTimeout(soTimeout > 0 ? Duration.ofMillis(soTimeout) : null);
        this.socket = s;
        InetSocketAddress remote = s.remoteAddress();
        this.address = remote.getAddress() != null ? remote.getAddress() : InetAddress.getByName(host);
        this.port = port;
        this.localport = 0;
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        if (port != 0) {
            throw new SocketException("module sockets cannot bind a local TCP port");
        }
    }

    @Override
    protected void listen(int backlog) throws IOException {
        throw new SocketException("listen through ModuleSockets.listen");
    }

    @Override
    protected void accept(SocketImpl s) throws IOException {
        throw new SocketException("accept through ModuleSockets.listen");
    }

    private TcpSocket socket() throws SocketException {
        TcpSocket s = socket;
        if (s == null) {
            throw new SocketException("not connected");
        }
        return s;
    }

    @Override
    protected InputStream getInputStream() throws IOException {
        return socket().getInputStream();
    }

    @Override
    protected OutputStream getOutputStream() throws IOException {
        return socket().getOutputStream();
    }

    @Override
    protected int available() throws IOException {
        return socket().getInputStream().available();
    }

    @Override
    protected void close() throws IOException {
        TcpSocket s = socket;
        if (s != null) {
            s.close();
        }
    }

    @Override
    protected void shutdownInput() throws IOException {
        // the module has no half close; reads simply stop
    }

    @Override
    protected void shutdownOutput() throws IOException {
        throw new SocketException("the module has no TCP half close");
    }

    @Override
    protected void sendUrgentData(int data) throws IOException {
        throw new SocketException("urgent data is not supported by the module");
    }

    @Override
    public void setOption(int optID, Object value) throws SocketException {
        TcpSocket s = socket;
        try {
            switch (optID) {
                case SO_TIMEOUT:
                    soTimeout = (Integer) value;
                    if (s != null) {
                        s.setReadTimeout(soTimeout > 0 ? Duration.ofMillis(soTimeout) : null);
                    }
                    return;
                case SO_KEEPALIVE:
                    keepAlive = (Boolean) value;
                    if (s != null) {
                        s.setOption(SocketAt.LEVEL_SOCKET, SocketAt.SO_KEEPALIVE, keepAlive ? 1 : 0, null);
                    }
                    return;
                case TCP_NODELAY:
                    noDelay = (Boolean) value;
                    if (s != null) {
                        s.setOption(SocketAt.LEVEL_TCP, SocketAt.TCP_NODELAY, noDelay ? 1 : 0, null);
                    }
                    return;
                case SO_LINGER:
                    // Socket.setSoLinger passes seconds, or Boolean.FALSE for off; the module counts milliseconds
                    lingerMs = value instanceof Integer secs ? Math.min(SocketOptions.MAX_LINGER_MS, secs * 1000)
                            : SocketOptions.NO_LINGER;
                    if (s != null) {
                        s.setOption(SocketAt.LEVEL_SOCKET, SocketAt.SO_LINGER, lingerMs >= 0 ? 1 : 0,
                                Math.max(0, lingerMs));
                    }
                    return;
                case SO_RCVBUF:
                case SO_SNDBUF:
                case SO_REUSEADDR:
                case SO_OOBINLINE:
                case IP_TOS:
                    return; // the module's buffers and flags are its own; accepted and ignored
                default:
                    throw new SocketException("option " + optID + " is not supported on module sockets");
            }
        } catch (SocketException e) {
            throw e;
        } catch (IOException e) {
            SocketException se = new SocketException(e.getMessage());
            se.initCause(e);
            throw se;
        }
    }

    @Override
    public Object getOption(int optID) throws SocketException {
        switch (optID) {
            case SO_TIMEOUT:
                return soTimeout;
            case SO_KEEPALIVE:
                return keepAlive != null ? keepAlive : fixedOrDefaults().keepAlive();
            case TCP_NODELAY:
                return noDelay != null ? noDelay : fixedOrDefaults().noDelay();
            case SO_LINGER: {
                int ms = lingerMs != null ? lingerMs : fixedOrDefaults().lingerMs();
                return ms < 0 ? Integer.valueOf(-1) : Integer.valueOf(ms / 1000);
            }
            case SO_BINDADDR:
                try {
                    return InetAddress.getByName("0.0.0.0");
                } catch (IOException e) {
                    return null;
                }
            case SO_RCVBUF:
            case SO_SNDBUF:
                return 8192;
            case SO_REUSEADDR:
            case SO_OOBINLINE:
                return Boolean.FALSE;
            case IP_TOS:
                return 0;
            default:
                throw new SocketException("option " + optID + " is not supported on module sockets");
        }
    }

    private SocketOptions fixedOrDefaults() {
        return fixed != null ? fixed : sockets.defaults();
    }
}
