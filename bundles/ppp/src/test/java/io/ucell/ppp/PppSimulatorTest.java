package io.ucell.ppp;

import io.ucell.testsupport.UdpEchoServer;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.transport.SerialSettings;
import io.ucell.at.transport.Transport;
import io.ucell.at.transport.Transports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import io.ucell.at.FinalResult;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.ppp.PppClient;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Dial-up end to end: the simulated module's PPP server, the modem service on it, {@link DialUpClient}, and the test
 * PPP client (io.ucell.testsupport.ppp) negotiating over the {@link PppLink}'s streams, with UDP to a real echo
 * server on loopback.
 */
class PppSimulatorTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String USER = "ppp-user";
    static final String PASSWORD = "ppp-secret";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    /** A fast simulated module on TCP and the modem service on it (health check every 300 ms), up to DATA_ACTIVE. */
    static final class Sim implements AutoCloseable {
        final SimulatedModule module;
        final SimulatorTcpServer server;
        final ModemController modem;
        final List<ModemStatus> statuses = new CopyOnWriteArrayList<>();
        /** Every byte the engine wrote to the module: AT commands and, during a call, PPP frames. */
        final ByteArrayOutputStream written = new ByteArrayOutputStream();

        Sim(ModuleModel model) throws Exception {
            module = new SimulatedModule(SimulatorConfig.builder().model(model).baud(921600).bootTime(Duration.ofMillis(300))
                    .processingDelay(Duration.ofMillis(1)).registrationDelay(Duration.ofMillis(200)).build());
            server = SimulatorTcpServer.start(module, 0);
            module.awaitReady(Duration.ofSeconds(10));
            modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), 921600, false, "apn_name",
                    PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofMillis(200),
                    Duration.ofSeconds(1), 3, 6, Duration.ofMillis(300)), st -> new AtEngine(recording(Transports.create(
                            st.endpoint(), SerialSettings.of(st.endpoint(), st.baudRate(), false))), AtEngineOptions.defaults()));
            modem.addListener((prev, cur) -> statuses.add(cur));
            modem.start();
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                    .until(() -> modem.status().state() == ModemState.DATA_ACTIVE);
        }

        private Transport recording(Transport t) {
            return new Transport() {
                @Override
                public void open() throws IOException {
                    t.open();
                }

                @Override
                public boolean isOpen() {
                    return t.isOpen();
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    return t.read(buf, off, len);
                }

                @Override
                public void write(byte[] buf, int off, int len) throws IOException {
                    synchronized (written) {
                        written.write(buf, off, len);
                    }
                    t.write(buf, off, len);
                }

                @Override
                public void close() {
                    t.close();
                }

                @Override
                public String describe() {
                    return t.describe();
                }
            };
        }

        /** How often the engine has sent {@code command} so far. */
        int sent(String command) {
            String all;
            synchronized (written) {
                all = written.toString(StandardCharsets.ISO_8859_1);
            }
            int n = 0;
            for (int i = all.indexOf(command + "\r"); i >= 0; i = all.indexOf(command + "\r", i + 1)) {
                n++;
            }
            return n;
        }

        DialUpClient client(PppSettings s) {
            return new DialUpClient(modem, s);
        }

        @Override
        public void close() throws Exception {
            modem.close();
            server.close();
            module.close();
        }
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    static void echo(PppClient ppp, UdpEchoServer server, int port, byte[] data) throws Exception {
        ppp.sendUdp(port, LOOPBACK, server.port(), data);
        PppClient.Datagram r = ppp.receiveUdp(T);
        assertNotNull(r, "UDP echo through the link");
        assertArrayEquals(data, r.data());
        assertEquals(port, r.destinationPort());
    }

    /** The AT port answers again: the call is over and the module in command mode. */
    static void answers(Sim sim) {
        assertEquals(FinalResult.Kind.OK, sim.modem.at().execute(AtCommand.basic("").build()).result().kind());
    }

    @Test
    void routerModeOnSaraR502bWithPapUdpEchoAndLcpTerminate() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.PAP, USER, PASSWORD, false, null));
            PppLink link = client.dial();
            assertEquals(PppMode.ROUTER, link.mode());
            assertEquals(Optional.of("192.168.201.1"), link.expectedHostAddress());
            PppClient ppp = PppClient.connect(link.input(), link.output(), USER, PASSWORD, T);
            assertEquals(0xC023, ppp.authProtocol(), "PAP as configured");
            assertEquals(InetAddress.getByName(link.expectedHostAddress().get()), ppp.localAddress());
            assertEquals(InetAddress.getByName(link.expectedModuleAddress().get()), ppp.peerAddress());
            echo(ppp, server, 40_000, allBytes());

            // the health check (every 300 ms, it reads +CEREG?) asks nothing while the link holds the AT port
            int checks = sim.sent("AT+CEREG?");
            int before = sim.statuses.size();
            Thread.sleep(2_000);
            assertTrue(link.isOpen());
            assertEquals(checks, sim.sent("AT+CEREG?"), "no health check during the call");
            assertEquals(ModemState.DATA_ACTIVE, sim.modem.status().state());
            assertTrue(sim.statuses.subList(before, sim.statuses.size()).stream()
                    .allMatch(s -> s.state() == ModemState.DATA_ACTIVE), sim.statuses.toString());
            echo(ppp, server, 40_001, allBytes());

            // the DTE ends PPP: Terminate-Request, Terminate-Ack, NO CARRIER from the module
            ppp.terminate(T);
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(T));
            assertEquals(0, ppp.badFrames());
            answers(sim);
            // the health check resumes after the call
            await().atMost(T).until(() -> sim.sent("AT+CEREG?") > checks);
            assertEquals(ModemState.DATA_ACTIVE, sim.modem.status().state());
        }
    }

    @Test
    void hangUpFromTheAtSideInOnlineCommandMode() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.CHAP, USER, PASSWORD, true, null));
            PppLink link = client.dial();
            PppClient ppp = PppClient.connect(link.input(), link.output(), USER, PASSWORD, T);
            assertEquals(0xC223, ppp.authProtocol(), "CHAP as configured");
            echo(ppp, server, 40_002, new byte[] {0x7E, 0x7D, 0x11, 0x13, 0});
            // full-cone NAT (+UPORTFWD=100,1 before the dial): a stranger reaches the DTE through the public port
            try (DatagramSocket stranger = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                byte[] hello = "unsolicited".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                stranger.send(new DatagramPacket(hello, hello.length, server.lastSender()));
                PppClient.Datagram r = ppp.receiveUdp(T);
                assertNotNull(r, "full-cone NAT lets the stranger in");
                assertEquals(stranger.getLocalPort(), r.sourcePort());
            }
            // +++ -> OK (online command mode) -> ATH -> OK
            link.hangUp();
            assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(T));
            ppp.close();
            assertEquals(FinalResult.Kind.NO_CARRIER, sim.modem.at().execute(AtCommand.basic("O").build()).result().kind(),
                    "ATO: nothing left to resume");
            // and the next call works
            PppLink again = client.dial();
            PppClient ppp2 = PppClient.connect(again.input(), again.output(), USER, PASSWORD, T);
            echo(ppp2, server, 40_003, allBytes());
            ppp2.terminate(T);
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), again.awaitEnd(T));
        }
    }

    @Test
    void bridgeModeOnSaraR42WithHangUpAfterCvhu() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R42_01B); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.NONE, "", "", false, null));
            PppLink link = client.dial();
            assertEquals(PppMode.BRIDGE, link.mode());
            assertEquals(Optional.empty(), link.expectedModuleAddress());
            PppClient ppp = PppClient.connect(link.input(), link.output(), "", "", T);
            assertEquals(0, ppp.authProtocol());
            assertTrue(link.expectedHostAddress().isPresent(), "the default bearer's address, read before the dial");
            assertEquals(InetAddress.getByName(link.expectedHostAddress().get()), ppp.localAddress(),
                    "bridge mode: the DTE gets the context's network address");
            echo(ppp, server, 40_004, allBytes());
            link.hangUp(); // +++, OK, ATH: works because the dial set +CVHU=0 (4.2)
            assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(T));
            ppp.close();
            assertEquals(FinalResult.Kind.NO_CARRIER, sim.modem.at().execute(AtCommand.basic("O").build()).result().kind(),
                    "ATH ended the call");
            // ATH may take the context down with the call (4.2); the modem service has its context up again
            await().atMost(T).until(() -> sim.modem.status().state() == ModemState.DATA_ACTIVE
                    && !sim.modem.status().ipv4().isEmpty());
        }
    }

    @Test
    void lexiR520OnASecondContextActivatedByTheDial() throws Exception {
        try (Sim sim = new Sim(ModuleModel.LEXI_R520); UdpEchoServer server = new UdpEchoServer()) {
            sim.modem.at().executeOk(AtCommand.set("+CGDCONT").param(2).param("IP").param("apn2").build());
            DialUpClient client = sim.client(new PppSettings(2, PppAuthType.AUTO, "dummy", "dummy", true, null));
            PppLink link = client.dial();
            assertEquals(Optional.of("192.168.202.1"), link.expectedHostAddress());
            PppClient ppp = PppClient.connect(link.input(), link.output(), "dummy", "dummy", T);
            assertEquals(0xC223, ppp.authProtocol(), "automatic: the module asks for CHAP");
            assertEquals(InetAddress.getByName("192.168.202.1"), ppp.localAddress());
            assertEquals(InetAddress.getByName("192.168.202.2"), ppp.peerAddress());
            echo(ppp, server, 40_007, allBytes());
            ppp.terminate(T);
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(T));
            // the modem service's own context (cid 1) was never touched
            assertEquals(ModemState.DATA_ACTIVE, sim.modem.status().state());
        }
    }

    @Test
    void lexiR422InBridgeMode() throws Exception {
        try (Sim sim = new Sim(ModuleModel.LEXI_R422); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.PAP, USER, PASSWORD, false, null));
            PppLink link = client.dial();
            PppClient ppp = PppClient.connect(link.input(), link.output(), USER, PASSWORD, T);
            assertEquals(0xC023, ppp.authProtocol());
            echo(ppp, server, 40_005, allBytes());
            ppp.terminate(T);
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(T));
        }
    }

    @Test
    void saraR5RefusesADialWithoutUauthreqAndTheClientSaysWhy() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R5_02B)) {
            // the configuration check stops it before the module sees anything
            DialUpClient noCredentials = sim.client(new PppSettings(1, PppAuthType.NONE, "", "", false, null));
            PppException refused = assertThrows(PppException.class, noCredentials::dial);
            assertTrue(refused.getMessage().contains("before anything reached the module"), refused.getMessage());
            assertTrue(refused.getMessage().contains("+UAUTHREQ"), refused.getMessage());
            // a module set up without +UAUTHREQ answers the dial with NO CARRIER: a clear exception
            PppDialRefusedException e = assertThrows(PppDialRefusedException.class, noCredentials::dialWithoutPreparation);
            assertEquals("NO CARRIER", e.moduleAnswer());
            assertTrue(e.getMessage().contains("SARA-R5 02B dials only after +UAUTHREQ"), e.getMessage());
            assertFalse(sim.modem.at().isInDataMode());
            answers(sim);
            // SARA-R5 00B has no full-cone NAT: refused by the check, never sent
        }
        try (Sim sim = new Sim(ModuleModel.SARA_R5_00B)) {
            PppException e = assertThrows(PppException.class,
                    () -> sim.client(new PppSettings(1, PppAuthType.PAP, USER, PASSWORD, true, null)).dial());
            assertTrue(e.getMessage().contains("full-cone NAT"), e.getMessage());
        }
    }

    @Test
    void portFilterIsAppliedWithOneRebootOnSaraR42() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R42_01B); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.NONE, "", "", false,
                    PortFilter.of(true, "6000-6050")));
            assertEquals(PortFilter.of(true, "9999-19999"), client.storedPortFilter(), "the factory value of 01B");
            assertTrue(client.applyPortFilter(), "written, module rebooted");
            assertEquals(ModemState.DATA_ACTIVE, sim.modem.status().state());
            assertTrue(sim.statuses.stream().anyMatch(s -> s.state() == ModemState.INITIALIZING), "the modem service re-initialised it");
            assertEquals(PortFilter.of(true, "6000-6050"), client.storedPortFilter());
            assertFalse(client.applyPortFilter(), "already so: no reboot");
            // the dial after it works, and the DTE's ports outside the range still get their answers
            PppLink link = client.dial();
            PppClient ppp = PppClient.connect(link.input(), link.output(), "", "", T);
            echo(ppp, server, 40_006, allBytes());
            ppp.terminate(T);
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(T));
        }
    }
}
