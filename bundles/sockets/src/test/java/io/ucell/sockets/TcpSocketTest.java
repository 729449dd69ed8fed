package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.simulator.model.ModuleModel;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** TCP client sockets (5.1, 5.3, 5.5) against a real echo server on loopback. */
class TcpSocketTest {

    @Test
    void echoesEveryByteValueAndManySizes() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = new Peers.TcpEcho();
                TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port())) {
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            int seed = 1;
            for (int n : new int[] {1, 2, 255, 256, 511, 512, 513, 1023, 1024, 1025, 3000, 20_000}) {
                byte[] data = Peers.payload(n, seed++);
                CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Peers.readFully(in, n);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                });
                out.write(data);
                assertArrayEquals(data, back.get(), "size " + n);
            }
            assertEquals(4, s.tcpState());
        }
    }
}
