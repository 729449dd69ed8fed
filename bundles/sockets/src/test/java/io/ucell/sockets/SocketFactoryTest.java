package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import javax.net.SocketFactory;
import org.junit.jupiter.api.Test;

/** java.net.Socket over the module through the SocketFactory. */
class SocketFactoryTest {

    @Test
    void plainSocketEchoes() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = new Peers.TcpEcho()) {
            SocketFactory f = sim.sockets.socketFactory();
            try (Socket s = f.createSocket()) {
                s.setKeepAlive(true);
                s.setTcpNoDelay(true);
                s.connect(new InetSocketAddress("127.0.0.1", echo.port()), 10_000);
                assertTrue(s.isConnected());
                assertEquals(echo.port(), s.getPort());
                assertEquals("127.0.0.1", s.getInetAddress().getHostAddress());
                assertTrue(s.getKeepAlive());
                s.setSoTimeout(300);
                assertThrows(SocketTimeoutException.class, () -> s.getInputStream().read());
                s.setSoTimeout(10_000);
                byte[] data = Peers.payload(10_000, 3);
                CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Peers.readFully(s.getInputStream(), data.length);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                s.getOutputStream().write(data);
                assertArrayEquals(data, back.get());
            }
            assertEquals(0, sim.sockets.openSockets());
        }
    }

    @Test
    void refusedConnectionIsAnException() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B)) {
            assertThrows(ConnectException.class, () -> sim.sockets.socketFactory().createSocket("127.0.0.1", port));
            // 5.1: the failed socket was freed by the module (+UUSOCL) and the id can be used again
            try (Peers.TcpEcho echo = new Peers.TcpEcho();
                    Socket s = sim.sockets.socketFactory().createSocket("127.0.0.1", echo.port())) {
                s.getOutputStream().write(42);
                assertEquals(42, s.getInputStream().read());
            }
        }
    }
}
