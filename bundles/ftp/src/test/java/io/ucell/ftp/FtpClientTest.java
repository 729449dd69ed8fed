package io.ucell.ftp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.files.ModuleFiles;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.FtpTestServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FtpClient on the simulated module against Apache FtpServer on loopback (plain FTP). */
class FtpClientTest {
    @TempDir
    static Path dir;
    private static FtpTestServer server;
    private static FtpSim sim;

    @BeforeAll
    static void start() throws Exception {
        server = new FtpTestServer(dir, false);
        sim = new FtpSim(ModuleModel.SARA_R5_02B, FtpSim.settings(server));
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
        server.close();
    }

    static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void everyOperation() throws Exception {
        FtpClientTest.server.file("x").toFile().delete();
        sim.ftp.mkdir("ops");
        assertTrue(Files.isDirectory(server.file("ops")));
        sim.ftp.cd("ops");
        List<long[]> progress = new ArrayList<>();
        sim.ftp.put("all.bin", allBytes(), (stage, done, total) -> progress.add(new long[] {stage.ordinal(), done, total}));
        assertArrayEquals(allBytes(), Files.readAllBytes(server.file("ops/all.bin")));
        assertTrue(progress.stream().anyMatch(p -> p[0] == FtpProgress.Stage.SERVER.ordinal() && p[1] == 256));
        assertTrue(sim.files.pendingTemporaries().isEmpty(), "the temporary module file is gone");
        assertTrue(sim.module.files().list().stream().noneMatch(n -> n.startsWith(ModuleFiles.TEMPORARY_PREFIX)));

        List<String> listing = sim.ftp.list("");
        assertEquals(1, listing.size(), listing.toString());
        assertTrue(listing.get(0).endsWith("all.bin") && listing.get(0).contains("256"), listing.toString());
        assertEquals(List.of("all.bin"), sim.ftp.names(""));

        sim.ftp.rename("all.bin", "renamed.bin");
        assertTrue(Files.exists(server.file("ops/renamed.bin")));
        assertArrayEquals(allBytes(), sim.ftp.get("renamed.bin"));
        assertTrue(sim.module.files().list().stream().noneMatch(n -> n.startsWith(ModuleFiles.TEMPORARY_PREFIX)));

        // between module files and the server
        sim.ftp.download("renamed.bin", "local.bin", false);
        assertArrayEquals(allBytes(), sim.files.read("local.bin"));
        sim.ftp.upload("local.bin", "copy.bin", 0);
        assertArrayEquals(allBytes(), Files.readAllBytes(server.file("ops/copy.bin")));

        sim.ftp.delete("renamed.bin");
        sim.ftp.delete("copy.bin");
        assertFalse(Files.exists(server.file("ops/renamed.bin")));
        sim.ftp.cd(""); // parent
        sim.ftp.rmdir("ops");
        assertFalse(Files.exists(server.file("ops")));
        sim.ftp.logout();
        assertFalse(sim.ftp.loggedIn());
        // the next operation logs in again by itself
        assertTrue(sim.ftp.names("").isEmpty() || sim.ftp.loggedIn());
        sim.files.delete("local.bin");
    }

    @Test
    void largeTransfersWithRestartOffsets() throws Exception {
        byte[] big = random(300_000, 3);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        Files.write(server.file("big.bin"), big);
        List<Long> fromModule = new ArrayList<>();
        sim.ftp.get("big.bin", got, (stage, done, total) -> {
            if (stage == FtpProgress.Stage.FROM_MODULE) {
                fromModule.add(done);
                assertEquals(big.length, total);
            }
        });
        assertArrayEquals(big, got.toByteArray());
        assertTrue(fromModule.size() > 10 && fromModule.get(fromModule.size() - 1) == big.length, "streamed in blocks");

        // resume a download: the module has the first 123456 bytes
        sim.module.files().write("resume.bin", Arrays.copyOf(big, 123_456));
        sim.ftp.download("big.bin", "resume.bin", true);
        assertArrayEquals(big, sim.module.files().read("resume.bin"));

        // restart an upload from byte 200000: the server has the beginning already
        Files.write(server.file("up.bin"), Arrays.copyOf(big, 200_000));
        sim.ftp.upload("resume.bin", "up.bin", 200_000);
        assertArrayEquals(big, Files.readAllBytes(server.file("up.bin")));
        sim.files.delete("resume.bin");
    }

