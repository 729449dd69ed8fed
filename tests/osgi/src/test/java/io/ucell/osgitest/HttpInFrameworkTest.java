package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's HTTP component in Felix: the modem service on the simulated module (whose HTTP client runs
 * on the JDK's HttpClient), the HttpService configured through ConfigurationAdmin, against the JDK's HttpServer
 * on loopback.
 */
class HttpInFrameworkTest {
    static OsgiRuntime runtime;
    static HttpServer server;
    static volatile byte[] stored;

    @BeforeAll
    static void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/store", x -> {
            if (x.getRequestMethod().equals("PUT")) {
                stored = x.getRequestBody().readAllBytes();
                x.sendResponseHeaders(201, -1);
            } else if (stored == null) {
                x.sendResponseHeaders(404, -1);
            } else {
                x.sendResponseHeaders(200, stored.length);
                x.getResponseBody().write(stored);
            }
            x.close();
        });
        server.start();

        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("http.apn"));
        runtime.configure("io.ucell.http", Map.of("server", "http://127.0.0.1:" + server.getAddress().getPort(),
                "profile", 1, "timeout", 30));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.http.HttpService") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void requestsThroughTheComponent() {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object http = runtime.service("io.ucell.http.HttpService");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(http, "get", "/store"));
        assertEquals("io.ucell.http.HttpServerException", e.getCause().getClass().getName());
        assertEquals(404, call(e.getCause(), "statusCode"));
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        // relative to the configured server
        Object put = call(http, "put", "/store", all, "application/octet-stream");
        assertEquals(201, call(put, "statusCode"));
        assertArrayEquals(all, stored);
        Object get = call(http, "get", "http://127.0.0.1:" + server.getAddress().getPort() + "/store");
        assertEquals(200, call(get, "statusCode"));
        assertArrayEquals(all, (byte[]) call(get, "body"));
    }
}
