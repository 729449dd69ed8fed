package io.ucell.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.coap.client.CoapSettings;
import io.ucell.simulator.model.ModuleModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CoAP client through a simulated SARA-R5 02B against Californium servers on loopback. */
class CoapClientTest {
    private static CoapServers servers;
    private static CoapSim sim;

    @BeforeAll
    static void start() throws Exception {
        servers = new CoapServers(CoapServers.PSK_KEY);
        sim = new CoapSim(ModuleModel.SARA_R5_02B);
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        servers.close();
    }

    private static byte[] allByteValues() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 13 + i / 256);
        }
        return b;
    }

    @Test
    void everyMethodOverUdp() throws Exception {
        CoapResponse put = sim.coap.put(servers.udpUri("/echo"), "some_text".getBytes(StandardCharsets.US_ASCII));
        assertEquals("2.04", put.code());
        CoapResponse get = sim.coap.get(servers.udpUri("/echo?x=1"));
        assertEquals("2.05", get.code());
        assertEquals("some_text", new String(get.payload(), StandardCharsets.US_ASCII));
        CoapResponse post = sim.coap.post(servers.udpUri("/echo"), "posted".getBytes(StandardCharsets.US_ASCII));
        assertEquals("2.01", post.code());
        assertEquals("posted", new String(post.payload(), StandardCharsets.US_ASCII));
        CoapResponse delete = sim.coap.delete(servers.udpUri("/echo"));
        assertEquals("2.02", delete.code());
        assertEquals(0, delete.payload().length);
        assertEquals(0, servers.stored.length);
        assertTrue(servers.log.contains("GET x=1"), servers.log.toString());
    }

    @Test
    void nonConfirmableAndContentFormat() throws Exception {
        CoapOptions json = CoapOptions.defaults().withConfirmable(false).withContentFormat(CoapOptions.JSON);
        CoapResponse r = sim.coap.send(CoapRequest.post(servers.udpUri("/echo"), "{}".getBytes(StandardCharsets.US_ASCII))
                .withOptions(json));
        assertEquals("2.01", r.code());
        assertTrue(servers.log.contains("POST cf=50 n=2"), servers.log.toString());
        sim.coap.send(CoapRequest.post(servers.udpUri("/echo"), new byte[] {1}).withOptions(
                CoapOptions.defaults().withContentFormat(CoapOptions.NO_CONTENT_FORMAT)));
        assertTrue(servers.log.contains("POST cf=-1 n=1"), servers.log.toString());
    }

    @Test
    void binaryPayloadOfAll256ByteValues() throws Exception {
        byte[] all = allByteValues();
        sim.coap.put(servers.udpUri("/echo"), all);
        assertArrayEquals(all, servers.stored);
        assertArrayEquals(all, sim.coap.get(servers.udpUri("/echo")).payload());
        assertArrayEquals(all, sim.coap.post(servers.udpUri("/echo"), all).payload());
    }

    @Test
    void largePayloadsGoBlockwiseBothWays() throws Exception {
        byte[] big = pattern(2000); // 4 blocks of at most 512 bytes up; more than one message down
        assertEquals("2.04", sim.coap.put(servers.udpUri("/echo"), big).code());
        assertArrayEquals(big, servers.stored);
        assertTrue(servers.log.contains("PUT cf=0 n=2000"), servers.log.toString());
        assertArrayEquals(big, sim.coap.get(servers.udpUri("/echo")).payload());
        assertArrayEquals(servers.large, sim.coap.get(servers.udpUri("/large")).payload());
        byte[] exact = pattern(1024); // exactly two blocks
        sim.coap.put(servers.udpUri("/echo"), exact);
        assertArrayEquals(exact, servers.stored);
    }

    @Test
    void serverErrorsCarryTheirCode() {
        CoapServerException notFound = assertThrows(CoapServerException.class, () -> sim.coap.get(servers.udpUri("/missing")));
        assertEquals("4.04", notFound.code());
        CoapServerException failed = assertThrows(CoapServerException.class, () -> sim.coap.get(servers.udpUri("/fail")));
        assertEquals("5.00", failed.code());
        assertEquals("boom", new String(failed.response().payload(), StandardCharsets.US_ASCII));
        CoapServerException notAllowed = assertThrows(CoapServerException.class,
                () -> sim.coap.post(servers.udpUri("/large"), new byte[] {1}));
        assertEquals("4.05", notAllowed.code());
    }

    @Test
    void dtlsWithPreSharedKey() throws Exception {
        byte[] all = allByteValues();
        assertEquals("2.04", sim.coap.put(servers.dtlsUri("/echo"), all).code());
        assertArrayEquals(all, sim.coap.get(servers.dtlsUri("/echo")).payload());
        assertArrayEquals(servers.large, sim.coap.get(servers.dtlsUri("/large")).payload());
    }

    @Test
    void coapOverTcp() throws Exception {
        byte[] big = pattern(1500);
        assertEquals("2.04", sim.coap.put(servers.tcpUri("/echo"), big).code());
        assertArrayEquals(big, servers.stored);
        assertArrayEquals(big, sim.coap.get(servers.tcpUri("/echo")).payload());
        assertEquals("4.04", assertThrows(CoapServerException.class, () -> sim.coap.get(servers.tcpUri("/nope"))).code());
    }

    @Test
    void coapOverTls() throws Exception {
        byte[] all = allByteValues();
        assertEquals("2.04", sim.coap.put(servers.tlsUri("/echo"), all).code());
        assertArrayEquals(all, sim.coap.get(servers.tlsUri("/echo")).payload());
    }

    @Test
    void theLongestUriTheModuleTakes() {
        String label = "a".repeat(63);
        String host = String.join(".", label, label, label, "b".repeat(59)); // 251 characters
        sim.module.setDnsOverride(host, "127.0.0.1");
        String uri = "coap://" + host + ":" + servers.udp.getAddress().getPort() + "/" + "p".repeat(254) + "?q="
                + "v".repeat(252);
        assertTrue(uri.length() > 760 && uri.length() <= 783, "length " + uri.length());
        // every part reached the server as options: it looked the path up and answered 4.04
        CoapServerException e = assertThrows(CoapServerException.class, () -> sim.coap.get(uri));
        assertEquals("4.04", e.code());
    }

    @Test
    void invalidRequestsAreRefusedBeforeTheModule() {
        String host = "h".repeat(256);
        assertTrue(assertThrows(CoapException.class, () -> sim.coap.get("coap://" + host + "/"))
                .getMessage().contains("host"));
        String path = "/" + "p".repeat(255);
        assertTrue(assertThrows(CoapException.class, () -> sim.coap.get("coap://h" + path)).getMessage().contains("path"));
        String longUri = "coap://h/" + "a/".repeat(400);
        assertTrue(assertThrows(CoapException.class, () -> sim.coap.get(longUri)).getMessage().contains("783"));
        assertThrows(CoapException.class, () -> sim.coap.get("http://127.0.0.1/"));
        assertThrows(CoapException.class, () -> sim.coap.get("coap://127.0.0.1/a\"b"));
        assertThrows(IllegalArgumentException.class, () -> CoapOptions.defaults().withRai(3));
    }

    @Test
    void oneTransmissionAtATime() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<CoapResponse>> all = new ArrayList<>();
            all.add(pool.submit(() -> sim.coap.get(servers.udpUri("/slow"))));
            Thread.sleep(200);
            all.add(pool.submit(() -> sim.coap.get(servers.udpUri("/large"))));
            all.add(pool.submit(() -> sim.coap.post(servers.udpUri("/echo"), new byte[] {9})));
            assertEquals("late", new String(all.get(0).get().payload(), StandardCharsets.US_ASCII));
            assertArrayEquals(servers.large, all.get(1).get().payload());
            assertArrayEquals(new byte[] {9}, all.get(2).get().payload());

            // a caller that will not wait is told the client is busy
            try (io.ucell.coap.client.CoapClient impatient = new io.ucell.coap.client.CoapClient(sim.modem,
                    CoapSettings.defaults())) {
                Future<CoapResponse> slow = pool.submit(() -> impatient.get(servers.udpUri("/slow")));
                Thread.sleep(300);
                // the second client shares the module: the module itself refuses (+UCOAPER 15,10)
                CoapBusyException busy = assertThrows(CoapBusyException.class, () -> sim.coap.get(servers.udpUri("/echo")));
                assertTrue(busy.getMessage().contains("in progress"), busy.getMessage());
                assertEquals("late", new String(slow.get().payload(), StandardCharsets.US_ASCII));
                sim.coap.update(new CoapSettings(0, "", CoapOptions.defaults(), -1, 0, Duration.ofSeconds(10), Duration.ZERO));
                Future<CoapResponse> slow2 = pool.submit(() -> sim.coap.get(servers.udpUri("/slow")));
                Thread.sleep(300);
                assertThrows(CoapBusyException.class, () -> sim.coap.get(servers.udpUri("/echo")));
                slow2.get();
            } finally {
                sim.coap.update(CoapSettings.defaults());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void profileStoreAndRestore() throws Exception {
        String base = servers.udpUri("/echo");
        sim.coap.update(new CoapSettings(2, base, CoapOptions.defaults(), -1, 0, Duration.ofSeconds(10), Duration.ofSeconds(10)));
        try {
            sim.coap.storeProfile();
            List<String> list = sim.coap.listProfiles();
            assertTrue(list.contains("\"URI_STR\",\"" + base + "\""), list.toString());
            assertTrue(list.contains("\"PROFILE_NUM\",2"), list.toString());
            assertTrue(list.contains("INVALID PROFILE NUMBER 3"), list.toString());
            sim.coap.restoreProfile();
            assertEquals("1", sim.coap.currentProfile().get("STATUS_FLAG"));
            assertEquals(base, sim.coap.currentProfile().get("URI_STR"));
            // a relative URI resolves against the base
            servers.stored = "rel".getBytes(StandardCharsets.US_ASCII);
            assertEquals("rel", new String(sim.coap.get("echo").payload(), StandardCharsets.US_ASCII));
        } finally {
            sim.coap.update(CoapSettings.defaults());
        }
    }
}
