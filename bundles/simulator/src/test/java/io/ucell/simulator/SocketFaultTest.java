package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.info;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sockets live only while the internal context does (contract; spec 5 needs an active PS data connection). */
class SocketFaultTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(3);

    @Test
    void contextDeactivationClosesEverySocket() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            s.ok("AT+USOCR=17");
            try (Socket peer = server.accept()) {
                s.module.deactivateContext(1);
                String a = s.at.awaitUrc("+UUSOCL", URC_WAIT);
                String b = s.at.awaitUrc("+UUSOCL", URC_WAIT);
                assertEquals(List.of("+UUSOCL: 0", "+UUSOCL: 1"), List.of(a, b));
                assertPeerSeesTheEnd(peer);
            }
            s.error("AT+USOCTL=0,0");
            s.error("AT+USOCR=6"); // no sockets without the context
        }
    }

    @Test
    void radioOffAndLostRegistrationCloseSockets() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B)) {
            s.ok("AT+USOCR=17");
            s.ok("AT+CFUN=0");
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
        }
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B)) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCR=6");
            s.module.loseRegistration();
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
            assertEquals("+UUSOCL: 1", s.at.awaitUrc("+UUSOCL", URC_WAIT));
        }
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_01B)) {
            s.ok("AT+USOCR=6");
            s.ok("AT+UPSDA=0,4"); // the PSD profile the internal stack uses goes down
            assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
        }
    }

    @Test
    void rebootDropsSocketsSilently() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                s.module.reboot();
                assertPeerSeesTheEnd(peer);
            }
            s.awaitAnswering();
            s.ok("ATE0");
            s.awaitRegistered();
            assertFalse(s.at.all().contains("+UUSOCL"), "a reboot sends no +UUSOCL");
            assertEquals(List.of("+USOCR: 0"), info(s.ok("AT+USOCR=6")), "the table starts empty");
        }
    }

    @Test
    void consoleClosesASocketFromTheRemoteSide() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.ok("AT+USOCR=6");
            s.ok("AT+USOCO=0,\"127.0.0.1\"," + server.getLocalPort());
            try (Socket peer = server.accept()) {
                ControlConsole console = new ControlConsole(s.module);
                assertTrue(console.execute("status").contains("socket 0 TCP state 4"), console.execute("status"));
                assertEquals("OK", console.execute("remote-close 0"));
                assertEquals("+UUSOCL: 0", s.at.awaitUrc("+UUSOCL", URC_WAIT));
                assertTrue(console.execute("remote-close 0").startsWith("no connected TCP socket"));
                assertPeerSeesTheEnd(peer);
            }
        }
    }

    private static void assertPeerSeesTheEnd(Socket peer) throws IOException {
        peer.setSoTimeout(3000);
        InputStream in = peer.getInputStream();
        try {
            assertEquals(-1, in.read());
        } catch (java.net.SocketException reset) {
            // a reset is an end too
        }
    }
}
