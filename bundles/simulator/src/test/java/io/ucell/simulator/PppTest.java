package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.ppp.ModemLine;
import io.ucell.testsupport.ppp.PppClient;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** PPP dial-up (section 4) with the test PPP client over the simulator's TCP port. */
class PppTest {
    static final Duration T = Duration.ofSeconds(10);
    static final String USER = "ppp-user";
    static final String PASSWORD = "ppp-secret";

    /** The DTE: a module on a TCP port, one raw connection carrying AT commands and then PPP. */
    static final class Dte implements AutoCloseable {
        final SimulatedModule module;
        final SimulatorTcpServer server;
        final Socket socket;
        final ModemLine line;

        Dte(ModuleModel model) throws Exception {
            module = new SimulatedModule(Sim.fast(model).build());
            server = SimulatorTcpServer.start(module, 0);
            socket = new Socket("127.0.0.1", server.port());
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(100);
            line = new ModemLine(socket.getInputStream(), socket.getOutputStream());
            assertTrue(module.awaitReady(Duration.ofSeconds(5)), "boot");
            ok("ATE0");
            awaitRegistered();
        }

        String at(String cmd) {
            return line.command(cmd, T);
        }

        String fin(String cmd) {
            return ModemLine.finalCode(at(cmd));
        }

        String ok(String cmd) {
            String r = at(cmd);
            assertEquals("OK", ModemLine.finalCode(r), cmd + " -> " + r);
            return r;
        }

        void awaitRegistered() throws Exception {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (System.nanoTime() < deadline) {
                if (at("AT+CEREG?").contains("+CEREG: 0,1")) {
                    return;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("not registered");
        }

        /** Dials and negotiates; the PPP client is open when this returns. */
        PppClient dial(String dial, String user, String password) throws Exception {
            assertEquals("CONNECT", fin(dial));
            return PppClient.connect(line.in(), line.out(), user, password, T);
        }

        @Override
        public void close() throws Exception {
            socket.close();
            server.close();
        }
    }

    @Test
    void routerModeOnSaraR502bNeedsUauthreqAndGivesThePrivateAddresses() throws Exception {
        try (Dte d = new Dte(ModuleModel.SARA_R5_02B)) {
            assertEquals("NO CARRIER", d.fin("ATD*99***1#"), "4.1: +UAUTHREQ is mandatory on SARA-R5 02B");
            d.ok("AT+UAUTHREQ=1,1,\"" + USER + "\",\"" + PASSWORD + "\"");
            String read = d.ok("AT+UAUTHREQ?");
            assertTrue(read.contains("+UAUTHREQ: 1,1,\"" + USER + "\""), read);
            assertFalse(read.contains(PASSWORD), "the password is never shown");
            PppClient ppp = d.dial("ATD*99***1#", USER, PASSWORD);
            assertEquals(0xC023, ppp.authProtocol(), "PAP as +UAUTHREQ asked");
            assertEquals(InetAddress.getByName("192.168.201.1"), ppp.localAddress());
            assertEquals(InetAddress.getByName("192.168.201.2"), ppp.peerAddress());
            assertEquals(InetAddress.getByName("10.11.12.13"), ppp.primaryDns());
            assertEquals(InetAddress.getByName("10.11.12.14"), ppp.secondaryDns());
            assertTrue(ppp.lcpEcho(T), "LCP Echo-Reply");
            assertTrue(ppp.terminate(T), "Terminate-Ack and NO CARRIER");
            assertEquals(0, ppp.badFrames());
            d.ok("AT");
        }
    }
}
