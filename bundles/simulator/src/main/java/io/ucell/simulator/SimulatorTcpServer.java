package io.ucell.simulator;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a module on a TCP port the way ser2net serves a serial port: one client at a time, a new
 * connection replaces the old one. Closing the server closes the module too.
 */
public final class SimulatorTcpServer implements Closeable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatorTcpServer.class);

    private final SimulatedModule module;
    private final ServerSocket server;
    private final Thread acceptor;
    private volatile boolean closed;

    private SimulatorTcpServer(SimulatedModule module, ServerSocket server) {
        this.module = module;
        this.server = server;
        this.acceptor = new Thread(this::acceptLoop, module + "-tcp-" + server.getLocalPort());
        acceptor.setDaemon(true);
    }

    /** Listens on all interfaces; port 0 picks a free one (see {@link #port()}). */
    public static SimulatorTcpServer start(SimulatedModule module, int port) throws IOException {
        return start(module, null, port);
    }

    /** @param bindAddress null for all interfaces */
    public static SimulatorTcpServer start(SimulatedModule module, InetAddress bindAddress, int port)
            throws IOException {
        ServerSocket ss = new ServerSocket();
        ss.setReuseAddress(true);
        ss.bind(new InetSocketAddress(bindAddress, port));
        SimulatorTcpServer s = new SimulatorTcpServer(module, ss);
        s.acceptor.start();
        LOG.info("{} listening on TCP port {}", module, s.port());
        return s;
    }

    public int port() {
        return server.getLocalPort();
    }

    public SimulatedModule module() {
        return module;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                s.setTcpNoDelay(true);
                LOG.info("{} client {} connected", module, s.getRemoteSocketAddress());
                try {
                    // the attachment owns the socket's streams; closing them closes the socket
                    module.attach(s.getInputStream(), s.getOutputStream());
                } catch (IllegalStateException e) {
                    // accepted while the module was closing: refuse the client rather than leave it connected
                    // to a module that will never answer
                    s.close();
                    throw e;
                }
            } catch (SocketException e) {
                if (!closed) {
                    LOG.warn("accept failed", e);
                }
            } catch (IOException | IllegalStateException e) {
                if (!closed) {
                    LOG.warn("accept failed", e);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        try {
            // a client accepted just before the server socket closed is attached (and then detached by the
            // module's close) or refused, never left behind
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        module.close();
    }
}
