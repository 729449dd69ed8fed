package io.ucell.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.ftp.client.FtpSettings;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.FtpTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit FTPS (section 9.2), active mode, login errors and the module-dependent settings. */
class FtpSecureTest {
    @TempDir
    Path dir;

    @Test
    void explicitFtpsOnControlAndDataChannels() throws Exception {
        try (FtpTestServer server = new FtpTestServer(dir, true);
                FtpSim sim = new FtpSim(ModuleModel.SARA_R5_02B, FtpSim.settings(server).withSecurity(true, true, 0))) {
            sim.ftp.put("secret.bin", FtpClientTest.allBytes());
            assertArrayEquals(FtpClientTest.allBytes(), Files.readAllBytes(server.file("secret.bin")));
            assertEquals("control=true,data=true", server.channelSecurity.get("STOR secret.bin"));
            assertArrayEquals(FtpClientTest.allBytes(), sim.ftp.get("secret.bin"));
            assertTrue(sim.ftp.list("").get(0).contains("secret.bin"));
            assertEquals("control=true,data=true", server.channelSecurity.get("LIST null"));

            // control channel only
            sim.ftp.update(sim.ftp.settings().withSecurity(true, false, 0));
            sim.ftp.get("secret.bin");
            assertEquals("control=true,data=false", server.channelSecurity.get("RETR secret.bin"));

            // a security profile that validates certificates refuses the self-signed server: 8,63 (9.2)
            sim.modem.execute(AtCommand.set("+USECPRF").param(1).param(0).param(1).build());
            sim.ftp.update(sim.ftp.settings().withSecurity(true, true, 1));
            FtpException e = assertThrows(FtpException.class, () -> sim.ftp.get("secret.bin"));
            assertEquals(8, e.errorClass());
            assertEquals(63, e.errorCode());
        }
    }

    @Test
    void activeModeAndLoginErrors() throws Exception {
        try (FtpTestServer server = new FtpTestServer(dir, false);
                FtpSim sim = new FtpSim(ModuleModel.SARA_R42_01B, FtpSim.settings(server).withPassive(false))) {
            sim.ftp.put("active.bin", FtpClientTest.allBytes());
            assertArrayEquals(FtpClientTest.allBytes(), sim.ftp.get("active.bin"));

            sim.ftp.update(sim.ftp.settings().withLogin(FtpTestServer.USER, "wrong"));
            FtpServerException bad = assertThrows(FtpServerException.class, () -> sim.ftp.login());
            assertEquals(530, bad.replyCode());

            sim.ftp.update(sim.ftp.settings().withLogin("", ""));
            FtpException noUser = assertThrows(FtpException.class, () -> sim.ftp.login());
            assertEquals(1, noUser.errorClass()); // 9.3: +UFTPER: 1,1 user missing
            assertEquals(1, noUser.errorCode());
            assertTrue(noUser.getMessage().contains("user missing"), noUser.getMessage());

            // settings this module cannot take are refused before any AT
            sim.ftp.update(FtpSim.settings(server).withPdp(2, 0));
            FtpException pdp = assertThrows(FtpException.class, () -> sim.ftp.login());
            assertTrue(pdp.getMessage().contains("PDP mapping"), pdp.getMessage());

            // nobody listening
            sim.ftp.update(FtpSim.settings(server).withServer("127.0.0.1", 1));
            FtpException refused = assertThrows(FtpException.class, () -> sim.ftp.login());
            assertEquals(10, refused.errorClass());
        }
    }

    @Test
    void settingsValidation() {
        FtpSettings ok = FtpSettings.defaults().withServer("ftp.example.org", 21);
        assertTrue(ok.validate().isEmpty());
        assertTrue(!ok.serverIsAddress() && ok.withServer("192.0.2.1", 21).serverIsAddress()
                && ok.withServer("2001:db8::1", 21).serverIsAddress());
        assertTrue(ok.withServer("", 21).validate().contains("server is missing"));
        assertTrue(ok.withServer("a\"b", 21).validate().get(0).contains("double quote"));
        assertTrue(ok.withServer("x".repeat(129), 21).validate().get(0).contains("128"));
        assertTrue(ok.withLogin("u".repeat(31), "").validate().get(0).contains("user"));
        assertTrue(ok.withServer("h", 0).validate().get(0).contains("port"));
        assertTrue(ok.withSecurity(false, true, 0).validate().get(0).contains("control channel"));
        assertTrue(ok.withSecurity(true, true, 5).validate().get(0).contains("security profile"));
        assertTrue(ok.withTimeouts(30, 121, 0).validate().get(0).contains("linger"));
        assertTrue(!ok.toString().contains("password=") && !ok.withLogin("u", "hunter2").toString().contains("hunter2"));
    }
}
