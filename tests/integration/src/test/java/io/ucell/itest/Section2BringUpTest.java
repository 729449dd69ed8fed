package io.ucell.itest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtLine;
import io.ucell.simulator.model.ModuleModel;

/**
 * The command/response tables of section 2 of the application note, run through the AT engine against
 * the simulated module, for every family the section names.
 */
class Section2BringUpTest {

    @TempDir
    Path dir;

    /** "Network settings verification": radio off, MNO profile, reboot, profile read back, context defined. */
    @ParameterizedTest
    @EnumSource(ModuleModel.class)
    void networkSettingsVerification(ModuleModel model) throws Exception {
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+UMNOPROF").param(100).build());
            h.reboot();
            assertEquals(100, h.ok(AtCommand.read("+UMNOPROF").build()).require("+UMNOPROF").intParam(0));
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(1).param("IPV4V6").param("apn_name").build());
            AtLine ctx = h.ok(AtCommand.read("+CGDCONT").build()).all("+CGDCONT").stream()
                    .filter(l -> l.param(0).equals("1")).findFirst().orElseThrow();
            assertEquals("IPV4V6", ctx.param(1));
            assertEquals("apn_name", ctx.param(2));
        }
    }

    @Test
    void mnoProfileNeedsTheRadioOff() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_01B, dir.resolve("nvm.properties"))) {
            h.register();
            AtResponse r = h.engine.execute(AtCommand.set("+UMNOPROF").param(100).build());
            assertFalse(r.isOk(), "+UMNOPROF with the radio on: " + r);
        }
    }

    /** SARA-R5 00B/01B: register, read the assigned address, map the PSD profile, activate it. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "SARA_R5_01B"})
    void saraR5ProfileActivation(ModuleModel model) throws Exception {
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(1).param("IP").param("apn_name").build());
            h.register();
            AtLine cops = h.ok(AtCommand.read("+COPS").build()).require("+COPS");
            assertEquals(0, cops.intParam(0));
            String ip = contextAddress(h, 1);
            assertTrue(ip.matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), "IPv4 address assigned: " + ip);
            h.ok(AtCommand.set("+UPSD").param(0).param(0).param(0).build());
            h.ok(AtCommand.set("+UPSD").param(0).param(100).param(1).build());
            h.ok(AtCommand.set("+UPSDA").param(0).param(3).build());
            await().atMost(Duration.ofSeconds(5)).until(() -> h.urcs.stream()
                    .anyMatch(u -> u.line().hasPrefix("+UUPSDA") && u.line().param(0).equals("0")
                            && u.line().param(1).equals(ip)));
        }
    }

    /** 2.3.1: a +UPSD protocol type that does not match the context's is refused on activation. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "SARA_R5_01B"})
    void ipTypeMismatchIsRefused(ModuleModel model) throws Exception {
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(1).param("IP").param("apn_name").build());
            h.register();
            h.ok(AtCommand.set("+UPSD").param(0).param(0).param(1).build()); // IPv6 on an "IP" context
            h.ok(AtCommand.set("+UPSD").param(0).param(100).param(1).build());
            AtResponse r = h.engine.execute(AtCommand.set("+UPSDA").param(0).param(3).build());
            assertEquals(FinalResult.Kind.CME_ERROR, r.result().kind(), r.toString());
            assertEquals("IP type configuration mismatch", r.result().detail());
        }
    }

    /** SARA-R5 02B and LEXI-R520: the context is active after registration and +UPSD/+UPSDA return ERROR. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "LEXI_R520"})
    void noProfileCommandsOn02B(ModuleModel model) throws Exception {
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            h.register();
            String ip = contextAddress(h, 1);
            assertFalse(ip.isEmpty(), "context 1 active after registration");
            assertFalse(h.engine.execute(AtCommand.set("+UPSD").param(0).param(100).param(1).build()).isOk());
            assertFalse(h.engine.execute(AtCommand.set("+UPSDA").param(0).param(3).build()).isOk());
        }
    }

    /** SARA-R42 / LEXI-R422: map the profile once the context has an address, then +CGACT. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R42_00B", "SARA_R42_01B", "LEXI_R422", "SARA_R422"})
    void saraR42Activation(ModuleModel model) throws Exception {
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(1).param("IP").param("apn_name").build());
            h.register();
            h.ok(AtCommand.set("+UPSD").param(0).param(0).param(0).build());
            h.ok(AtCommand.set("+UPSD").param(0).param(100).param(1).build());
            h.ok(AtCommand.set("+CGACT").param(1).param(1).build());
            AtLine act = h.ok(AtCommand.read("+CGACT").build()).all("+CGACT").stream()
                    .filter(l -> l.param(0).equals("1")).findFirst().orElseThrow();
            assertEquals(1, act.intParam(1));
            assertFalse(contextAddress(h, 1).isEmpty());
        }
    }

    /** 2.1: contexts 0..11 on SARA-R5, 0..7 on SARA-R42; outside the range the module refuses. */
    @Test
    void contextIdRangePerFamily() throws Exception {
        try (SimHarness r5 = new SimHarness(ModuleModel.SARA_R5_01B, dir.resolve("r5.properties"))) {
            r5.ok(AtCommand.set("+CFUN").param(0).build());
            r5.ok(AtCommand.set("+CGDCONT").param(11).param("IP").param("a").build());
            assertFalse(r5.engine.execute(AtCommand.set("+CGDCONT").param(12).param("IP").param("a").build()).isOk());
        }
        try (SimHarness r42 = new SimHarness(ModuleModel.SARA_R42_01B, dir.resolve("r42.properties"))) {
            r42.ok(AtCommand.set("+CFUN").param(0).build());
            r42.ok(AtCommand.set("+CGDCONT").param(7).param("IP").param("a").build());
            assertFalse(r42.engine.execute(AtCommand.set("+CGDCONT").param(8).param("IP").param("a").build()).isOk());
        }
    }

    /** 2.3.2: +UDCONF=19 only on SARA-R5 02B and LEXI-R520, stored in NVM, effective after reboot. */
    @ParameterizedTest
    @EnumSource(ModuleModel.class)
    void defaultContextConfiguration(ModuleModel model) throws Exception {
        boolean allowed = model == ModuleModel.SARA_R5_02B || model == ModuleModel.LEXI_R520;
        try (SimHarness h = new SimHarness(model, dir.resolve("nvm.properties"))) {
            AtResponse r = h.engine.execute(AtCommand.set("+UDCONF").param(19).param(2).param(0).build());
            assertEquals(allowed, r.isOk(), r.toString());
            if (allowed) {
                h.reboot();
                AtLine line = h.ok(AtCommand.set("+UDCONF").param(19).build()).require("+UDCONF");
                assertEquals("19", line.param(0));
                assertEquals("2", line.param(1));
                assertEquals("0", line.param(2));
            }
        }
    }

    /** 2.4.1: +UPING answers OK at once, then one +UUPING per echo request, with real reachability. */
    @Test
    void pingLoopback() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R5_02B, dir.resolve("nvm.properties"))) {
            h.register();
            h.ok(AtCommand.set("+UPING").param("127.0.0.1").param(2).param(32).param(5000).param(64).build());
            await().atMost(Duration.ofSeconds(15)).until(() -> h.urcs.stream().filter(u -> u.line().hasPrefix("+UUPING")).count() == 2);
            AtLine first = h.urcs.stream().filter(u -> u.line().hasPrefix("+UUPING")).findFirst().orElseThrow().line();
            assertEquals(1, first.intParam(0));
            assertEquals(32, first.intParam(1));
            assertEquals("127.0.0.1", first.param(3));
            assertTrue(first.intParam(5) >= 0, "round trip time measured: " + first);
        }
    }

    /** 2.4.2: +UDNSRN resolves names to addresses and addresses to names. */
    @Test
    void dnsBothWays() throws Exception {
        try (SimHarness h = new SimHarness(ModuleModel.SARA_R42_01B, dir.resolve("nvm.properties"))) {
            h.module.setDnsOverride("echo.u-blox.com", "195.34.89.241");
            h.ok(AtCommand.set("+CFUN").param(0).build());
            h.ok(AtCommand.set("+CGDCONT").param(1).param("IP").param("apn_name").build());
            h.register();
            // SARA-R42: the internal stack works once the profile is mapped on the active context (2.3)
            h.ok(AtCommand.set("+UPSD").param(0).param(100).param(1).build());
            h.ok(AtCommand.set("+CGACT").param(1).param(1).build());
            AtLine fwd = h.ok(AtCommand.set("+UDNSRN").param(0).param("echo.u-blox.com").build()).require("+UDNSRN");
            assertEquals("195.34.89.241", fwd.param(0));
            AtLine local = h.ok(AtCommand.set("+UDNSRN").param(0).param("localhost").build()).require("+UDNSRN");
            assertTrue(local.param(0).equals("127.0.0.1") || local.param(0).equals("::1"), local.text());
            AtLine rev = h.ok(AtCommand.set("+UDNSRN").param(1).param("195.34.89.241").build()).require("+UDNSRN");
            assertEquals("echo.u-blox.com", rev.param(0));
        }
    }

    private static String contextAddress(SimHarness h, int cid) {
        return h.ok(AtCommand.read("+CGDCONT").build()).all("+CGDCONT").stream()
                .filter(l -> l.param(0).equals(String.valueOf(cid))).findFirst().map(l -> l.param(3)).orElse("");
    }
}
