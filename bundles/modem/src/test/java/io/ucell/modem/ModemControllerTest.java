package io.ucell.modem;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.ucell.modem.bringup.BringUp;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.model.ModuleModel;

class ModemControllerTest {

    @TempDir
    Path dir;

    private static void awaitState(ModemController c, ModemState s, int seconds) {
        await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50))
                .untilAsserted(() -> assertEquals(s, c.status().state(), () -> c.status().toString()));
    }

    @ParameterizedTest
    @EnumSource(ModuleModel.class)
    void everyModelReachesDataActive(ModuleModel model) throws Exception {
        try (ModemSim sim = new ModemSim(model, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            ModemStatus s = c.status();
            assertTrue(s.ipv4().matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), s.toString());
            String expectedFamily = switch (model) {
                case LEXI_R520 -> "LEXI-R520";
                case LEXI_R422 -> "LEXI-R422";
                case SARA_R422 -> "SARA-R422";
                case SARA_R42_00B, SARA_R42_01B -> "SARA-R42";
                default -> "SARA-R5";
            };
            assertEquals(expectedFamily, s.family());
            assertEquals(model.name().endsWith("00B") ? "00B" : model.name().endsWith("01B") ? "01B"
                    : model == ModuleModel.SARA_R5_02B || model == ModuleModel.LEXI_R520 ? "02B" : "01B", s.productVersion());
            assertEquals("u-blox", c.identity().manufacturer());
            assertEquals(15, c.identity().imei().length());
            assertEquals("apn_name", s.activeContext().orElseThrow().apn());
            boolean r5old = model == ModuleModel.SARA_R5_00B || model == ModuleModel.SARA_R5_01B;
            boolean r42 = c.capabilities().family().series() == io.ucell.modem.capability.ModuleFamily.Series.R42;
            assertEquals(r5old, sim.count("AT+UPSDA=0,3") > 0, sim.sent.toString());
            assertEquals(r42, sim.count("AT+CGACT=1,1") > 0, sim.sent.toString());
            if (!r5old && !r42) {
                assertEquals(0, sim.count("AT+UPSD"), sim.sent.toString());
            }
            assertEquals(0, sim.count("AT+UMNOPROF=") - sim.count("AT+UMNOPROF=?"), "MNO profile left alone");
        }
    }

    @Test
    void mnoProfileChangedOnlyWhenItDiffers() throws Exception {
        Path nvm = dir.resolve("nvm.properties");
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_01B, nvm)) {
            ModemSettings s = sim.settings();
            s = new ModemSettings(s.endpoint(), s.baudRate(), false, s.apn(), s.pdpType(), 1, 100, "", "", "auto",
                    s.registrationTimeout(), s.syncTimeout(), s.backoffBase(), s.backoffCap(), 3, 6, s.healthCheckInterval());
            ModemController c = sim.start(s);
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            assertEquals(1, sim.count("AT+UMNOPROF=100"), sim.sent.toString());
            assertEquals(1, sim.count("AT+CFUN=16"));
            int i = sim.sent.indexOf("AT+UMNOPROF=100");
            assertEquals("AT+CFUN=0", sim.sent.get(i - 1));
            assertEquals("AT+CFUN=16", sim.sent.get(i + 1));
            assertEquals("100", sim.module.nvm().get("umnoprof"));
            // the same again: read, no change, no reboot
            sim.sent.clear();
            c.restart();
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.count("AT+UMNOPROF?") > 0
                    && c.status().state() == ModemState.DATA_ACTIVE);
            assertEquals(0, sim.count("AT+UMNOPROF=100"));
            assertEquals(0, sim.count("AT+CFUN=16"));
        }
    }

    @Test
    void invalidConfigurationIsRefusedAndThePreviousStays() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R42_01B, dir.resolve("nvm.properties"))) {
            ModemSettings good = sim.settings();
            ModemController c = sim.start(good);
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            sim.sent.clear();
            ModemSettings badApn = new ModemSettings(good.endpoint(), good.baudRate(), false, "evil\"\r\nAT+CFUN=0", PdpType.IP,
                    1, -1, "", "", "auto", good.registrationTimeout(), good.syncTimeout(), good.backoffBase(), good.backoffCap(),
                    3, 6, good.healthCheckInterval());
            assertFalse(c.update(badApn).isEmpty());
            assertTrue(c.status().configError().contains("APN"), c.status().configError());
            ModemSettings badCid = new ModemSettings(good.endpoint(), good.baudRate(), false, "apn_name", PdpType.IP, 9, -1, "",
                    "", "auto", good.registrationTimeout(), good.syncTimeout(), good.backoffBase(), good.backoffCap(), 3, 6,
                    good.healthCheckInterval());
            assertFalse(c.update(badCid).isEmpty(), "cid 9 on SARA-R42");
            assertTrue(c.status().configError().contains("cid 9"), c.status().configError());
            ModemSettings badMno = new ModemSettings(good.endpoint(), good.baudRate(), false, "apn_name", PdpType.IP, 1, 77, "",
                    "", "auto", good.registrationTimeout(), good.syncTimeout(), good.backoffBase(), good.backoffCap(), 3, 6,
                    good.healthCheckInterval());
            assertFalse(c.update(badMno).isEmpty(), "MNO profile 77");
            assertTrue(c.status().configError().contains("MNO profile 77"), c.status().configError());
            assertEquals(good, c.settings());
            assertEquals(ModemState.DATA_ACTIVE, c.status().state());
            assertTrue(sim.sent.stream().noneMatch(x -> x.contains("evil") || x.startsWith("AT+CGDCONT=9")
                    || x.startsWith("AT+UMNOPROF=77")), sim.sent.toString());
            // a valid change is applied and clears the error
            ModemSettings other = new ModemSettings(good.endpoint(), good.baudRate(), false, "other_apn", PdpType.IP, 1, -1, "",
                    "", "auto", good.registrationTimeout(), good.syncTimeout(), good.backoffBase(), good.backoffCap(), 3, 6,
                    good.healthCheckInterval());
            assertEquals(List.of(), c.update(other));
            await().atMost(Duration.ofSeconds(15)).until(() -> c.status().state() == ModemState.DATA_ACTIVE
                    && c.status().activeContext().map(x -> x.apn().equals("other_apn")).orElse(false));
            assertEquals("", c.status().configError());
        }
    }

    @Test
    void aModuleWithoutCgerepIsStillBroughtUpAndSupervised() throws Exception {
        // the app note never names +CGEREP: a module that refuses it must still reach DATA_ACTIVE, and a reboot is
        // still noticed from the +CEREG mode alone
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            sim.module.commands().register("+CGEREP", (cmd, m) -> io.ucell.simulator.commands.Response.error());
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            assertTrue(sim.count("AT+CGEREP=1") > 0);
            sim.module.commands().register("+CGEREP", (cmd, m) -> io.ucell.simulator.commands.Response.error());
            sim.module.reboot();
            await().atMost(Duration.ofSeconds(10)).until(() -> c.status().state() != ModemState.DATA_ACTIVE);
            awaitState(c, ModemState.DATA_ACTIVE, 30);
        }
    }

    @Test
    void rebootDuringBringUpRecovers() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_01B, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(5))
                    .until(() -> sim.count("AT+CFUN=1") > 0);
            sim.module.reboot();
            awaitState(c, ModemState.DATA_ACTIVE, 30);
            // and in steady state: the health check notices the lost settings
            sim.module.reboot();
            await().atMost(Duration.ofSeconds(10)).until(() -> c.status().state() != ModemState.DATA_ACTIVE);
            awaitState(c, ModemState.DATA_ACTIVE, 30);
            assertTrue(sim.count("AT+CEREG=2") >= 3);
        }
    }

    /**
     * A reboot that swallows one of the health check's reads (the module drops what it receives while it boots) is
     * noticed within seconds with the module's own timeouts (30 s for +CEREG and +CGDCONT, 3 min for +COPS and
     * +CGACT): the reads are bounded and asked again. It once kept the service DATA_ACTIVE for more than 30 s.
     */
    @ParameterizedTest
    @ValueSource(strings = {"AT+CEREG?", "AT+CGEREP?", "AT+CGDCONT?", "AT+CGACT?", "AT+COPS?", "AT+CESQ"})
    void rebootSwallowingAHealthCheckReadIsNoticedAtOnce(String read) throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            sim.moduleTimeouts = true;
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            AtomicBoolean armed = new AtomicBoolean(true);
            sim.beforeSend = line -> {
                if (line.equals(read) && armed.compareAndSet(true, false)) {
                    sim.module.reboot(); // before the bytes leave: the booting module never sees them
                }
            };
            await().atMost(Duration.ofSeconds(10)).until(() -> !armed.get());
            long rebootedAt = System.nanoTime();
            await().atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(20))
                    .until(() -> c.status().state() != ModemState.DATA_ACTIVE);
            long noticedMs = (System.nanoTime() - rebootedAt) / 1_000_000;
            assertTrue(noticedMs < 8000, "noticed after " + noticedMs + " ms");
            awaitState(c, ModemState.DATA_ACTIVE, 30);
            assertEquals(BringUp.CEREG_MODE, cereMode(c), "settings restored");
        }
    }

    /**
     * A link that drops just as a bring-up ends, while its TRANSPORT_DOWN event is ignored because the attempt
     * still runs, is reopened at once rather than at the next health check (a minute away here).
     */
    @Test
    void linkDroppedAsTheBringUpEndsIsReopenedAtOnce() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            int port = sim.server.port();
            ModemSettings s = sim.settings();
            s = new ModemSettings(s.endpoint(), s.baudRate(), false, s.apn(), s.pdpType(), 1, -1, "", "", "auto",
                    s.registrationTimeout(), s.syncTimeout(), s.backoffBase(), s.backoffCap(), 3, 6, Duration.ofSeconds(60));
            AtomicBoolean armed = new AtomicBoolean(true);
            long[] droppedAt = {0};
            ModemController c = sim.start(s);
            c.addListener((prev, cur) -> {
                // on the worker, inside the attempt that publishes DATA_ACTIVE
                if (cur.state() == ModemState.DATA_ACTIVE && armed.compareAndSet(true, false)) {
                    sim.dropLink();
                    droppedAt[0] = System.nanoTime();
                    await().atMost(Duration.ofSeconds(5)).until(() -> !c.at().isTransportUp());
                    sleepQuietly(300); // the engine event arrives while the attempt still runs
                }
            });
            await().atMost(Duration.ofSeconds(20)).until(() -> !armed.get());
            await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                    .until(() -> c.status().state() != ModemState.DATA_ACTIVE);
            assertTrue(System.nanoTime() - droppedAt[0] < 6_000_000_000L);
            sim.relisten(ModuleModel.SARA_R5_02B, port);
            awaitState(c, ModemState.DATA_ACTIVE, 30);
        }
    }

    private static void sleepQuietly(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A listener that throws an Error (an assertion in a test, a missing class) stops neither recovery nor checks. */
    @Test
    void throwingListenerDoesNotStopRecovery() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            c.addListener((prev, cur) -> {
                throw new AssertionError("listener bug");
            });
            for (int i = 0; i < 2; i++) {
                sim.module.reboot();
                await().atMost(Duration.ofSeconds(10)).until(() -> c.status().state() != ModemState.DATA_ACTIVE);
                awaitState(c, ModemState.DATA_ACTIVE, 30);
            }
        }
    }

    private static int cereMode(ModemController c) {
        return c.execute(io.ucell.at.AtCommand.read("+CEREG").build()).require("+CEREG").intParam(0);
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_01B", "SARA_R5_02B", "SARA_R42_01B"})
    void lostRegistrationRecovers(ModuleModel model) throws Exception {
        try (ModemSim sim = new ModemSim(model, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            sim.module.loseRegistration();
            awaitState(c, ModemState.SEARCHING, 10);
            sim.module.regainRegistration();
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            assertFalse(c.status().ipv4().isEmpty());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "LEXI_R520", "SARA_R422"})
    void contextDeactivationRecovers(ModuleModel model) throws Exception {
        try (ModemSim sim = new ModemSim(model, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            int before = sim.statuses.size();
            sim.module.deactivateContext(1, true);
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.statuses.subList(before, sim.statuses.size()).stream()
                    .anyMatch(s -> s.state() == ModemState.RECOVERING));
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            assertFalse(c.status().ipv4().isEmpty());
        }
    }

    @Test
    void unresponsiveModuleRecoversWhenItAnswersAgain() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            int before = sim.statuses.size();
            sim.module.setUnresponsive(true);
            await().atMost(Duration.ofSeconds(15)).until(() -> sim.statuses.subList(before, sim.statuses.size()).stream()
                    .anyMatch(s -> s.state() == ModemState.RECOVERING));
            sim.module.setUnresponsive(false);
            awaitState(c, ModemState.DATA_ACTIVE, 30);
        }
    }

    @Test
    void droppedLinkIsReopenedWhenAModuleComesBack() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            int port = sim.server.port();
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            int before = sim.statuses.size();
            sim.dropLink();
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.statuses.subList(before, sim.statuses.size()).stream()
                    .anyMatch(s -> s.state() == ModemState.RECOVERING || s.state() == ModemState.INITIALIZING));
            Thread.sleep(1500); // several reopen attempts find nothing listening
            sim.relisten(ModuleModel.SARA_R42_01B, port);
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            assertFalse(c.status().ipv4().isEmpty());
            assertEquals("SARA-R42", c.status().family(), "the new module is identified again");
        }
    }

    /** A link that connects but never answers (a half-open TCP link, a stuck ser2net port) is reopened. */
    @Test
    void silentLinkIsReopened() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            int port = sim.server.port();
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            sim.dropLink();
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            java.net.ServerSocket silent = new java.net.ServerSocket();
            silent.setReuseAddress(true);
            silent.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept()); // accepted, never read, never answered
                    }
                } catch (IOException e) {
                    // closed
                }
            });
            acceptor.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());
            silent.close();
            acceptor.join();
            sim.relisten(ModuleModel.SARA_R5_02B, port);
            try {
                awaitState(c, ModemState.DATA_ACTIVE, 30);
            } finally {
                for (java.net.Socket h : held) {
                    h.close();
                }
            }
        }
    }

    @Test
    void unresponsiveModuleFailsAfterTheLimit() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R42_00B, dir.resolve("nvm.properties"))) {
            ModemSettings s = sim.settings();
            s = new ModemSettings(s.endpoint(), s.baudRate(), false, s.apn(), s.pdpType(), 1, -1, "", "", "auto",
                    s.registrationTimeout(), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofMillis(300), 2, 3,
                    s.healthCheckInterval());
            ModemController c = sim.start(s);
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            sim.module.setUnresponsive(true);
            awaitState(c, ModemState.FAILED, 40);
            assertTrue(c.status().failureReason().contains("gave up after 3 failures"), c.status().failureReason());
            assertTrue(sim.count("AT+CFUN=16") >= 1, "reboot tried after 2 failures");
        }
    }

    @Test
    void pingAndDnsThroughTheApi() throws Exception {
        try (ModemSim sim = new ModemSim(ModuleModel.SARA_R42_01B, dir.resolve("nvm.properties"))) {
            sim.module.setDnsOverride("echo.u-blox.com", "195.34.89.241");
            ModemController c = sim.start(sim.settings());
            awaitState(c, ModemState.DATA_ACTIVE, 20);
            PingResult p = c.ping("127.0.0.1", 2, Duration.ofSeconds(5));
            assertEquals(2, p.replies().size(), p.toString());
            assertTrue(p.success(), p.toString());
            assertEquals("127.0.0.1", p.address());
            assertEquals(List.of("195.34.89.241"), c.resolve("echo.u-blox.com"));
            assertEquals("echo.u-blox.com", c.reverseResolve("195.34.89.241"));
            PingResult bad = c.ping("no.such.host.invalid", 1, Duration.ofSeconds(2));
            assertFalse(bad.success());
            assertEquals(8, bad.errorCode());
        }
    }
}
