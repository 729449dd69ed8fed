package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.FtpTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** +UFTP, +UFTPC and +UFTPER against Apache FtpServer on loopback (section 9). */
class FtpTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private static byte[] allBytes() {
        return SocketSupport.allByteValues();
    }

    private static void configure(Sim s, FtpTestServer server, boolean passive) throws Exception {
        s.ok("AT+UFTP=0,\"127.0.0.1\"");
        s.ok("AT+UFTP=7," + server.port);
        s.ok("AT+UFTP=2,\"" + FtpTestServer.USER + "\"");
        s.ok("AT+UFTP=3,\"" + FtpTestServer.PASSWORD + "\"");
        s.ok("AT+UFTP=6," + (passive ? 1 : 0));
    }

    private static void op(Sim s, String cmd, int op, int result) throws Exception {
        s.at.skipUrcs();
        s.ok(cmd);
        assertEquals("+UUFTPCR: " + op + "," + result, s.at.awaitUrc("+UUFTPCR", WAIT), cmd);
    }

    @Test
    void everyOperationPassiveAndActive() throws Exception {
        for (boolean passive : new boolean[] {true, false}) {
            try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                    FtpTestServer server = new FtpTestServer(dir.resolve("p" + passive), false)) {
                configure(s, server, passive);
                op(s, "AT+UFTPC=1", 1, 1);
                assertEquals(List.of("+UFTPER: 0,0"), SocketSupport.info(s.ok("AT+UFTPER")));
                op(s, "AT+UFTPC=10,\"uploads\"", 10, 1);
                assertTrue(Files.isDirectory(server.file("uploads")));
                op(s, "AT+UFTPC=8,\"uploads\"", 8, 1);
                s.module.files().write("all.bin", allBytes());
                op(s, "AT+UFTPC=5,\"all.bin\",\"remote.bin\"", 5, 1);
                assertArrayEquals(allBytes(), Files.readAllBytes(server.file("uploads/remote.bin")));
                s.at.skipUrcs();
                s.ok("AT+UFTPC=13");
                String cd = s.at.awaitUrc("+UUFTPCD: 13,", WAIT);
                assertTrue(cd.contains("remote.bin"), cd);
                assertEquals("+UUFTPCR: 13,1", s.at.awaitUrc("+UUFTPCR", WAIT));
                s.at.skipUrcs();
                s.ok("AT+UFTPC=14");
                assertTrue(s.at.awaitUrc("+UUFTPCD: 14,", WAIT).contains("remote.bin"));
                assertEquals("+UUFTPCR: 14,1", s.at.awaitUrc("+UUFTPCR", WAIT));
                op(s, "AT+UFTPC=3,\"remote.bin\",\"renamed.bin\"", 3, 1);
                assertTrue(Files.exists(server.file("uploads/renamed.bin")));
                op(s, "AT+UFTPC=4,\"renamed.bin\",\"back.bin\"", 4, 1);
                assertArrayEquals(allBytes(), s.module.files().read("back.bin"));
                op(s, "AT+UFTPC=2,\"renamed.bin\"", 2, 1);
                assertFalse(Files.exists(server.file("uploads/renamed.bin")));
                op(s, "AT+UFTPC=8,\"\"", 8, 1); // back to the parent
                op(s, "AT+UFTPC=11,\"uploads\"", 11, 1);
                assertFalse(Files.exists(server.file("uploads")));
                op(s, "AT+UFTPC=0", 0, 1);
                s.ok("AT+CMEE=1");
                assertEquals("+CME ERROR: 3", s.fin("AT+UFTPC=13"));
            }
        }
    }

    @Test
    void restartOffsets() throws Exception {
        byte[] big = new byte[100_000];
        new Random(1).nextBytes(big);
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R42_01B);
                FtpTestServer server = new FtpTestServer(dir, false)) {
            configure(s, server, true);
            op(s, "AT+UFTPC=1", 1, 1);
            // upload: the server has the first 250 bytes, the module sends the rest from byte 250 (REST 250)
            Files.write(server.file("gps_positions"), Arrays.copyOf(big, 250));
            s.module.files().write("gps_positions", big);
            op(s, "AT+UFTPC=5,\"gps_positions\",\"gps_positions\",250", 5, 1);
            assertArrayEquals(big, Files.readAllBytes(server.file("gps_positions")));
            // download restart: the module keeps what it has and appends from its size
            Files.write(server.file("data.zip"), big);
            s.module.files().write("data.zip", Arrays.copyOf(big, 40_000));
            op(s, "AT+UFTPC=4,\"data.zip\",\"data.zip\",1", 4, 1);
            assertArrayEquals(big, s.module.files().read("data.zip"));
            // a plain download replaces
            op(s, "AT+UFTPC=4,\"data.zip\",\"data.zip\"", 4, 1);
            assertArrayEquals(big, s.module.files().read("data.zip"));
        }
    }

    @Test
    void directLinkRetrieveAndStoreWithEscapeTiming() throws Exception {
        byte[] content = new byte[3000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 7); // every byte value, '+' included
        }
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, false)) {
            configure(s, server, true);
            op(s, "AT+UFTPC=1", 1, 1);
            s.ok("ATS12=10"); // 200 ms guard time
            assertEquals(List.of("010"), SocketSupport.info(s.ok("ATS12?")));
            Files.write(server.file("file_to_retrieve"), content);
            s.at.skipUrcs();
            String before = s.at.all();
            s.at.writeRaw("AT+UFTPC=6,\"file_to_retrieve\"\r");
            String expectStart = "\r\nCONNECT\r\n";
            String data = awaitAfter(s, before.length(), expectStart.length() + content.length);
            assertTrue(data.startsWith(expectStart), AtClient.escape(data.substring(0, 20)));
            assertArrayEquals(content, data.substring(expectStart.length()).getBytes(StandardCharsets.ISO_8859_1));
            Thread.sleep(300);
            s.at.writeRaw("+++");
            Thread.sleep(300);
            assertEquals("+UUFTPCR: 6,1", s.at.awaitUrc("+UUFTPCR", WAIT));
            assertTrue(s.at.all().substring(before.length()).contains("\r\nDISCONNECT\r\n\r\nOK\r\n"));
            s.ok("AT");

            // store from byte 0: "+++" inside the data (no guard time) is data; the real escape ends the file
            byte[] upload = "abc+++def+++\r\nghi".getBytes(StandardCharsets.ISO_8859_1);
            s.at.skipUrcs();
            before = s.at.all();
            s.at.writeRaw("AT+UFTPC=7,\"file_to_store\"\r");
            awaitAfter(s, before.length(), "\r\nCONNECT\r\n".length());
            Thread.sleep(50);
            s.at.write(upload);
            Thread.sleep(300);
            s.at.writeRaw("+++");
            Thread.sleep(300);
            assertEquals("+UUFTPCR: 7,1", s.at.awaitUrc("+UUFTPCR", WAIT));
            assertArrayEquals(upload, Files.readAllBytes(server.file("file_to_store")));

            // restart the store from byte 3 (REST 3), escape characters sent too late are data
            s.at.skipUrcs();
            before = s.at.all();
            s.at.writeRaw("AT+UFTPC=7,\"file_to_store\",3\r");
            awaitAfter(s, before.length(), "\r\nCONNECT\r\n".length());
            Thread.sleep(300);
            s.at.writeRaw("+");
            Thread.sleep(300); // more than the guard time between escape characters: data
            s.at.writeRaw("+X");
            Thread.sleep(300);
            s.at.writeRaw("+++");
            Thread.sleep(300);
            assertEquals("+UUFTPCR: 7,1", s.at.awaitUrc("+UUFTPCR", WAIT));
            assertEquals("abc++X", Files.readString(server.file("file_to_store"), StandardCharsets.ISO_8859_1));

            // ATS12=0: no timing, "+++" ends the link at once; an early escape aborts a retrieve: 6,0
            byte[] large = new byte[200_000];
            Files.write(server.file("large"), large);
            s.ok("ATS12=0");
            s.at.skipUrcs();
            before = s.at.all();
            s.at.writeRaw("AT+UFTPC=6,\"large\"\r");
            awaitAfter(s, before.length(), "\r\nCONNECT\r\n".length() + 10);
            s.at.writeRaw("+++");
            assertEquals("+UUFTPCR: 6,0", s.at.awaitUrc("+UUFTPCR", WAIT));
            assertEquals(List.of("+UFTPER: 1,426"), SocketSupport.info(s.ok("AT+UFTPER")));
        }
    }

    /** Waits until {@code n} characters arrived after {@code start}; returns them. */
    private static String awaitAfter(Sim s, int start, int n) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String all = s.at.all();
            if (all.length() >= start + n) {
                return all.substring(start, start + n);
            }
            Thread.sleep(5);
        }
        throw new AssertionError("got only " + AtClient.escape(s.at.all().substring(start)));
    }

    @Test
    void explicitFtpsOnControlAndData() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, true)) {
            configure(s, server, true);
            s.ok("AT+UFTP=8,1");
            s.ok("AT+UFTP=12,1");
            op(s, "AT+UFTPC=1", 1, 1);
            s.module.files().write("a.bin", allBytes());
            op(s, "AT+UFTPC=5,\"a.bin\",\"a.bin\"", 5, 1);
            assertArrayEquals(allBytes(), Files.readAllBytes(server.file("a.bin")));
            assertEquals("control=true,data=true", server.channelSecurity.get("STOR a.bin"));
            op(s, "AT+UFTPC=0", 0, 1);
            // data channel in clear (PROT C) with a secure control channel
            s.ok("AT+UFTP=12,0");
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=4,\"a.bin\",\"b.bin\"", 4, 1);
            assertEquals("control=true,data=false", server.channelSecurity.get("RETR a.bin"));
            op(s, "AT+UFTPC=0", 0, 1);
            // validation level 1 of the security profile: the self-signed server is refused (8,63, 9.2)...
            s.ok("AT+USECPRF=2,0,1");
            s.ok("AT+UFTP=8,1,2");
            op(s, "AT+UFTPC=1", 1, 0);
            assertEquals(List.of("+UFTPER: 8,63"), SocketSupport.info(s.ok("AT+UFTPER")));
            // ...until its certificate is a trusted root in the module's store (+USECMNG)
            s.module.securityProfiles().credentials().importItem(
                    io.ucell.simulator.security.CredentialStore.Type.CA_CERT, "ftp-ca", server.certificate, null);
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=4,\"a.bin\",\"c.bin\"", 4, 1);
            assertArrayEquals(allBytes(), s.module.files().read("c.bin"));
            op(s, "AT+UFTPC=0", 0, 1);
        }
    }

    @Test
    void errorsCarryTheServersCode() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, false)) {
            s.ok("AT+UFTP=0,\"127.0.0.1\"");
            s.ok("AT+UFTP=7," + server.port);
            op(s, "AT+UFTPC=1", 1, 0); // 9.3: no user
            assertEquals(List.of("+UFTPER: 1,1"), SocketSupport.info(s.ok("AT+UFTPER")));
            s.ok("AT+UFTP=2,\"user\"");
            s.ok("AT+UFTP=3,\"wrong\"");
            op(s, "AT+UFTPC=1", 1, 0);
            assertEquals(List.of("+UFTPER: 1,530"), SocketSupport.info(s.ok("AT+UFTPER")));
            s.ok("AT+UFTP=3,\"secret\"");
            s.ok("AT+UFTP=6,1");
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=4,\"missing\",\"x\"", 4, 0);
            assertEquals(List.of("+UFTPER: 1,550"), SocketSupport.info(s.ok("AT+UFTPER")));
            assertFalse(s.module.files().exists("x"));
            s.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 3", s.fin("AT+UFTPC=6,\"missing\""));
            assertEquals(List.of("+UFTPER: 1,550"), SocketSupport.info(s.ok("AT+UFTPER")));
            assertEquals("+CME ERROR: 22", s.fin("AT+UFTPC=5,\"nolocal\",\"r\""));
            assertEquals("+CME ERROR: 3", s.fin("AT+UFTPC=1")); // already logged in
            // nobody listening
            s.ok("AT+UFTPC=0");
            s.at.awaitUrc("+UUFTPCR: 0", WAIT);
            server.close();
            op(s, "AT+UFTPC=1", 1, 0);
            assertEquals(List.of("+UFTPER: 10,111"), SocketSupport.info(s.ok("AT+UFTPER")));
        }
    }

    @Test
    void escapeCharacterFromAts2() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_02B);
                FtpTestServer server = new FtpTestServer(dir, false)) {
            configure(s, server, true);
            op(s, "AT+UFTPC=1", 1, 1);
            s.ok("ATS2=42"); // '*'
            s.ok("ATS12=5"); // 100 ms
            assertEquals(List.of("042"), SocketSupport.info(s.ok("ATS2?")));
            s.at.skipUrcs();
            String before = s.at.all();
            s.at.writeRaw("AT+UFTPC=7,\"star\"\r");
            awaitAfter(s, before.length(), "\r\nCONNECT\r\n".length());
            Thread.sleep(200);
            s.at.writeRaw("+++");  // now plain data, even with the guard times around it
            Thread.sleep(200);
            s.at.writeRaw("***");
            Thread.sleep(200);
            assertEquals("+UUFTPCR: 7,1", s.at.awaitUrc("+UUFTPCR", WAIT));
            assertEquals("+++", Files.readString(server.file("star")));
            s.ok("AT&F"); // factory values again: '+' and 1 s
            assertEquals(List.of("043"), SocketSupport.info(s.ok("ATS2?")));
            assertEquals(List.of("050"), SocketSupport.info(s.ok("ATS12?")));
        }
    }

    @Test
    void serverByNameThroughTheModuleDns() throws Exception {
        try (Sim s = SocketSupport.withRoute(ModuleModel.SARA_R5_01B);
                FtpTestServer server = new FtpTestServer(dir, false)) {
            s.module.setDnsOverride("ftp.example.test", "127.0.0.1");
            configure(s, server, true);
            s.ok("AT+UFTP=1,\"ftp.example.test\""); // the name set last wins over the address
            op(s, "AT+UFTPC=1", 1, 1);
            op(s, "AT+UFTPC=0", 0, 1);
            s.ok("AT+UFTP=1,\"no-such-host.invalid\"");
            op(s, "AT+UFTPC=1", 1, 0);
            assertEquals(List.of("+UFTPER: 12,8"), SocketSupport.info(s.ok("AT+UFTPER")));
        }
    }

    @Test
    void settingsAndModels() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            s.ok("AT+CMEE=1");
            s.ok("AT+UFTP=1,\"ftp.u-blox.com\"");
            s.ok("AT+UFTP=5,30");
            assertEquals("+CME ERROR: 4", s.fin("AT+UFTP=5,30,10,10")); // no linger on SARA-R5 00B (A.1.1)
            assertEquals("+CME ERROR: 4", s.fin("AT+UFTP=20,2,1"));   // no PDP mapping before 02B
            assertEquals("+CME ERROR: 50", s.fin("AT+UFTP=0,\"not an ip\""));
            assertEquals("+CME ERROR: 50", s.fin("AT+UFTP=2,\"" + "u".repeat(31) + "\""));
            List<String> read = SocketSupport.info(s.ok("AT+UFTP?"));
            assertTrue(read.contains("+UFTP: 1,\"ftp.u-blox.com\""), read.toString());
            assertTrue(read.stream().noneMatch(l -> l.startsWith("+UFTP: 3")), "the password is never shown");
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("AT+UFTP=5,30,10,20");
            s.ok("AT+UFTP=20,2,1");
            List<String> read = SocketSupport.info(s.ok("AT+UFTP?"));
            assertTrue(read.contains("+UFTP: 5,30,10,20") && read.contains("+UFTP: 20,2,1"), read.toString());
        }
        try (Sim s = Sim.start(ModuleModel.SARA_R422)) {
            s.error("AT+UFTP=1,\"x\"");
            s.error("AT+UFTPC=1");
        }
    }
}
