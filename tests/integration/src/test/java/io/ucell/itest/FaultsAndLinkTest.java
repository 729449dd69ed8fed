package io.ucell.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngineEvent;
import io.ucell.at.AtTimeoutException;
import io.ucell.simulator.model.ModuleModel;

/** The engine against the simulator's fault injection: what a real deployment meets. */
class FaultsAndLinkTest {

    @TempDir
    Path dir;

    @Test
    void strayUrcsReachSubscribersAndCommandsStillWork() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_01B, dir.resolve("nvm"))) {
            h.module.emitUrc("+UUSOCL: 3");
            h.module.emitUrc("+CGEV: NW PDN DEACT 1");
            await().atMost(Duration.ofSeconds(3)).until(() -> h.urcs.stream().anyMatch(u -> u.text().equals("+UUSOCL: 3"))
                    && h.urcs.stream().anyMatch(u -> u.text().equals("+CGEV: NW PDN DEACT 1")));
            assertTrue(h.ok(AtCommand.action("+CGMI").build()).firstText().contains("u-blox"));
        }
    }

    @Test
    void unresponsiveModuleRaisesTheEventAndRecovers() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R42_01B, dir.resolve("nvm"))) {
            h.module.setUnresponsive(true);
            for (int i = 0; i < 3; i++) {
                assertThrows(AtTimeoutException.class,
                        () -> h.engine.execute(AtCommand.basic("").timeout(Duration.ofMillis(300)).build()));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> h.events.stream()
                    .anyMatch(e -> e.type() == AtEngineEvent.Type.UNRESPONSIVE));
            h.module.setUnresponsive(false);
            h.synchronise();
            await().atMost(Duration.ofSeconds(2)).until(() -> h.events.stream()
                    .anyMatch(e -> e.type() == AtEngineEvent.Type.RESPONSIVE));
        }
    }

    @Test
    void rebootLosesVolatileStateKeepsNvm() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_01B, dir.resolve("nvm"))) {
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(2).param("IPV6").param("keep.me").build());
            h.module.reboot();
            h.synchronise();
            h.ok(AtCommand.basic("E0").build());
            assertTrue(h.ok(AtCommand.read("+CGDCONT").build()).all("+CGDCONT").stream()
                    .anyMatch(l -> l.param(0).equals("2") && l.param(2).equals("keep.me")));
        }
    }

    @Test
    void droppedConnectionIsReportedAndReopened() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_02B, dir.resolve("nvm"))) {
            h.module.detach(); // the far end goes away, like a USB device re-enumerating
            await().atMost(Duration.ofSeconds(3)).until(() -> h.events.stream()
                    .anyMatch(e -> e.type() == AtEngineEvent.Type.TRANSPORT_DOWN));
            h.engine.reopen();
            h.synchronise();
            assertEquals("OK", h.engine.execute(AtCommand.basic("").build()).result().line());
        }
    }

    @Test
    void corruptedBytesNeverWedgeTheEngine() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_02B, dir.resolve("nvm"))) {
            h.module.corruptNextBytes(8);
            try {
                h.engine.execute(AtCommand.action("+CGMI").timeout(Duration.ofMillis(500)).build());
            } catch (AtTimeoutException expected) {
                // a corrupted final result code is lost, as on a real line
            }
            h.synchronise();
            assertTrue(h.ok(AtCommand.action("+CGMI").build()).firstText().contains("u-blox"));
        }
    }
}
