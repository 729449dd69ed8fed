package io.ucell.sockets;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.sockets.client.StackSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Faults: nothing is lost silently; every failure is an IOException; a full queue only delays. */
class FaultTest {

    /** What a reader got: the bytes, and how the stream ended (null: -1 after the bytes). */
    record Outcome(byte[] data, IOException error) {
    }

    private static CompletableFuture<Outcome> readAll(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            try {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    got.write(buf, 0, n);
                }
                return new Outcome(got.toByteArray(), null);
            } catch (IOException e) {
                return new Outcome(got.toByteArray(), e);
            }
        });
    }

    @Test
    void remoteCloseWithDataPendingDeliversEverythingThenEnd() throws Exception {
        byte[] data = Peers.payload(30_000, 5);
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                try (Socket c = server.accept()) {
                    c.getOutputStream().write(data);
                    c.getOutputStream().flush();
                    Thread.sleep(30_000); // the module side ends the connection (fault injection)
                } catch (IOException | InterruptedException e) {
                    // closed by the test
                }
            });
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", server.getLocalPort())) {
                // once the module holds all 30000 bytes, the remote end closes (FIN): data stays readable (5.5)
                await().atMost(Duration.ofSeconds(20)).until(() -> "30000".equals(sim.module.sockets().control(s.id(), 3)));
                int pending = sim.module.sockets().buffered(s.id());
                assertTrue(sim.module.remoteCloseSocket(s.id()));
                Outcome o = readAll(s.getInputStream()).get(30, TimeUnit.SECONDS);
                assertEquals(null, o.error(), "an orderly close ends with -1");
                assertArrayEquals(data, o.data(), "all bytes, " + pending + " of them still in the module at the close");
            }
            sent.cancel(true);
        }
    }

    @Test
    void writeAfterRemoteCloseFailsButBufferedDataIsRead() throws Exception {
        byte[] data = Peers.payload(2000, 6);
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B);
                ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket c = server.accept()) {
                    c.getOutputStream().write(data);
                } catch (IOException e) {
                    // test ends
                }
            });
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", server.getLocalPort())) {
                Outcome o = readAll(s.getInputStream()).get(30, TimeUnit.SECONDS);
                assertEquals(null, o.error());
                assertArrayEquals(data, o.data());
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                        () -> s.getOutputStream().write(new byte[] {1}));
                assertTrue(e.getMessage().contains("closed"), e.getMessage());
            }
        }
    }

    @Test
    void zeroBytesWrittenMeansThePeerClosedAndTheRestIsStillRead() throws Exception {
        byte[] data = Peers.payload(60_000, 12);
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture.runAsync(() -> {
                try (Socket c = server.accept()) {
                    c.getOutputStream().write(data); // then the peer closes (FIN)
                } catch (IOException e) {
                    // test ends
                }
            });
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", server.getLocalPort())) {
                // the peer has closed while most of its data still waits in the module (state 7, CLOSE_WAIT)
                await().atMost(Duration.ofSeconds(20)).until(() -> "7".equals(sim.module.sockets().control(s.id(), 10)));
                IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                        () -> s.getOutputStream().write(new byte[] {1, 2, 3}));
                assertTrue(e.getMessage().contains("+USOWR: " + s.id() + ",0"), e.getMessage());
                // 5.5 fourth scenario: +USOWR: s,0, yet what the peer sent is still read, then the end
                Outcome o = readAll(s.getInputStream()).get(30, TimeUnit.SECONDS);
                assertEquals(null, o.error());
                assertArrayEquals(data, o.data());
            }
        }
    }

    @Test
    void fullQueueDelaysWritesWithoutLosingOrDuplicatingBytes() throws Exception {
        byte[] data = Peers.payload(120_000, 8);
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket()) {
            server.setReceiveBufferSize(4096); // a slow, small-windowed peer
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            CompletableFuture<byte[]> received = CompletableFuture.supplyAsync(() -> {
                try (Socket c = server.accept()) {
                    Thread.sleep(2500); // the module's 8 kB queue fills meanwhile (5.3.3)
                    return Peers.readFully(c.getInputStream(), data.length);
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", server.getLocalPort())) {
                s.getOutputStream().write(data);
                assertArrayEquals(data, received.get(60, TimeUnit.SECONDS));
                assertTrue(sim.sockets.queueFullRetries() > 0, "the queue was full at least once");
            }
        }
    }

    @Test
    void registrationLostMidTransferIsAnException() throws Exception {
        transferInterruptedBy(sim -> sim.module.loseRegistration()).close();
    }

    @Test
    void moduleRebootMidTransferIsAnException() throws Exception {
        SocketSim sim = transferInterruptedBy(s -> s.module.reboot());
        try (sim; Peers.TcpEcho echo = new Peers.TcpEcho()) {
            // afterwards the module has forgotten +UDCONF=1 and its sockets; new ones work
            sim.awaitDataActive();
            TcpSocket again = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> sim.sockets.connect("127.0.0.1", echo.port()), java.util.Objects::nonNull);
            byte[] data = Peers.payload(5000, 13);
            again.getOutputStream().write(data);
            assertArrayEquals(data, Peers.readFully(again.getInputStream(), data.length));
            again.close();
        }
    }

    private interface Fault {
        void inject(SocketSim sim) throws Exception;
    }

    /** Runs the fault in the middle of an echo transfer; returns the still open simulation for more checks. */
    private static SocketSim transferInterruptedBy(Fault fault) throws Exception {
        byte[] data = Peers.payload(400_000, 9);
        SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B, StackSettings.defaults().withBaud(SocketSim.BAUD)
                .withWriteTimeout(Duration.ofSeconds(20)));
        try (Peers.TcpEcho echo = new Peers.TcpEcho(); TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port())) {
            CompletableFuture<Outcome> reader = readAll(s.getInputStream());
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                try {
                    s.getOutputStream().write(data);
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> sim.module.sockets().control(s.id(), 2).length() > 4);
            fault.inject(sim);
            Outcome o = reader.get(60, TimeUnit.SECONDS);
            assertInstanceOf(IOException.class, o.error(), "the reader sees a failure, not an end of stream");
            assertTrue(o.data().length < data.length);
            assertArrayEquals(Arrays.copyOf(data, o.data().length), o.data(), "what came is intact");
            ExecutionException w = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
                    () -> writer.get(60, TimeUnit.SECONDS));
            assertInstanceOf(IOException.class, w.getCause().getCause(), "the writer sees a failure");
        } catch (Exception | AssertionError e) {
            sim.close();
            throw e;
        }
        return sim;
    }
}
