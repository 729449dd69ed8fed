package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Section 8: the module's CoAP client against a Californium server on loopback. */
class CoapTest {
    private static final Duration URC_WAIT = Duration.ofSeconds(10);

    private static void basicSetup(Sim s, String uri) throws Exception {
        s.ok("ATE0");
        s.ok("AT+CMEE=2");
        s.awaitRegistered();
        s.ok("AT+UCOAP=1,\"" + uri + "\"");
        s.ok("AT+UCOAP=4,1");
        for (int opt = 0; opt <= 3; opt++) {
            s.ok("AT+UCOAP=2," + opt + ",1");
        }
    }

    @Test
    void getPutPostDeleteWithHexPayloads() throws Exception {
        try (CoapTestServer srv = new CoapTestServer(); Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            basicSetup(s, "coap://127.0.0.1:" + srv.port() + "/echo?a=1");
            s.ok("AT+UCOAP=2,5,1"); // NON
            assertEquals("\r\nOK\r\n", s.at.send("AT+UCOAPC=1"));
            assertEquals("+UCOAPCD: 2,5,\"68656C6C6F\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 1,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));

            s.ok("AT+UCOAP=2,5,0"); // CON
            s.ok("AT+UCOAP=2,4,1");
            s.ok("AT+UCOAPC=3,\"736f6d655f74657874\",0");
            assertEquals("+UCOAPCD: 2,4,\"505554204F4B\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 3,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));
            assertEquals("some_text", new String(srv.stored));

            s.ok("AT+UCOAPC=4,\"00FF10\",0");
            assertEquals("+UCOAPCD: 2,1,\"00FF10\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 4,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));

            s.ok("AT+UCOAPC=2");
            assertEquals("+UCOAPCD: 2,2,\"\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 2,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));
            assertEquals("+UCOAPER: 0,0", AtClient.lines(s.at.send("AT+UCOAPER")).get(0));

            List<String> seen = srv.requests;
            assertEquals("GET NON echo q=a=1 cf=-1 n=0", seen.get(0));
            assertEquals("PUT CON echo q=a=1 cf=0 n=9", seen.get(1));
            assertEquals("POST CON echo q=a=1 cf=0 n=3", seen.get(2));
            assertEquals("DELETE CON echo q=a=1 cf=-1 n=0", seen.get(3));
        }
    }

    @Test
    void serverErrorsLargeBodiesAndOptionMask() throws Exception {
        try (CoapTestServer srv = new CoapTestServer(); Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("AT+CGDCONT=1,\"IP\",\"apn\"");
            basicSetup(s, "coap://127.0.0.1:" + srv.port() + "/nothing");
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSDA=0,3");
            s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2));
            s.ok("AT+UCOAPC=1");
            assertEquals("+UCOAPCD: 4,4,\"\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 1,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));
            s.ok("AT+UCOAP=1,\"coap://127.0.0.1:" + srv.port() + "/fail\"");
            s.ok("AT+UCOAPC=1");
            assertEquals("+UCOAPCD: 5,0,\"626F6F6D\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            s.at.awaitUrc("+UCOAPCR:", URC_WAIT);

            // 3000 bytes: the module fetches it block by block (Block2) and reports 512 bytes per URC
            s.ok("AT+UCOAP=1,\"coap://127.0.0.1:" + srv.port() + "/large\"");
            s.ok("AT+UCOAPC=1");
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int urcs = 0;
            while (true) {
                String urc = s.at.awaitUrc("+UCOAPCD:", URC_WAIT);
                urcs++;
                String[] f = urc.substring("+UCOAPCD: ".length()).split(",");
                body.writeBytes(HexFormat.of().parseHex(f[2].replace("\"", "")));
                if (f[3].equals("0")) {
                    break;
                }
            }
            assertEquals("+UCOAPCR: 1,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));
            assertArrayEquals(srv.large, body.toByteArray());
            assertEquals(6, urcs);

            // URI_PATH switched off: the request goes to the root resource
            s.ok("AT+UCOAP=2,2,0");
            s.ok("AT+UCOAPC=1");
            String root = s.at.awaitUrc("+UCOAPCD:", URC_WAIT);
            assertTrue(root.startsWith("+UCOAPCD: 2,5,"), root);
            s.at.awaitUrc("+UCOAPCR:", URC_WAIT);
        }
    }

    @Test
    void blockUploadAsInSection833() throws Exception {
        try (CoapTestServer srv = new CoapTestServer(); Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            basicSetup(s, "coap://127.0.0.1:" + srv.port() + "/echo");
            String first = "4d657373616765206e756d6265722030206669727374206d657373616765206f6620736572696520737562646976696465642069"
                    + "6e746f203634206279746573";
            String second = "4d657373616765206e756d6265722031";
            assertEquals(128, first.length());
            s.ok("AT+UCOAPC=3,\"" + first + "\",0,0,1");
            assertEquals("+UCOAPCD: 2,31,\"\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            assertEquals("+UCOAPCR: 3,1", s.at.awaitUrc("+UCOAPCR:", URC_WAIT));
            s.ok("AT+UCOAPC=3,\"" + second + "\",0,1,0");
            assertEquals("+UCOAPCD: 2,4,\"505554204F4B\",0", s.at.awaitUrc("+UCOAPCD:", URC_WAIT));
            s.at.awaitUrc("+UCOAPCR:", URC_WAIT);
            assertEquals(first + second, HexFormat.of().formatHex(srv.stored));
            // a block that is not a power of two, and a payload over 512 bytes, are refused
            assertEquals("+CME ERROR: incorrect parameters", s.fin("AT+UCOAPC=3,\"00112233445566778899\",0,0,1"));
            assertEquals("+UCOAPER: 15,19", AtClient.lines(s.at.send("AT+UCOAPER")).get(0));
            assertEquals("+CME ERROR: incorrect parameters", s.fin("AT+UCOAPC=3,\"" + "00".repeat(513) + "\",0"));
            assertEquals("+UCOAPER: 15,15", AtClient.lines(s.at.send("AT+UCOAPER")).get(0));
        }
    }

    @Test
    void profilesAreStoredAndRestored(@TempDir Path dir) throws Exception {
        Path nvm = dir.resolve("nvm.properties");
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B, nvm)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 3", s.fin("AT+UCOAPC=1"));
            assertEquals("+UCOAPER: 15,17", AtClient.lines(s.at.send("AT+UCOAPER")).get(0));
            s.ok("AT+UCOAP=1,\"coap://example.test/a\"");
            s.ok("AT+UCOAP=4,1");
            s.ok("AT+UCOAP=2,0,1");
            s.ok("AT+UCOAP=2,1,1");
            s.ok("AT+UCOAP=2,2,1");
            s.ok("AT+UCOAP=6,2");
            List<String> list = AtClient.lines(s.ok("AT+UCOAP=7"));
            assertEquals(List.of("+UCOAP: INVALID PROFILE NUMBER 0", "+UCOAP: INVALID PROFILE NUMBER 1",
                    "+UCOAP: \"URI_STR\",\"coap://example.test/a\"", "+UCOAP: \"OPT_MASK\",7",
                    "+UCOAP: \"PROFILE_NUM\",2", "+UCOAP: \"STATUS_FLAG\",1", "+UCOAP: \"USECMNG PROFILE\",0",
                    "+UCOAP: \"RAI FLAG\",0", "+UCOAP: INVALID PROFILE NUMBER 3"), list);
            s.ok("AT+CFUN=16");
            s.awaitAnswering();
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            assertTrue(AtClient.lines(s.ok("AT+UCOAP?")).contains("+UCOAP: \"STATUS FLAG\",0"), "current profile is volatile");
            assertEquals("+CME ERROR: 3", s.fin("AT+UCOAP=5,1"));
            s.ok("AT+UCOAP=5,2");
            assertEquals(List.of("+UCOAP: \"URI_STR\",\"coap://example.test/a\"", "+UCOAP: \"OPT MASK\",7",
                    "+UCOAP: \"PROFILE NUM\",2", "+UCOAP: \"STATUS FLAG\",1", "+UCOAP: \"USECMNG PROFILE\",0",
                    "+UCOAP: \"RAI FLAG\",0"), AtClient.lines(s.ok("AT+UCOAP?")));
        }
    }

    @Test
    void uriLimitsAndModelDifferences() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            s.ok("ATE0");
            s.ok("AT+CMEE=1");
            String host = "h".repeat(255);
            s.ok("AT+UCOAP=1,\"coap://" + host + "/p\"");
            assertEquals("+CME ERROR: 50", s.fin("AT+UCOAP=1,\"coap://" + host + "h/p\""));
            assertEquals("+CME ERROR: 50", s.fin("AT+UCOAP=1,\"coap://h/" + "p".repeat(255) + "\""));
            String longUri = "coap://h/" + "p".repeat(250) + "/" + "q".repeat(250) + "?" + "r".repeat(250);
            assertTrue(longUri.length() > 783 - 30 && longUri.length() <= 783);
            assertEquals("+CME ERROR: 50", s.fin("AT+UCOAP=1,\"" + longUri + "/" + "x".repeat(783 - longUri.length()) + "\""));
            assertEquals("+CME ERROR: 50", s.fin("AT+UCOAP=1,\"http://h/\""));
            // RAI is not on SARA-R5 00B (A.2), nor the PDP mapping (8.2.3)
            assertEquals("+CME ERROR: 4", s.fin("AT+UCOAP=9,1"));
            assertEquals("+CME ERROR: 4", s.fin("AT+UCOAP=20,2,1"));
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.ok("AT+UCOAP=9,1");
            s.ok("AT+UCOAP=20,2,1");
            assertTrue(AtClient.lines(s.ok("AT+UCOAP?")).contains("+UCOAP: \"RAI FLAG\",1"));
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            s.ok("ATE0");
            s.error("AT+UCOAP=4,1");
            s.error("AT+UCOAPC=1");
        }
    }
}
