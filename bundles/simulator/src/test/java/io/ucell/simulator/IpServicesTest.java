package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Section 2.4: +UPING and +UDNSRN. */
class IpServicesTest {
    private static final Pattern UUPING =
            Pattern.compile("\\+UUPING: (\\d+),32,\"([^\"]+)\",\"127\\.0\\.0\\.1\",(\\d+),(-?\\d+)");

    @Test
    void pingLoopbackGivesOneUrcPerRetry() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.awaitRegistered();
            assertEquals("\r\nOK\r\n", s.at.send("AT+UPING=\"127.0.0.1\",3"));
            for (int i = 1; i <= 3; i++) {
                String urc = s.at.awaitUrc("+UUPING:", Duration.ofSeconds(10));
                Matcher m = UUPING.matcher(urc);
                assertTrue(m.matches(), urc);
                assertEquals(i, Integer.parseInt(m.group(1)));
                assertTrue(Integer.parseInt(m.group(3)) > 0, urc);
                assertTrue(Long.parseLong(m.group(4)) >= 0, "loopback answers: " + urc);
            }
        }
    }

    @Test
    void pingByNameUsesTheResolver() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.module.setDnsOverride("loop.test", "127.0.0.1");
            s.ok("ATE0");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn\"");
            s.awaitRegistered();
            // no PSD profile active yet on 01B: error URC
            s.ok("AT+UPING=\"loop.test\",1");
            assertEquals("+UUPINGER: 11", s.at.awaitUrc("+UUPINGER", Duration.ofSeconds(2)));
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSDA=0,3");
            s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2));
            s.ok("AT+UPING=\"loop.test\",1,32,2000,64");
            String urc = s.at.awaitUrc("+UUPING:", Duration.ofSeconds(10));
            assertTrue(urc.startsWith("+UUPING: 1,32,\"loop.test\",\"127.0.0.1\","), urc);
        }
    }

    @Test
    void pingErrors() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B, b -> b.networkGrants(true, true))) {
            s.ok("ATE0");
            s.awaitRegistered();
            // an unresolvable name: error URC after OK
            s.module.setDnsOverride("x", "127.0.0.1");
            s.ok("AT+UPING=\"no-such-host.invalid\",1");
            assertEquals("+UUPINGER: 8", s.at.awaitUrc("+UUPINGER", Duration.ofSeconds(20)));
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B, b -> b.networkGrants(false, true))) {
            s.ok("ATE0");
            s.ok("AT+CGDCONT=1,\"IPV6\",\"v6\"");
            s.awaitRegistered();
            s.ok("AT+UPSD=0,100,1");
            s.ok("AT+CGACT=1,1");
            // "+UPING is not supported in context using the IPv6 protocol type"
            s.ok("AT+UPING=\"127.0.0.1\"");
            assertEquals("+UUPINGER: 17", s.at.awaitUrc("+UUPINGER", Duration.ofSeconds(2)));
        }
    }

    @Test
    void dnsBothWaysWithOverrides() throws Exception {
        try (Sim s = Sim.start(ModuleModel.LEXI_R520)) {
            s.module.setDnsOverride("www.u-blox.test", "195.34.89.241");
            s.ok("ATE0");
            s.ok("AT+CMEE=2");
            s.awaitRegistered();
            assertEquals(List.of("+UDNSRN: \"195.34.89.241\""), AtClient.lines(s.ok("AT+UDNSRN=0,\"www.u-blox.test\"")));
            assertEquals(List.of("+UDNSRN: \"www.u-blox.test\""), AtClient.lines(s.ok("AT+UDNSRN=1,\"195.34.89.241\"")));
            // through the host resolver
            assertEquals(List.of("+UDNSRN: \"127.0.0.1\""), AtClient.lines(s.ok("AT+UDNSRN=0,\"localhost\"")));
            assertTrue(s.at.send("AT+UDNSRN=0,\"no-such-host.invalid\"", Duration.ofSeconds(20))
                    .contains("+CME ERROR: DNS resolution failed"));
            // no PDP context: error
            s.ok("AT+CGACT=0,1");
            assertEquals("\r\n+CME ERROR: operation not allowed\r\n", s.at.send("AT+UDNSRN=0,\"www.u-blox.test\""));
            s.ok("AT+COPS=2");
            assertEquals("\r\n+CME ERROR: no network service\r\n", s.at.send("AT+UDNSRN=0,\"www.u-blox.test\""));
        }
    }
}
