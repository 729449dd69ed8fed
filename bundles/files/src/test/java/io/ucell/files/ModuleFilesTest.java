package io.ucell.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.model.ModuleModel;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The file client against the simulated module's file system. */
class ModuleFilesTest {
    private static FilesSim sim;

    @BeforeAll
    static void start() throws Exception {
        sim = new FilesSim(ModuleModel.SARA_R5_02B, 1000);
    }

    @AfterAll
    static void stop() throws Exception {
        sim.close();
    }

    @BeforeEach
    void empty() {
        sim.module.files().clear();
    }

    private static byte[] allBytes() {
        byte[] b = new byte[256];
        for (int i = 0; i < 256; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void uploadAndReadEveryByteValue() throws Exception {
        byte[] all = allBytes();
        sim.files.upload("all.bin", all);
        assertArrayEquals(all, sim.module.files().read("all.bin"));
        assertArrayEquals(all, sim.files.read("all.bin"));
        assertArrayEquals(Arrays.copyOfRange(all, 13, 13 + 100), sim.files.readBlock("all.bin", 13, 100));
        assertArrayEquals(Arrays.copyOfRange(all, 200, 256), sim.files.readBlock("all.bin", 200, 100));
        assertEquals(256, sim.files.size("all.bin"));
    }

    @Test
    void uploadReplacesAndAppendAppends() throws Exception {
        sim.files.upload("a.txt", "first version".getBytes(StandardCharsets.US_ASCII));
        sim.files.upload("a.txt", "second".getBytes(StandardCharsets.US_ASCII));
        assertEquals("second", new String(sim.files.read("a.txt"), StandardCharsets.US_ASCII));
        sim.files.append("a.txt", " and more".getBytes(StandardCharsets.US_ASCII));
        assertEquals("second and more", new String(sim.module.files().read("a.txt"), StandardCharsets.US_ASCII));
        sim.files.append("new.txt", "x".getBytes(StandardCharsets.US_ASCII));
        assertTrue(sim.files.exists("new.txt"));
    }

    @Test
    void listFreeDelete() throws Exception {
        long capacity = ModuleFileSystem.capacityOf(ModuleModel.SARA_R5_02B);
        assertEquals(List.of(), sim.files.list());
        assertEquals(capacity, sim.files.free());
        sim.files.upload("one", new byte[10]);
        sim.files.upload("two", new byte[20]);
        assertEquals(List.of("one", "two"), sim.files.list());
        assertEquals(capacity - 30, sim.files.free());
        assertTrue(sim.files.delete("one"));
        assertFalse(sim.files.delete("one"));
        assertEquals(List.of("two"), sim.files.list());
        assertFalse(sim.files.exists("one"));
    }

    @Test
    void largeFileStreamsInBlocks() throws Exception {
        byte[] big = new byte[150_000];
        new Random(7).nextBytes(big);
        sim.module.files().write("big.bin", big);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = sim.files.open("big.bin")) {
            in.transferTo(got);
        }
        assertArrayEquals(big, got.toByteArray());
        assertTrue(sim.module.files().exists("big.bin"), "open() does not delete");
        // and whole, uploaded through the prompt
        sim.files.upload("big2.bin", big);
        assertArrayEquals(big, sim.files.read("big2.bin"));
    }

    @Test
    void missingFilesAreNotFound() {
        assertThrows(ModuleFileNotFoundException.class, () -> sim.files.read("nope"));
        assertThrows(ModuleFileNotFoundException.class, () -> sim.files.readBlock("nope", 0, 10));
        assertThrows(ModuleFileNotFoundException.class, () -> sim.files.size("nope"));
        assertThrows(ModuleFileNotFoundException.class, () -> sim.files.open("nope"));
    }

    @Test
    void namesCheckedBeforeAnyAt() {
        for (String bad : new String[] {"", "a/b", "a\"b", "a\r\nAT+CFUN=16", "x".repeat(249), "ü"}) {
            assertThrows(IllegalArgumentException.class, () -> sim.files.upload(bad, new byte[1]), bad);
            assertThrows(IllegalArgumentException.class, () -> sim.files.read(bad), bad);
            assertThrows(IllegalArgumentException.class, () -> sim.files.delete(bad), bad);
            assertFalse(ModuleFileNames.isValid(bad));
        }
        assertTrue(ModuleFileNames.isValid("x".repeat(248)));
        assertThrows(IllegalArgumentException.class, () -> sim.files.upload("empty", new byte[0]));
    }

    @Test
    void fullFileSystemIsAnError() throws Exception {
        long free = sim.files.free();
        sim.module.files().write("filler", new byte[(int) free - 10]);
        ModuleFileException e = assertThrows(ModuleFileException.class, () -> sim.files.upload("more", new byte[11]));
        assertTrue(e.getMessage().contains("ERROR"), e.getMessage());
        assertFalse(sim.module.files().exists("more"));
    }

    @Test
    void temporaryFilesStreamAndDisappear() throws Exception {
        byte[] body = "the response".getBytes(StandardCharsets.US_ASCII);
        String name;
        try (TemporaryModuleFile tmp = sim.files.createTemporary("http get")) {
            name = tmp.name();
            assertTrue(name.startsWith(ModuleFiles.TEMPORARY_PREFIX + "httpget-"), name);
            assertTrue(ModuleFileNames.isValid(name));
            sim.module.files().write(name, body); // what the module's HTTP client would do
            try (InputStream in = tmp.openAndDelete()) {
                assertArrayEquals(body, in.readAllBytes());
            }
            assertFalse(sim.module.files().exists(name), "closing the stream deleted the file");
        }
        // a temporary nobody read is removed by close(), and one never written costs nothing
        TemporaryModuleFile unread = sim.files.createTemporary("ftp");
        sim.module.files().write(unread.name(), body);
        TemporaryModuleFile unused = sim.files.createTemporary("ftp");
        unread.close();
        unused.close();
        assertFalse(sim.module.files().exists(unread.name()));
        assertTrue(sim.files.pendingTemporaries().isEmpty());
        // the service's close() removes what its callers forgot
        TemporaryModuleFile forgotten = sim.files.createTemporary("x");
        sim.module.files().write(forgotten.name(), body);
        sim.files.deleteTemporaries();
        assertFalse(sim.module.files().exists(forgotten.name()));
    }
}
