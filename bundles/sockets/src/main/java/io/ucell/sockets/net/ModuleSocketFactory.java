package io.ucell.sockets.net;

import io.ucell.sockets.ModuleSockets;
import io.ucell.sockets.SocketOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Makes {@link Socket}s whose connections are module TCP sockets (+USOCR/+USOCO): libraries that accept a
 * SocketFactory (MQTT, HTTP clients, SSLSocketFactory.createSocket(socket, ...)) run over the module unchanged.
 * Local binding is not offered: the module picks the local port.
 */
public final class ModuleSocketFactory extends SocketFactory {
    private final ModuleSockets sockets;
    private final SocketOptions options;

    /** @param options options of every socket, or null for the service's defaults at connect time */
    public ModuleSocketFactory(ModuleSockets sockets, SocketOptions options) {
        this.sockets = sockets;
        this.options = options;
    }

    @Override
    public Socket createSocket() throws SocketException {
        return new ModuleSocket(new ModuleSocketImpl(sockets, options));
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        Socket s = createSocket();
        s.connect(InetSocketAddress.createUnresolved(host, port));
        return s;
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        refuseLocalPort(localPort);
        return createSocket(host, port);
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
        refuseLocalPort(localPort);
        return createSocket(address, port);
    }

    private static void refuseLocalPort(int localPort) throws SocketException {
        if (localPort != 0) {
            throw new SocketException("module sockets cannot bind a local TCP port");
        }
    }

    /** A Socket with the module implementation (the constructor that takes a SocketImpl is protected). */
    static final class ModuleSocket extends Socket {
        ModuleSocket(ModuleSocketImpl impl) throws SocketException {
            super(impl);
        }
    }
}
