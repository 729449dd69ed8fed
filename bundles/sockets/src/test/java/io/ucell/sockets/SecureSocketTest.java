package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.at.AtCommand;
import io.ucell.simulator.model.ModuleModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Secure sockets: TLS by the module (+USOSEC, 5.11) and host-side TLS layered over a module socket. */
class SecureSocketTest {
    private static TestTls tls;

    @BeforeAll
    static void certificate() throws Exception {
        tls = new TestTls();
    }

    @Test
    void moduleTlsEchoesEveryByte() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = tls.echo()) {
            // profile 0, validation level 0 (no certificate check): section 3.2
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(0).param(0).param(0).build());
            try (TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port(),
                    SocketOptions.defaults().withSecurityProfile(0))) {
                InputStream in = s.getInputStream();
                OutputStream out = s.getOutputStream();
                int seed = 0;
                // the secure queue is 1 kB (5.3.3): bigger writes wait for room instead of losing bytes
                for (int n : new int[] {1, 256, 1024, 1500, 8000}) {
                    byte[] data = Peers.payload(n, seed++);
                    CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                        try {
                            return Peers.readFully(in, n);
                        } catch (IOException e) {
                            throw new RuntimeException(e);
                        }
                    });
                    out.write(data);
                    assertArrayEquals(data, back.get(), "size " + n);
                }
            }
        }
    }

    @Test
    void tlsIsRefusedWhereTheModuleHasNone() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R422)) {
            assertThrows(ModuleSocketException.class, () -> sim.sockets.connect("127.0.0.1", 443,
                    SocketOptions.defaults().withSecurityProfile(0)));
        }
    }

    @Test
    void hostTlsLayeredOverAModuleSocket() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = tls.echo()) {
            java.net.Socket plain = sim.sockets.socketFactory().createSocket("127.0.0.1", echo.port());
            try (SSLSocket s = (SSLSocket) tls.client.getSocketFactory().createSocket(plain, "localhost", echo.port(),
                    true)) {
                s.startHandshake();
                byte[] data = Peers.payload(4000, 7);
                CompletableFuture<byte[]> back = CompletableFuture.supplyAsync(() -> {
                    try {
                        return Peers.readFully(s.getInputStream(), data.length);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
                s.getOutputStream().write(data);
                s.getOutputStream().flush();
                assertArrayEquals(data, back.get());
            }
        }
    }

    @Test
    void concurrentHandshakesTakeTurns() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B); Peers.TcpEcho echo = tls.echo()) {
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(1).param(0).param(0).build());
            // 5.11: during a handshake no other socket command may run; the client serialises them
            java.util.List<CompletableFuture<byte[]>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                int k = i;
                all.add(CompletableFuture.supplyAsync(() -> {
                    try (TcpSocket s = sim.sockets.connect("127.0.0.1", echo.port(),
                            SocketOptions.defaults().withSecurityProfile(1))) {
                        byte[] data = Peers.payload(600, k);
                        s.getOutputStream().write(data);
                        return Peers.readFully(s.getInputStream(), data.length);
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                }));
            }
            for (int i = 0; i < 3; i++) {
                assertArrayEquals(Peers.payload(600, i), all.get(i).get());
            }
        }
    }

    @Test
    void moduleTlsToAHostName() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B); Peers.TcpEcho echo = tls.echo()) {
            sim.modem.at().executeOk(AtCommand.set("+USECPRF").param(2).param(0).param(0).build());
            // the name goes to +USOCO as given (SNI, name checks); +UDNSRN resolves it first (5.1)
            try (TcpSocket s = sim.sockets.connect("localhost", echo.port(),
                    SocketOptions.defaults().withSecurityProfile(2))) {
                s.getOutputStream().write(new byte[] {0, (byte) 255, '"', '\r'});
                assertArrayEquals(new byte[] {0, (byte) 255, '"', '\r'}, Peers.readFully(s.getInputStream(), 4));
            }
        }
    }
}
