package io.ucell.sockets;

import io.ucell.testsupport.UdpEchoServer;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.sockets.client.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** TCP client sockets (5.1, 5.3, 5.5) against a real echo server on loopback. */
class TcpSocketTest {

    static Stream<Arguments> modelsAndModes() {
        return Stream.of(Arguments.of(ModuleModel.SARA_R5_02B, WriteMode.AUTO),
                Arguments.of(ModuleModel.SARA_R42_01B, WriteMode.BINARY),
                Arguments.of(ModuleModel.SARA_R5_00B, WriteMode.HEX));
    }

    @ParameterizedTest
    @MethodSource("modelsAndModes")
    void echoesEveryByteValueAndManySizes(ModuleModel model, WriteMode mode) throws Exception {
        try (SocketSim sim = new SocketSim(model, StackSettings.defaults().withBaud(SocketSim.BAUD).withWriteMode(mode));
                Peers.TcpEcho echo = new Peers.TcpEcho();
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
                assertArrayEquals(data, back.get(60, TimeUnit.SECONDS), "size " + n);
            }
            // printable text (base syntax in auto mode), with commas and a quote in the middle
            byte[] text = "GET / HTTP/1.1, host=\"example\" {a,b}; ok".repeat(40).getBytes(StandardCharsets.US_ASCII);
            out.write(text);
            assertArrayEquals(text, Peers.readFully(in, text.length));
            assertEquals(4, s.tcpState());
            assertEquals(0, sim.module.corruptedPromptBytes(), "every binary write waited 50 ms after '@'");
        }
    }

    @Test
    void dataIsReadEvenWhenItsUrcIsLost() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> peer = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", server.getLocalPort());
                    Socket p = peer.get(10, TimeUnit.SECONDS)) {
                Thread.sleep(300); // the connect's own traffic is over
                // the module's next output is the "+UUSORD: 0,5" URC: it never reaches the host
                sim.module.dropNextBytes(("\r\n+UUSORD: " + s.id() + ",5\r\n").length());
                p.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                s.setReadTimeout(Duration.ofSeconds(10));
                assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), Peers.readFully(s.getInputStream(), 5));
            }
        }
    }

    @Test
    void severalSocketsAtOnceKeepTheirOwnBytes() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B); Peers.TcpEcho echo = new Peers.TcpEcho();
                UdpEchoServer udpEcho = new UdpEchoServer()) {
            java.util.List<CompletableFuture<Void>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int k = i;
                all.add(CompletableFuture.runAsync(() -> {
                    try (TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port())) {
                        byte[] data = Peers.payload(15_000 + 1000 * k, 100 + k);
                        CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                            try {
                                return Peers.readFully(s.getInputStream(), data.length);
                            } catch (IOException e) {
                                throw new RuntimeException(e);
                            }
                        });
                        s.getOutputStream().write(data);
                        assertArrayEquals(data, back.get(60, TimeUnit.SECONDS), "socket " + k);
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            all.add(CompletableFuture.runAsync(() -> {
                try (UdpSocket u = sim.sockets.openUdp(0)) {
                    for (int n = 0; n < 20; n++) {
                        byte[] d = Peers.payload(200 + n, n);
                        u.send("127.0.0.1", udpEcho.port(), d);
                        assertArrayEquals(d, u.receive(Duration.ofSeconds(20)).data());
                    }
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            }));
            for (CompletableFuture<Void> f : all) {
                f.get(120, TimeUnit.SECONDS);
            }
            assertEquals(0, sim.sockets.openSockets());
        }
    }
}
