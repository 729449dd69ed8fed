package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.simulator.model.ModuleModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A listening socket on the module (+USOLI, +UUSOLI; 5.2) and a host client connecting to it. */
class ListenTest {

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void hostClientConnectsToTheModule() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B)) {
            int port = freePort();
            try (TcpServer server = sim.sockets.listen(port)) {
                assertThrows(SocketTimeoutException.class, () -> server.accept(Duration.ofMillis(200)));
                for (int round = 0; round < 2; round++) {
                    try (Socket host = new Socket("127.0.0.1", port);
                            TcpSocket accepted = server.accept(Duration.ofSeconds(10))) {
                        byte[] up = Peers.payload(5000, round);
                        OutputStream hostOut = host.getOutputStream();
                        hostOut.write(up);
                        hostOut.flush();
                        assertArrayEquals(up, Peers.readFully(accepted.getInputStream(), up.length));
                        byte[] down = Peers.payload(3000, round + 10);
                        accepted.getOutputStream().write(down);
                        assertArrayEquals(down, Peers.readFully(host.getInputStream(), down.length));
                        // the host closes: the module side reads the end of the stream
                        host.close();
                        InputStream in = accepted.getInputStream();
                        accepted.setReadTimeout(Duration.ofSeconds(10));
                        assertEquals(-1, in.read());
                    }
                }
            }
        }
    }
}
