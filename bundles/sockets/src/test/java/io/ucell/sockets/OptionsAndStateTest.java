package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Options (+USOSO/+USOGO, 5.4, A.1), state (+USOCTL, 5.8) and the limit of 7 sockets. */
class OptionsAndStateTest {

    @Test
    void keepaliveAndLingerAreSetAndReadBack() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = new Peers.TcpEcho();
                TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port(),
                        SocketOptions.defaults().withKeepAlive(true).withLinger(500).withNoDelay(true))) {
            assertArrayEquals(new int[] {1}, s.getOption(65535, 8));
            assertArrayEquals(new int[] {1, 500}, s.getOption(65535, 128));
            assertArrayEquals(new int[] {1}, s.getOption(6, 1));
            s.setOption(65535, 8, 0, null);
            assertArrayEquals(new int[] {0}, s.getOption(65535, 8));
            assertEquals(4, s.tcpState());
            assertEquals(0, s.lastError());
            assertEquals(-1, s.unacknowledged()); // not on SARA-R5 (5.8)
            assertThrows(ModuleSocketException.class, () -> s.setOption(65535, 128, 1, 40000));
        }
    }

    @Test
    void unacknowledgedBytesOnSaraR42() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B); Peers.TcpEcho echo = new Peers.TcpEcho();
                TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port())) {
            assertTrue(s.unacknowledged() >= 0);
        }
    }

    @Test
    void sevenSocketsAtMost() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = new Peers.TcpEcho()) {
            List<TcpSocket> open = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                open.add(sim.sockets.connect("127.0.0.1", echo.port()));
            }
            assertThrows(ModuleSocketException.class, () -> sim.sockets.connect("127.0.0.1", echo.port()));
            open.remove(3).close();
            TcpSocket again = sim.sockets.connect("127.0.0.1", echo.port());
            again.getOutputStream().write(new byte[] {1, 2, 3});
            assertArrayEquals(new byte[] {1, 2, 3}, Peers.readFully(again.getInputStream(), 3));
            again.close();
            for (TcpSocket s : open) {
                s.close();
            }
            assertEquals(0, sim.sockets.openSockets());
        }
    }
}
