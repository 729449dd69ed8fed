package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.testsupport.ppp.PppClient;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's PPP component in Felix: DialUpService configured through ConfigurationAdmin, a call on the
 * simulated SARA-R5 02B with the test PPP client on the link's streams, UDP to an echo server on loopback; a
 * configuration the module cannot take is refused and the previous one stays.
 */
class PppInFrameworkTest {
    static final String PID = "io.ucell.ppp";
    static final Duration T = Duration.ofSeconds(10);
    static OsgiRuntime runtime;
    static DatagramSocket echo;

    @BeforeAll
    static void start() throws Exception {
        echo = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread t = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!echo.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    echo.receive(p);
                    echo.send(new DatagramPacket(p.getData(), p.getLength(), p.getSocketAddress()));
                } catch (Exception e) {
                    return;
                }
            }
        }, "udp-echo");
        t.setDaemon(true);
        t.start();
        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("ppp.apn"));
        runtime.configure(PID, ppp(Map.of()));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.ppp.DialUpService") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
    }

    static Map<String, Object> ppp(Map<String, Object> more) {
        Map<String, Object> p = new HashMap<>();
        p.put("enabled", true);
        p.put("cid", 1);
        p.put("auth.type", "pap");
        p.put("user", "gateway");
        p.put("password", "gateway-secret");
        p.put("consumer", "none");
        p.putAll(more);
        return p;
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (echo != null) {
            echo.close();
        }
    }

    @Test
    void aCallThroughTheComponentAndARefusedConfiguration() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object dialUp = runtime.service("io.ucell.ppp.DialUpService");
        Object link = call(dialUp, "dial");
        assertEquals("ROUTER", String.valueOf(call(link, "mode")));
        assertEquals(Optional.of("192.168.201.1"), call(link, "expectedHostAddress"));
        PppClient ppp = PppClient.connect((InputStream) call(link, "input"), (OutputStream) call(link, "output"),
                "gateway", "gateway-secret", T);
        assertEquals(0xC023, ppp.authProtocol());
        assertEquals(InetAddress.getByName("192.168.201.1"), ppp.localAddress());
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ppp.sendUdp(40_100, InetAddress.getLoopbackAddress(), echo.getLocalPort(), data);
        PppClient.Datagram back = ppp.receiveUdp(T);
        assertNotNull(back);
        assertArrayEquals(data, back.data());
        call(link, "hangUp");
        ppp.close();
        assertFalse((Boolean) call(link, "isOpen"));

        // +UEMBPF does not exist on SARA-R5: refused, the PAP configuration stays in force
        runtime.configure(PID, ppp(Map.of("auth.type", "chap", "port.filter", "enabled", "port.filter.range", "6000-6050")));
        Thread.sleep(1_000);
        Object again = call(dialUp, "dial");
        PppClient ppp2 = PppClient.connect((InputStream) call(again, "input"), (OutputStream) call(again, "output"),
                "gateway", "gateway-secret", T);
        assertEquals(0xC023, ppp2.authProtocol(), "still PAP: the refused configuration changed nothing");
        ppp2.terminate(T);
        assertEquals("Optional[NO_CARRIER]", String.valueOf(call(again, "awaitEnd", T)), "LCP Terminate: NO CARRIER");

        // disabled: dial refuses with the reason
        runtime.configure(PID, ppp(Map.of("enabled", false)));
        await().atMost(T).until(() -> {
            try {
                call(dialUp, "dial");
                return false;
            } catch (IllegalStateException e) {
                return e.getCause().getMessage().contains("disabled");
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(dialUp, "dial"));
        assertEquals("io.ucell.ppp.PppException", e.getCause().getClass().getName());
        assertTrue(e.getCause().getMessage().contains("enabled"), e.getCause().getMessage());
    }
}
