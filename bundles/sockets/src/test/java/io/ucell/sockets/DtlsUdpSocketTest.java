package io.ucell.sockets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.modem.core.ModemController;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.DtlsEchoServer;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Secure UDP sockets through the Java API: DTLS by the module (+USOSEC on UDP, 5.11) with a security profile
 * (section 3), against a Scandium DTLS echo server on loopback.
 */
class DtlsUdpSocketTest {
    private static final byte[] KEY = HexFormat.of().parseHex("0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static void set(ModemController modem, AtCommand c) throws Exception {
        modem.at().executeOk(c);
    }

    private static void psk(ModemController modem, int profile, byte[] key, String identity) throws Exception {
        set(modem, AtCommand.set("+USECPRF").param(profile).param(8).secret(HexFormat.of().formatHex(key)).param(1)
                .build());
        set(modem, AtCommand.set("+USECPRF").param(profile).param(9).param(identity).build());
    }

    private static void importCa(ModemController modem, String name, Issued ca) throws Exception {
        byte[] pem = ca.certPem().getBytes(StandardCharsets.US_ASCII);
        set(modem, AtCommand.set("+USECMNG").param(0).param(0).param(name).param(pem.length)
                .promptData(pem, new byte[0]).timeout(Duration.ofSeconds(10)).build());
    }

    private static byte[] allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static void echoes(UdpSocket u, DtlsEchoServer echo) throws Exception {
        byte[] all = allByteValues();
        u.send(all);
        Datagram d = u.receive(WAIT);
        assertArrayEquals(all, d.data());
        assertEquals(echo.port(), d.port());
        assertArrayEquals(all, echo.received().get(echo.received().size() - 1));
        // a few more, of other sizes, one after the other
        for (int n : new int[] {1, 100, 1024}) {
            byte[] data = Peers.payload(n, n);
            u.send(data);
            assertArrayEquals(data, u.receive(WAIT).data(), "size " + n);
        }
    }

    @Test
    void pskRightAndWrong() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R5_02B);
                DtlsEchoServer echo = DtlsEchoServer.psk("sensor-1", KEY)) {
            psk(sim.modem, 1, KEY, "sensor-1");
            try (UdpSocket u = sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(1))) {
                // no clear datagrams from a secure socket
                assertThrows(IllegalStateException.class, () -> u.send("127.0.0.1", echo.port(), new byte[] {1}));
                u.connect("127.0.0.1", echo.port());
                echoes(u, echo);
                assertEquals("sensor-1", echo.clients().get(0).getName());
            }
            byte[] wrong = KEY.clone();
            wrong[0] ^= 1;
            psk(sim.modem, 2, wrong, "sensor-1");
            try (UdpSocket u = sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(2))) {
                ModuleSocketException e = assertThrows(ModuleSocketException.class,
                        () -> u.connect("127.0.0.1", echo.port()));
                assertTrue(e.getMessage().contains("DTLS handshake"), e.getMessage());
            }
            // the failed socket is gone and its TLS slot free: a good one still works afterwards
            try (UdpSocket u = sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(1))) {
                u.connect("127.0.0.1", echo.port());
                u.send("again".getBytes(StandardCharsets.US_ASCII));
                assertEquals("again", new String(u.receive(WAIT).data(), StandardCharsets.US_ASCII));
            }
        }
    }

    @Test
    void certificatesWithTheCaFromUsecmng() throws Exception {
        Issued ca = TestPki.ca("ucell dtls CA");
        Issued other = TestPki.ca("another CA");
        Issued server = TestPki.leaf(ca, "localhost", TestPki.ec(), List.of("localhost", "127.0.0.1"));
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R42_01B);
                DtlsEchoServer echo = DtlsEchoServer.certificate(server, null)) {
            importCa(sim.modem, "dtls-ca", ca);
            importCa(sim.modem, "other-ca", other);
            // level 3: trusted root, host name, dates
            set(sim.modem, AtCommand.set("+USECPRF").param(0).param(0).param(3).build());
            set(sim.modem, AtCommand.set("+USECPRF").param(0).param(3).param("dtls-ca").build());
            try (UdpSocket u = sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(0))) {
                u.connect("127.0.0.1", echo.port());
                echoes(u, echo);
            }
            set(sim.modem, AtCommand.set("+USECPRF").param(0).param(3).param("other-ca").build());
            try (UdpSocket u = sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(0))) {
                assertThrows(ModuleSocketException.class, () -> u.connect("127.0.0.1", echo.port()));
            }
        }
    }

    @Test
    void refusedBeforeAnyCommandWhereTheModuleHasNoDtls() throws Exception {
        try (SocketSim sim = new SocketSim(ModuleModel.SARA_R422)) {
            assertThrows(ModuleSocketException.class,
                    () -> sim.sockets.openUdp(0, SocketOptions.defaults().withSecurityProfile(0)));
            // the profile id range is checked by the options themselves
            assertThrows(IllegalArgumentException.class, () -> SocketOptions.defaults().withSecurityProfile(5));
            // no socket was created: all 7 are still free
            for (int i = 0; i < 7; i++) {
                sim.sockets.openUdp(0);
            }
        }
    }
}
