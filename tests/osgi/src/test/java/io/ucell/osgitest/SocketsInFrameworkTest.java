package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.net.SocketFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's sockets component in Felix: ModuleSockets configured through ConfigurationAdmin, its
 * SocketFactory making java.net.Sockets that run over the simulated module to an echo server on loopback.
 */
class SocketsInFrameworkTest {
    static OsgiRuntime runtime;
    static ServerSocket echo;

    @BeforeAll
    static void start() throws Exception {
        echo = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!echo.isClosed()) {
                try (Socket s = echo.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                    in.transferTo(out);
                } catch (Exception e) {
                    // next
                }
            }
        }, "echo");
        t.setDaemon(true);
        t.start();
        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("sockets.apn"));
        runtime.configure("io.ucell.sockets", Map.of("keepalive", true, "write.mode", "auto"));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.sockets.ModuleSockets") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
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
    void socketFactoryOfTheService() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object sockets = runtime.service("io.ucell.sockets.ModuleSockets");
        await().atMost(Duration.ofSeconds(10)).until(() -> (Boolean) call(call(sockets, "defaults"), "keepAlive"));
        SocketFactory f = (SocketFactory) call(sockets, "socketFactory");
        try (Socket s = f.createSocket("127.0.0.1", echo.getLocalPort())) {
            byte[] all = new byte[2000];
            for (int i = 0; i < all.length; i++) {
                all[i] = (byte) i;
            }
            s.getOutputStream().write(all);
            assertArrayEquals(all, s.getInputStream().readNBytes(all.length));
            assertEquals(true, s.getKeepAlive());
        }
    }
}
