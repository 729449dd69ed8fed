package io.ucell.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.http.client.HttpSettings;
import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Per-model availability (section 10: not SARA-R422; A.1.1 linger; 10.1 PDP mapping) and concurrent callers. */
class HttpModelsTest {
    private static HttpServers servers;

    @BeforeAll
    static void start() throws Exception {
        servers = new HttpServers();
    }

    @AfterAll
    static void stop() throws Exception {
        servers.close();
    }

    @Test
    void saraR422HasNoHttp() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R422)) {
            HttpException e = assertThrows(HttpException.class, () -> sim.http.get(servers.url("/echo")));
            assertTrue(e.getMessage().contains("no HTTP client"), e.getMessage());
            // and the module agrees
            assertEquals("ERROR", sim.at("AT+UHTTP=0").result().line());
        }
    }

    @Test
    void saraR5_00bHasNoLingerNorPdpMapping() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R5_00B)) {
            sim.http.update(HttpSettings.defaults().withTimeout(Duration.ofSeconds(30), 10));
            HttpException e = assertThrows(HttpException.class, () -> sim.http.get(servers.url("/echo")));
            assertTrue(e.getMessage().contains("linger"), e.getMessage());
            sim.http.update(HttpSettings.defaults().withPdp(1, 0));
            e = assertThrows(HttpException.class, () -> sim.http.get(servers.url("/echo")));
            assertTrue(e.getMessage().contains("PDP context"), e.getMessage());
            // the module refuses both too
            assertTrue(!sim.at("AT+UHTTP=0,7,30,10").isOk());
            assertTrue(!sim.at("AT+UHTTP=0,20,1,0").isOk());
            sim.http.update(HttpSettings.defaults());
            assertEquals(200, sim.http.get(servers.url("/echo")).statusCode());
        }
    }

    @Test
    void saraR5_02bWithLingerAndPdpMapping() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R5_02B,
                HttpSettings.defaults().withTimeout(Duration.ofSeconds(30), 0).withPdp(1, 0).withProfile(1))) {
            assertArrayEquals(new byte[] {7}, sim.http.post(servers.url("/echo"), new byte[] {7}, HttpRequest.OCTET_STREAM).body());
            assertEquals("+UHTTP: 1,7,30,0", sim.at("AT+UHTTP=1,7").firstText());
            assertEquals("+UHTTP: 1,20,1,0", sim.at("AT+UHTTP=1,20").firstText());
            // a context that is not active: the PS data connection is missing (+UHTTPER 3,22)
            sim.http.update(HttpSettings.defaults().withPdp(5, 0).withProfile(1));
            HttpException e = assertThrows(HttpException.class, () -> sim.http.get(servers.url("/echo")));
            assertEquals(3, e.errorClass());
            assertEquals(22, e.errorCode());
        }
    }

    @Test
    void aModuleRestartDuringARequestFailsItAtOnce() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R5_02B, HttpSettings.defaults(), Duration.ofMillis(500))) {
            long start = System.nanoTime();
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<HttpResponse> slow = pool.submit(() -> sim.http.get(servers.url("/slow?ms=8000")));
                org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                        .until(() -> servers.log.stream().anyMatch(l -> l.startsWith("GET /slow")));
                sim.module.reboot();
                java.util.concurrent.ExecutionException e = assertThrows(java.util.concurrent.ExecutionException.class,
                        () -> slow.get(30, java.util.concurrent.TimeUnit.SECONDS));
                assertTrue(e.getCause() instanceof HttpException, String.valueOf(e.getCause()));
                assertTrue(e.getCause().getMessage().contains("lost"), e.getCause().getMessage());
                assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 8, "failed before the server answered");
            } finally {
                pool.shutdownNow();
            }
            // once the modem service has the module back, requests work again
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> sim.modem.status().state() == io.ucell.modem.ModemState.DATA_ACTIVE);
            assertEquals(200, sim.http.get(servers.url("/echo")).statusCode());
        }
    }

    @Test
    void saraR42DoesHttpAndCallersQueue() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R42_01B)) {
            ExecutorService pool = Executors.newFixedThreadPool(3);
            try {
                List<Future<HttpResponse>> results = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    byte[] body = HttpServers.pattern(1000 + i);
                    results.add(pool.submit(() -> sim.http.post(servers.url("/echo"), body, HttpRequest.OCTET_STREAM)));
                }
                for (int i = 0; i < 3; i++) {
                    assertArrayEquals(HttpServers.pattern(1000 + i), results.get(i).get().body());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