    @Test
    void directLinkRetrieveAndStore() throws Exception {
        byte[] content = random(20_000, 9);
        content[100] = '+';
        content[101] = '+';
        content[102] = '+'; // an escape lookalike inside the data is just data
        Files.write(server.file("direct.bin"), content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Long> progress = new ArrayList<>();
        assertEquals(content.length, sim.ftp.retrieveDirect("direct.bin", 0, content.length, out,
                (stage, done, total) -> progress.add(done)));
        assertArrayEquals(content, out.toByteArray());
        assertEquals(content.length, progress.get(progress.size() - 1));

        // unknown length: ends after the idle time; from an offset
        out.reset();
        assertEquals(content.length - 5000, sim.ftp.retrieveDirect("direct.bin", 5000, -1, out, FtpProgress.NONE));
        assertArrayEquals(Arrays.copyOfRange(content, 5000, content.length), out.toByteArray());

        // store, then restart the store from an offset
        byte[] upload = allBytes();
        assertEquals(256, sim.ftp.storeDirect("stored.bin", 0, new ByteArrayInputStream(upload), FtpProgress.NONE));
        assertArrayEquals(upload, Files.readAllBytes(server.file("stored.bin")));
        byte[] tail = "tail".getBytes(StandardCharsets.US_ASCII);
        sim.ftp.storeDirect("stored.bin", 10, new ByteArrayInputStream(tail), FtpProgress.NONE);
        byte[] expect = Arrays.copyOf(Arrays.copyOf(upload, 10), 14);
        System.arraycopy(tail, 0, expect, 10, 4);
        assertArrayEquals(expect, Files.readAllBytes(server.file("stored.bin")));

        // a missing file: no CONNECT, the server's code
        FtpServerException e = assertThrows(FtpServerException.class,
                () -> sim.ftp.retrieveDirect("nope.bin", 0, -1, new ByteArrayOutputStream(), FtpProgress.NONE));
        assertEquals(550, e.replyCode());
        // the session is still usable
        assertTrue(sim.ftp.names("").contains("direct.bin"));
    }

    @Test
    void serverErrorsCarryTheServersCode() throws Exception {
        FtpServerException missing = assertThrows(FtpServerException.class, () -> sim.ftp.get("missing.bin"));
        assertEquals(550, missing.replyCode());
        assertEquals(1, missing.errorClass());
        assertTrue(missing.getMessage().contains("550"), missing.getMessage());
        // Apache FtpServer answers DELE of a missing file with 450
        assertEquals(450, assertThrows(FtpServerException.class, () -> sim.ftp.delete("missing.bin")).replyCode());
        assertEquals(550, assertThrows(FtpServerException.class, () -> sim.ftp.cd("no-such-dir")).replyCode());
        assertTrue(sim.module.files().list().stream().noneMatch(n -> n.startsWith(ModuleFiles.TEMPORARY_PREFIX)),
                "a failed download leaves no temporary file");
    }

    @Test
    void namesCheckedBeforeAnyAt() {
        assertThrows(IllegalArgumentException.class, () -> sim.ftp.delete("a\"b"));
        assertThrows(IllegalArgumentException.class, () -> sim.ftp.delete("a\r\nAT+CFUN=16"));
        assertThrows(IllegalArgumentException.class, () -> sim.ftp.download("x", "bad/name", false));
        assertThrows(IllegalArgumentException.class, () -> sim.ftp.upload("bad:name", "x", 0));
        assertThrows(IllegalArgumentException.class, () -> sim.ftp.upload("ok", "x", -1));
    }

    @Test
    void lingerAndPdpMappingReachTheModule() throws Exception {
        var before = sim.ftp.settings();
        try {
            sim.ftp.update(before.withTimeouts(45, 10, 20).withPdp(1, 0));
            sim.ftp.names("");
            String read = sim.modem.execute(AtCommand.read("+UFTP").build()).toString();
            assertTrue(read.contains("+UFTP: 5,45,10,20") && read.contains("+UFTP: 20,1,0"), read);
        } finally {
            sim.ftp.update(before);
        }
    }

    @Test
    void recoversAfterAModuleReboot() throws Exception {
        sim.ftp.login();
        // the modem service may not even notice (no state change yet): the refused operation logs in again
        sim.modem.execute(AtCommand.set("+CFUN").param(16).build());
        sim.module.awaitReady(java.time.Duration.ofSeconds(10));
        Thread.sleep(300);
        sim.awaitDataActive();
        Files.write(server.file("after-reboot.txt"), "hi".getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals("hi".getBytes(StandardCharsets.US_ASCII), sim.ftp.get("after-reboot.txt"));
    }
}
