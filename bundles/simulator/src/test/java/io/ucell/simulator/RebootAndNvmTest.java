package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RebootAndNvmTest {
    @TempDir
    Path tmp;

    @Test
    void rebootIsQuietAndLosesVolatileState() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B, b -> b.bootTime(Duration.ofMillis(400)))) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.ok("AT+CEREG=1");
            s.awaitRegistered();
            assertEquals("\r\nOK\r\n", s.at.send("AT+CFUN=16"));
            // the port stays quiet while booting: commands get no answer at all
            Thread.sleep(20);
            s.at.writeRaw("AT\r");
            String during = s.at.collect(Duration.ofMillis(250));
            assertEquals("", during);
            s.awaitAnswering();
            // echo back on, +CMEE back to 0, +CEREG URCs off, registration restarts
            assertEquals("AT+CMEE?\r\r\n+CMEE: 0\r\n\r\nOK\r\n", s.at.send("AT+CMEE?"));
            s.ok("ATE0");
            assertTrue(s.ok("AT+CEREG?").contains("+CEREG: 0,"));
            s.awaitRegistered();
        }
    }

    @Test
    void nvmSurvivesANewModuleWithTheSameFile() throws Exception {
        Path nvm = tmp.resolve("module.nvm");
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B, nvm)) {
            s.ok("ATE0");
            s.ok("AT+CFUN=0");
            s.ok("AT+UMNOPROF=100");
            s.ok("AT+CGDCONT=2,\"IPV6\",\"second\"");
            s.ok("AT+UDCONF=19,2,1");
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B, nvm)) {
            s.ok("ATE0");
            assertEquals(List.of("+UMNOPROF: 100"), AtClient.lines(s.ok("AT+UMNOPROF?")));
            assertTrue(s.ok("AT+CGDCONT?").contains("+CGDCONT: 2,\"IPV6\",\"second\""));
            assertEquals(List.of("+UDCONF: 19,2,1"), AtClient.lines(s.ok("AT+UDCONF=19")));
        }
    }

    @Test
    void nvmInMemorySurvivesReboot() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=3,\"IP\",\"third\"");
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            assertTrue(s.ok("AT+CGDCONT?").contains("+CGDCONT: 3,\"IP\",\"third\""));
        }
    }

    /** Section 2.3.2: +UDCONF=19 only on SARA-R5 02B and LEXI-R520, stored in NVM, effective after reboot. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "LEXI_R520"})
    void udconf19EffectiveAfterReboot(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=2,\"IP\",\"second\"");
            assertEquals(List.of("+UDCONF: 19,1,0"), AtClient.lines(s.ok("AT+UDCONF=19")));
            s.ok("AT+UDCONF=19,2,0");
            assertEquals(List.of("+UDCONF: 19,1,0"), AtClient.lines(s.ok("AT+UDCONF=19")));
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            s.ok("ATE0");
            assertEquals(List.of("+UDCONF: 19,2,0"), AtClient.lines(s.ok("AT+UDCONF=19")));
            // the new default context is brought up with the registration
            s.awaitRegistered();
            assertTrue(s.ok("AT+CGACT?").contains("+CGACT: 2,1"));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "SARA_R5_01B", "SARA_R42_00B", "SARA_R42_01B",
        "LEXI_R422", "SARA_R422"})
    void udconf19NotAvailable(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            s.error("AT+UDCONF=19,2,0");
            s.error("AT+UDCONF=19");
        }
    }

    @Test
    void verizonProfileDefaultsToCid3() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.ok("AT+CFUN=0");
            s.ok("AT+UMNOPROF=3");
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            assertEquals(List.of("+UDCONF: 19,3,0"), AtClient.lines(s.ok("AT+UDCONF=19")));
        }
    }
}
