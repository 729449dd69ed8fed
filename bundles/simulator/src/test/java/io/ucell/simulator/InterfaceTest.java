package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** Framing, echo, +CMEE, identity and robustness of the AT interface. */
class InterfaceTest {
    @ParameterizedTest
    @EnumSource(ModuleModel.class)
    void identity(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            var id = model.identity();
            assertEquals(List.of("Manufacturer: u-blox", "Model: " + id.model(), "Revision: " + id.firmware(),
                    "SVN: " + id.svn(), "IMEI: " + s.module.config().imei()), AtClient.lines(s.ok("ATI")));
            assertEquals(List.of(id.typeNumber()), AtClient.lines(s.ok("ATI0")));
            assertEquals(List.of(id.firmware() + "," + id.applicationVersion()), AtClient.lines(s.ok("ATI9")));
            assertEquals(List.of("u-blox"), AtClient.lines(s.ok("AT+CGMI")));
            assertEquals(List.of(id.model()), AtClient.lines(s.ok("AT+CGMM")));
            assertEquals(List.of(id.firmware()), AtClient.lines(s.ok("AT+CGMR")));
            String imei = AtClient.lines(s.ok("AT+CGSN")).get(0);
            assertTrue(Imei.valid(imei), imei);
            assertEquals(List.of("001010123456789"), AtClient.lines(s.ok("AT+CIMI")));
            assertTrue(AtClient.lines(s.ok("AT+CCID")).get(0).startsWith("+CCID: 89"));
        }
    }

    @Test
    void framingEchoAndCmee() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            // echo is on after boot: the command line comes back followed by CR
            assertEquals("AT+CGMM\r\r\nSARA-R510S\r\n\r\nOK\r\n", s.at.send("AT+CGMM"));
            assertEquals("ATE0\r\r\nOK\r\n", s.at.send("ATE0"));
            assertEquals("\r\nOK\r\n", s.at.send("AT"));
            assertEquals("\r\nERROR\r\n", s.at.send("AT+NOSUCHCMD"));
            assertEquals("\r\nERROR\r\n", s.at.send("AT+CFUN=7"));
            s.ok("AT+CMEE=1");
            assertEquals("\r\n+CME ERROR: 50\r\n", s.at.send("AT+CFUN=7"));
            s.ok("AT+CMEE=2");
            assertEquals("\r\n+CME ERROR: incorrect parameters\r\n", s.at.send("AT+CFUN=7"));
            assertEquals("\r\n+CMEE: 2\r\n\r\nOK\r\n", s.at.send("AT+CMEE?"));
            // unknown commands stay plain ERROR like on the module
            assertEquals("\r\nERROR\r\n", s.at.send("AT+NOSUCHCMD"));
            // lone LF and CR LF terminate lines too
            s.at.writeRaw("AT+CGMI\n");
            assertEquals("\r\nu-blox\r\n\r\nOK\r\n", s.at.awaitFinal(Duration.ofSeconds(2)));
            s.at.writeRaw("AT+CGMI\r\n");
            assertEquals("\r\nu-blox\r\n\r\nOK\r\n", s.at.awaitFinal(Duration.ofSeconds(2)));
            // case does not matter for command names
            assertEquals("\r\nu-blox\r\n\r\nOK\r\n", s.at.send("at+cgmi"));
            // a line longer than the module accepts
            assertEquals("ERROR", AtClient.finalCode(s.at.send("AT+CGDCONT=1,\"IP\",\"" + "a".repeat(3000) + "\"")));
        }
    }

    @Test
    void garbageNeverKillsTheModule() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("ATE0");
            Random r = new Random(42);
            for (int i = 0; i < 50; i++) {
                byte[] junk = new byte[r.nextInt(300)];
                r.nextBytes(junk);
                s.at.write(junk);
            }
            String[] nasty = {"AT+CGDCONT=\"", "AT+UPSD=0,0,", "AT+CGACT=1,99", "AT+COPS=9", "AT+CEREG=\"x\"",
                    "AT+UPING=", "AT+UDNSRN=0,", "AT+CFUN=", "AT&Q", "ATI99", "AT+", "AT+CMEE=5", "AT+CGDCONT=1,IP,x"};
            for (String n : nasty) {
                s.at.writeRaw(n + "\r");
            }
            s.at.writeRaw("\r\n\r\n");
            Thread.sleep(300);
            // still answering
            String r2 = s.at.send("AT+CGMI");
            assertTrue(r2.contains("u-blox\r\n\r\nOK\r\n"), AtClient.escape(r2));
        }
    }

    @Test
    void signalFollowsTheEnvironment() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.module.setSignal(-71, -90, -8);
            assertEquals(List.of("+CSQ: 21,99"), AtClient.lines(s.ok("AT+CSQ")));
            assertEquals(List.of("+CESQ: 99,99,255,255,24,51"), AtClient.lines(s.ok("AT+CESQ")));
            s.ok("AT+CFUN=0");
            assertEquals(List.of("+CSQ: 99,99"), AtClient.lines(s.ok("AT+CSQ")));
        }
    }

    @Test
    void secondConnectionReplacesFirst() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B);
                AtClient second = new AtClient(s.server.port())) {
            Thread.sleep(100);
            String r = second.send("AT");
            assertTrue(r.endsWith("\r\nOK\r\n"), AtClient.escape(r));
            long deadline = System.currentTimeMillis() + 2000;
            while (!s.at.eof() && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(s.at.eof(), "first client closed");
            assertTrue(new String(new byte[0], StandardCharsets.US_ASCII).isEmpty());
        }
    }
}
