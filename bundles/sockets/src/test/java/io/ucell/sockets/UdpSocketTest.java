package io.ucell.sockets;

import io.ucell.testsupport.UdpEchoServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.simulator.model.ModuleModel;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** UDP with +USOST / +USORF (5.6, 5.7) against a real UDP echo server; SARA-R5 announces with +UUSORD, SARA-R42 with +UUSORF. */
class UdpSocketTest {

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "SARA_R42_01B"})
    void echoesDatagramsOfManySizes(ModuleModel model) throws Exception {
        try (SocketSim sim = new SocketSim(model); UdpEchoServer echo = new UdpEchoServer();
                UdpSocket u = sim.sockets.openUdp(0)) {
            int seed = 1;
            for (int n : new int[] {1, 5, 100, 256, 511, 512, 513, 1000, 1024}) {
                byte[] data = Peers.payload(n, seed++);
                u.send("127.0.0.1", echo.port(), data);
                Datagram d = u.receive(Duration.ofSeconds(10));
                assertArrayEquals(data, d.data(), "size " + n);
                assertEquals("127.0.0.1", d.address());
                assertEquals(echo.port(), d.port());
            }
            // printable text goes in base syntax: the same bytes come back
            byte[] text = "Hello, module! {json: 1}".getBytes();
            u.send("127.0.0.1", echo.port(), text);
            assertArrayEquals(text, u.receive(Duration.ofSeconds(10)).data());
            assertThrows(SocketTimeoutException.class, () -> u.receive(Duration.ofMillis(300)));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "SARA_R42_01B"})
    void burstOfDatagramsArrivesWhole(ModuleModel model) throws Exception {
        try (SocketSim sim = new SocketSim(model); UdpEchoServer echo = new UdpEchoServer();
                UdpSocket u = sim.sockets.openUdp(0)) {
            // several datagrams buffered in the module before the first read: each is read on its own
            for (int i = 0; i < 5; i++) {
                u.send("127.0.0.1", echo.port(), Peers.payload(100 + i, i));
            }
            for (int i = 0; i < 5; i++) {
                assertArrayEquals(Peers.payload(100 + i, i), u.receive(Duration.ofSeconds(10)).data());
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "SARA_R42_01B"})
    void bigDatagramFromTheHostIsReadInPieces(ModuleModel model) throws Exception {
        int port;
        try (java.net.DatagramSocket probe = new java.net.DatagramSocket(0)) {
            port = probe.getLocalPort();
        }
        try (SocketSim sim = new SocketSim(model); UdpSocket u = sim.sockets.openUdp(port);
                java.net.DatagramSocket host = new java.net.DatagramSocket()) {
            // 5.7: a datagram bigger than one +USORF is read in parts; the URC tells what is left of it
            byte[] big = Peers.payload(3000, 11);
            host.send(new java.net.DatagramPacket(big, big.length, java.net.InetAddress.getLoopbackAddress(), port));
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            while (got.size() < big.length) {
                Datagram d = u.receive(Duration.ofSeconds(10));
                assertEquals(host.getLocalPort(), d.port());
                got.write(d.data());
            }
            assertArrayEquals(big, got.toByteArray());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "SARA_R42_01B"})
    void connectedUdpUsesWriteAndReadOnly(ModuleModel model) throws Exception {
        try (SocketSim sim = new SocketSim(model); UdpEchoServer echo = new UdpEchoServer();
                UdpSocket u = sim.sockets.openUdp(0)) {
            u.connect("127.0.0.1", echo.port()); // +USOCO: from now on +USOWR / +USORD (section 5)
            org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> u.send("127.0.0.1", echo.port(), new byte[] {1}));
            int seed = 20;
            for (int n : new int[] {1, 300, 512, 700, 1024}) {
                byte[] data = Peers.payload(n, seed++);
                u.send(data);
                Datagram d = u.receive(Duration.ofSeconds(10));
                assertArrayEquals(data, d.data(), "size " + n);
                assertEquals(echo.port(), d.port());
            }
        }
    }
}
