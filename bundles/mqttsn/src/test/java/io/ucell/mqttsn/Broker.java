package io.ucell.mqttsn;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Moquette on loopback, on a free port, without persistence. */
final class Broker implements AutoCloseable {
    final Server server = new Server();
    final int port;
    private final Path data;

    Broker() throws IOException {
        port = freePort();
        data = Files.createTempDirectory("moquette");
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("data_path", data.toString());
        p.setProperty("netty.epoll", "false");
        server.startServer(new MemoryConfig(p));
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
