package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's CoAP component in Felix: the modem service on the simulated module (whose CoAP client
 * runs on the Californium bundles of the runtime), the CoapService configured through ConfigurationAdmin,
 * against a Californium server on loopback.
 */
class CoapInFrameworkTest {
    static OsgiRuntime runtime;
    static CoapServer server;
    static int coapPort;
    static volatile byte[] stored = new byte[0];

    @BeforeAll
    static void start() throws Exception {
        CoapConfig.register();
        UdpConfig.register();
        Configuration cfg = Configuration.createStandardWithoutFile();
        server = new CoapServer(cfg);
        CoapEndpoint udp = new CoapEndpoint.Builder().setConfiguration(cfg)
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        server.addEndpoint(udp);
        server.add(new CoapResource("store") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.CONTENT, stored);
            }

            @Override
            public void handlePUT(CoapExchange ex) {
                stored = ex.getRequestPayload();
                ex.respond(ResponseCode.CHANGED);
            }
        });
        server.start();
        coapPort = udp.getAddress().getPort();

        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("coap.apn"));
        runtime.configure("io.ucell.coap", Map.of("uri", "coap://127.0.0.1:" + coapPort + "/", "content.format", 42));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.coap.CoapService") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.destroy();
        }
    }

    @Test
    void requestsThroughTheComponent() {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object coap = runtime.service("io.ucell.coap.CoapService");
        byte[] all = new byte[1300];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        // relative to the configured base URI; 1300 bytes go up in three blocks
        Object put = call(coap, "put", "store", all);
        assertEquals("2.04", call(put, "code"));
        assertArrayEquals(all, stored);
        Object get = call(coap, "get", "coap://127.0.0.1:" + coapPort + "/store");
        assertEquals("2.05", call(get, "code"));
        assertArrayEquals(all, (byte[]) call(get, "payload"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(coap, "get", "missing"));
        assertEquals("io.ucell.coap.CoapServerException", e.getCause().getClass().getName());
        assertEquals("4.04", call(e.getCause(), "code"));
    }
}
