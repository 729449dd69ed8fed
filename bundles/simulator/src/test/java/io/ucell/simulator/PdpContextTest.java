package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Replays the command tables of spec section 2.3 per family and product version. */
class PdpContextTest {
    @TempDir
    Path tmp;

    /** Section 2.3 "Network settings verification" and "Network registration check: LTE". */
    @ParameterizedTest
    @EnumSource(ModuleModel.class)
    void networkSettingsAndLteRegistration(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model, tmp.resolve("nvm.properties"))) {
            s.ok("ATE0");
            s.ok("AT+CFUN=0");
            s.ok("AT+UMNOPROF=100");
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            s.ok("ATE0");
            assertEquals(List.of("+UMNOPROF: 100"), AtClient.lines(s.ok("AT+UMNOPROF?")));
            s.ok("AT+CFUN=0");
            s.ok("AT+CGDCONT=1,\"IPV4V6\",\"apn_name\"");
            s.ok("AT+CFUN=1");
            s.awaitRegistered();
            assertEquals(List.of("+COPS: 0,0,\"ucell sim network\",7"), AtClient.lines(s.ok("AT+COPS?")));
            // only IPv4 granted by this network: the read answer says "IP" although IPV4V6 was set
            assertEquals(List.of("+CGDCONT: 1,\"IP\",\"apn_name\",\"100.108.232.233\",0,0,0,0,0,0"),
                    AtClient.lines(s.ok("AT+CGDCONT?")));
        }
    }

    @Test
    void mnoProfileOnlyWithRadioOff() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("ATE0");
            s.error("AT+UMNOPROF=100");
            s.ok("AT+CFUN=4");
            s.ok("AT+UMNOPROF=3");
            // effective only after reboot
            assertEquals(List.of("+UMNOPROF: 90"), AtClient.lines(s.ok("AT+UMNOPROF?")));
            s.module.reboot();
            s.awaitAnswering();
            assertEquals(List.of("+UMNOPROF: 3"), AtClient.lines(s.ok("AT+UMNOPROF?")));
            // Verizon asks for the smaller MTU
            s.awaitRegistered();
            assertTrue(s.ok("AT+CGCONTRDP=1").contains(",1428\r\n"));
        }
    }

    @Test
    void copsDeregisterAndRegister() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            s.ok("ATE0");
            s.awaitRegistered();
            s.ok("AT+COPS=2");
            assertEquals(List.of("+COPS: 2"), AtClient.lines(s.ok("AT+COPS?")));
            assertEquals(List.of("+CEREG: 0,0"), AtClient.lines(s.ok("AT+CEREG?")));
            s.ok("AT+COPS=0");
            s.awaitRegistered();
            s.ok("AT+COPS=3,2");
            assertEquals(List.of("+COPS: 0,2,\"00101\",7"), AtClient.lines(s.ok("AT+COPS?")));
            s.ok("AT+CEREG=2");
            assertEquals(List.of("+CEREG: 2,1,\"4E2F\",\"0A1B2C3D\",7"), AtClient.lines(s.ok("AT+CEREG?")));
            s.ok("AT+CREG=1");
            assertEquals(List.of("+CREG: 1,1"), AtClient.lines(s.ok("AT+CREG?")));
        }
    }

    @Test
    void cidRangePerFamily() throws Exception {
        try (Sim r5 = Sim.start(ModuleModel.SARA_R5_01B)) {
            r5.ok("AT+CGDCONT=11,\"IP\",\"a\"");
            r5.ok("AT+CGDCONT=0,\"IP\",\"a\"");
            r5.error("AT+CGDCONT=12,\"IP\",\"a\"");
            r5.error("AT+CGDCONT=3,\"PPP\",\"a\"");
            assertTrue(r5.ok("AT+CGDCONT=?").contains("+CGDCONT: (0-11),\"IPV4V6\""));
        }
        try (Sim r42 = Sim.start(ModuleModel.SARA_R42_00B)) {
            r42.ok("AT+CGDCONT=7,\"IP\",\"a\"");
            r42.error("AT+CGDCONT=8,\"IP\",\"a\"");
        }
    }

    /** "Network registration check: GPRS/eGPRS": no default bearer, +CGACT=1,1 brings cid 1 up. */
    @Test
    void gprsNeedsCgact() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B, b -> b.rat(3))) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn_name\"");
            s.awaitRegistered();
            assertEquals(List.of("+COPS: 0,0,\"ucell sim network\",3"), AtClient.lines(s.ok("AT+COPS?")));
            assertEquals(List.of("+CGACT: 1,0"), AtClient.lines(s.ok("AT+CGACT?")));
            s.ok("AT+CGACT=1,1");
            assertEquals(List.of("+CGACT: 1,1"), AtClient.lines(s.ok("AT+CGACT?")));
            assertEquals(List.of("+CGDCONT: 1,\"IP\",\"apn_name\",\"100.108.232.233\",0,0,0,0,0,0"),
                    AtClient.lines(s.ok("AT+CGDCONT?")));
        }
    }

    @Test
    void ipv6AddressesInDottedForm() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B, b -> b.networkGrants(true, true))) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=1,\"IPV4V6\",\"apn_name\"");
            s.ok("AT+CGDCONT=2,\"IPV6\",\"v6\"");
            s.awaitRegistered();
            s.ok("AT+CGACT=1,2");
            List<String> l = AtClient.lines(s.ok("AT+CGDCONT?"));
            assertEquals("+CGDCONT: 1,\"IPV4V6\",\"apn_name\",\"100.108.232.233 32.1.13.184.10.206.0.1.0.0.0.0.0.0.0.1\",0,0,0,0,0,0", l.get(0));
            assertEquals("+CGDCONT: 2,\"IPV6\",\"v6\",\"32.1.13.184.10.206.0.2.0.0.0.0.0.0.0.1\",0,0,0,0,0,0", l.get(1));
            assertEquals(List.of("+CGACT: 1,1", "+CGACT: 2,1"), AtClient.lines(s.ok("AT+CGACT?")));
        }
    }

    @Test
    void maxActiveContexts() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("ATE0");
            for (int cid = 1; cid <= 6; cid++) {
                s.ok("AT+CGDCONT=" + cid + ",\"IP\",\"a" + cid + "\"");
            }
            s.awaitRegistered();
            for (int cid = 1; cid <= 4; cid++) {
                s.ok("AT+CGACT=1," + cid);
            }
            s.error("AT+CGACT=1,5");
            s.ok("AT+CGACT=0,4");
            s.ok("AT+CGACT=1,5");
        }
    }

    // ------------------------------------------------------------------ section 2.3 profiles

    /** "Profile configuration and activation: SARA-R5 00B and 01B". */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_00B", "SARA_R5_01B"})
    void sara5ProfileActivation(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn_name\"");
            s.awaitRegistered();
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSD=0,100,1");
            assertEquals(List.of("+UPSD: 0,100,1"), AtClient.lines(s.ok("AT+UPSD=0,100")));
            s.ok("AT+UPSDA=0,3");
            assertEquals("+UUPSDA: 0,\"100.108.232.233\"", s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2)));
            assertEquals(List.of("+UPSND: 0,0,\"100.108.232.233\""), AtClient.lines(s.ok("AT+UPSND=0,0")));
            assertEquals(List.of("+UPSND: 0,8,1"), AtClient.lines(s.ok("AT+UPSND=0,8")));
            // only one profile at a time
            s.ok("AT+UPSD=1,100,1");
            s.error("AT+UPSDA=1,3");
            s.ok("AT+UPSDA=0,4");
            assertEquals("+UUPSDD: 0", s.at.awaitUrc("+UUPSDD", Duration.ofSeconds(2)));
            assertEquals(List.of("+UPSND: 0,8,0"), AtClient.lines(s.ok("AT+UPSND=0,8")));
        }
    }

    @Test
    void defaultUpsdTypesPerProductVersion() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            assertEquals(List.of("+UPSD: 0,0,0"), AtClient.lines(s.ok("AT+UPSD=0,0")));
            assertTrue(s.ok("AT+CGDCONT?").contains("+CGDCONT: 1,\"IPV4V6\""));
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            assertEquals(List.of("+UPSD: 0,0,2"), AtClient.lines(s.ok("AT+UPSD=0,0")));
        }
    }

    /** Section 2.3.1 mapping table, with a network granting both families (SARA-R5 01B). */
    @Test
    void ipTypeMappingTable() throws Exception {
        String[][] rows = {
            {"IPV4V6", "2", "OK"}, {"IPV4V6", "3", "OK"}, {"IPV4V6", "0", "MISMATCH"}, {"IPV4V6", "1", "MISMATCH"},
            {"IP", "0", "OK"}, {"IP", "2", "MISMATCH"}, {"IP", "1", "MISMATCH"},
            {"IPV6", "1", "OK"}, {"IPV6", "0", "MISMATCH"}, {"IPV6", "3", "MISMATCH"},
        };
        for (String[] row : rows) {
            try (Sim s = Sim.start(ModuleModel.SARA_R5_01B, b -> b.networkGrants(true, true))) {
                s.ok("ATE0");
                s.ok("AT+CMEE=2");
                s.ok("AT+CFUN=0");
                s.ok("AT+CGDCONT=1,\"" + row[0] + "\",\"apn_name\"");
                s.ok("AT+CFUN=1");
                s.awaitRegistered();
                s.ok("AT+UPSD=0,0," + row[1]);
                s.ok("AT+UPSD=0,100,1");
                String r = s.at.send("AT+UPSDA=0,3");
                if (row[2].equals("OK")) {
                    assertEquals("\r\nOK\r\n", r, String.join(",", row));
                    String urc = s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2));
                    boolean v6 = row[1].equals("1") || row[1].equals("3");
                    assertEquals(v6 ? "+UUPSDA: 0,\"2001:db8:ace:1::1\"" : "+UUPSDA: 0,\"100.108.232.233\"", urc);
                } else {
                    assertEquals("\r\n+CME ERROR: IP type configuration mismatch\r\n", r, String.join(",", row));
                }
            }
        }
    }

    @Test
    void mismatchNumericCode() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn_name\"");
            s.awaitRegistered();
            s.ok("AT+UPSD=0,0,1");
            assertEquals("\r\n+CME ERROR: 4001\r\n", s.at.send("AT+UPSDA=0,3"));
        }
    }

    /** 00B: the type given at +CGDCONT set counts, not what the read command shows (2.3.1). */
    @Test
    void sara5_00bChecksDefinedType() throws Exception {
        try (Sim s00 = Sim.start(ModuleModel.SARA_R5_00B)) {
            s00.ok("ATE0");
            s00.ok("AT+CMEE=2");
            s00.ok("AT+CGDCONT=1,\"IPV4V6\",\"apn_name\"");
            s00.awaitRegistered();
            assertTrue(s00.ok("AT+CGDCONT?").contains("+CGDCONT: 1,\"IP\","));
            s00.ok("AT+UPSD=0,0,0");
            assertEquals("\r\n+CME ERROR: IP type configuration mismatch\r\n", s00.at.send("AT+UPSDA=0,3"));
            s00.ok("AT+UPSD=0,0,2");
            s00.ok("AT+UPSDA=0,3");
        }
        try (Sim s01 = Sim.start(ModuleModel.SARA_R5_01B)) {
            // 01B follows what the network granted, as in the spec's LTE example (IPV4V6 set, "IP" read, +UPSD=0,0,0)
            s01.ok("ATE0");
            s01.ok("AT+CGDCONT=1,\"IPV4V6\",\"apn_name\"");
            s01.awaitRegistered();
            s01.ok("AT+UPSD=0,0,0");
            s01.ok("AT+UPSD=0,100,1");
            s01.ok("AT+UPSDA=0,3");
            assertEquals("+UUPSDA: 0,\"100.108.232.233\"", s01.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2)));
        }
    }

    /** "Profile configuration and activation: SARA-R5 02B and LEXI-R520". */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R5_02B", "LEXI_R520"})
    void sara5_02bHasNoUpsd(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.error("AT+UPSD=0,0,0");
            s.error("AT+UPSD=0,100,1");
            s.error("AT+UPSDA=0,3");
            s.error("AT+UPSND=0,0");
            s.awaitRegistered();
            // the context is already active after registration
            assertEquals(List.of("+CGACT: 1,1"), AtClient.lines(s.ok("AT+CGACT?")));
            s.module.setDnsOverride("example.test", "192.0.2.10");
            assertEquals(List.of("+UDNSRN: \"192.0.2.10\""), AtClient.lines(s.ok("AT+UDNSRN=0,\"example.test\"")));
        }
    }

    /** "Profile configuration and activation: SARA-R42 and LEXI-R422", plus +CGACT after every re-attach. */
    @ParameterizedTest
    @EnumSource(value = ModuleModel.class, names = {"SARA_R42_00B", "SARA_R42_01B", "LEXI_R422", "SARA_R422"})
    void sara42UpsdThenCgact(ModuleModel model) throws Exception {
        try (Sim s = Sim.start(model)) {
            s.module.setDnsOverride("example.test", "192.0.2.10");
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.error("AT+UPSDA=0,3");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn_name\"");
            s.awaitRegistered();
            // bearer up with an address after attach, but not yet usable by the module's stack
            assertTrue(s.ok("AT+CGDCONT?").contains("\"100.108.232.233\""));
            assertEquals(List.of("+CGACT: 1,0"), AtClient.lines(s.ok("AT+CGACT?")));
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSD=0,100,1");
            assertEquals("\r\n+CME ERROR: operation not allowed\r\n", s.at.send("AT+UDNSRN=0,\"example.test\""));
            s.ok("AT+CGACT=1,1");
            assertEquals(List.of("+UPSND: 0,8,1"), AtClient.lines(s.ok("AT+UPSND=0,8")));
            assertEquals(List.of("+UDNSRN: \"192.0.2.10\""), AtClient.lines(s.ok("AT+UDNSRN=0,\"example.test\"")));
            // re-attach via +CFUN=0/1: context inactive again until +CGACT
            s.ok("AT+CFUN=0");
            s.ok("AT+CFUN=1");
            s.awaitRegistered();
            assertEquals(List.of("+CGACT: 1,0"), AtClient.lines(s.ok("AT+CGACT?")));
            assertEquals("\r\n+CME ERROR: operation not allowed\r\n", s.at.send("AT+UDNSRN=0,\"example.test\""));
            s.ok("AT+CGACT=1,1");
            s.ok("AT+UDNSRN=0,\"example.test\"");
            // a lost registration (fault) does the same
            s.module.loseRegistration();
            s.module.regainRegistration();
            s.awaitRegistered();
            assertEquals(List.of("+CGACT: 1,0"), AtClient.lines(s.ok("AT+CGACT?")));
            s.ok("AT+CGACT=1,1");
            s.ok("AT+UDNSRN=0,\"example.test\"");
        }
    }

    /** SARA-R42: +UPSD=0,100,cid given before the context had an address does not bind the stack. */
    @Test
    void sara42MappingBeforeAddressDoesNotBind() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("ATE0");
            s.ok("AT+CFUN=0");
            s.ok("AT+UPSD=0,100,1");
            s.ok("AT+CFUN=1");
            s.awaitRegistered();
            s.ok("AT+CGACT=1,1");
            assertEquals(List.of("+UPSND: 0,8,0"), AtClient.lines(s.ok("AT+UPSND=0,8")));
            s.ok("AT+UPSD=0,100,1");
            assertEquals(List.of("+UPSND: 0,8,1"), AtClient.lines(s.ok("AT+UPSND=0,8")));
        }
    }
}
