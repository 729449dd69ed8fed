package io.ucell.simulator;

import static io.ucell.simulator.SocketSupport.allByteValues;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.files.FileSystemFullException;
import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.model.ModuleModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The module file system: the Java API and +UDWNFILE, +URDFILE, +URDBLOCK, +UDELFILE, +ULSTFILE. */
class FileSystemTest {

    private static byte[] payload(String response, String prefix, String name) {
        String head = prefix + ": \"" + name + "\",";
        int at = response.indexOf(head);
        assertTrue(at >= 0, AtClient.escape(response));
        int countStart = at + head.length();
        int comma = response.indexOf(',', countStart);
        int count = Integer.parseInt(response.substring(countStart, comma));
        assertEquals('"', response.charAt(comma + 1));
        byte[] data = response.substring(comma + 2, comma + 2 + count).getBytes(StandardCharsets.ISO_8859_1);
        assertEquals('"', response.charAt(comma + 2 + count), "closing quote after the counted bytes");
        return data;
    }

    @Test
    void downloadReadBackEveryByteValue() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            byte[] all = allByteValues();
            String r = s.at.sendWithPrompt("AT+UDWNFILE=\"all.bin\",256", all, '>');
            assertEquals("OK", AtClient.finalCode(r), AtClient.escape(r));
            assertArrayEquals(all, s.module.files().read("all.bin"));
            assertArrayEquals(all, payload(s.ok("AT+URDFILE=\"all.bin\""), "+URDFILE", "all.bin"));
            // blocks: from the middle, and past the end only what exists
            byte[] block = payload(s.ok("AT+URDBLOCK=\"all.bin\",10,20"), "+URDBLOCK", "all.bin");
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 10, 30), block);
            block = payload(s.ok("AT+URDBLOCK=\"all.bin\",250,100"), "+URDBLOCK", "all.bin");
            assertArrayEquals(java.util.Arrays.copyOfRange(all, 250, 256), block);
            assertEquals(List.of("+ULSTFILE: 256"), SocketSupport.info(s.ok("AT+ULSTFILE=2,\"all.bin\"")));
        }
    }

    @Test
    void secondDownloadAppendsAndDeleteRemoves() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.at.sendWithPrompt("AT+UDWNFILE=\"postdata.txt\",11", "hello world".getBytes(StandardCharsets.US_ASCII), '>');
            String r = s.at.sendWithPrompt("AT+UDWNFILE=\"postdata.txt\",3", "!!!".getBytes(StandardCharsets.US_ASCII), '>');
            assertEquals("OK", AtClient.finalCode(r));
            assertEquals(List.of("+URDFILE: \"postdata.txt\",14,\"hello world!!!\""),
                    SocketSupport.info(s.ok("AT+URDFILE=\"postdata.txt\"")));
            long capacity = ModuleFileSystem.capacityOf(ModuleModel.SARA_R42_01B);
            assertEquals(List.of("+ULSTFILE: " + (capacity - 14)), SocketSupport.info(s.ok("AT+ULSTFILE=1")));
            s.module.files().write("b.txt", new byte[] {1});
            assertEquals(List.of("+ULSTFILE: \"postdata.txt\",\"b.txt\""), SocketSupport.info(s.ok("AT+ULSTFILE=0")));
            assertEquals(List.of("+ULSTFILE: \"postdata.txt\",\"b.txt\""), SocketSupport.info(s.ok("AT+ULSTFILE")));
            s.ok("AT+UDELFILE=\"postdata.txt\"");
            assertEquals(List.of("+ULSTFILE: \"b.txt\""), SocketSupport.info(s.ok("AT+ULSTFILE=0")));
            assertEquals(List.of("+ULSTFILE: " + (capacity - 1)), SocketSupport.info(s.ok("AT+ULSTFILE=1")));
        }
    }

    @Test
    void errors() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("AT+CMEE=1");
            assertEquals("+CME ERROR: 22", s.fin("AT+URDFILE=\"missing\""));
            assertEquals("+CME ERROR: 22", s.fin("AT+URDBLOCK=\"missing\",0,10"));
            assertEquals("+CME ERROR: 22", s.fin("AT+UDELFILE=\"missing\""));
            assertEquals("+CME ERROR: 22", s.fin("AT+ULSTFILE=2,\"missing\""));
            assertEquals("+CME ERROR: 50", s.fin("AT+UDWNFILE=\"a/b\",3"));
            assertEquals("+CME ERROR: 50", s.fin("AT+UDWNFILE=\"" + "x".repeat(249) + "\",3"));
            assertEquals("+CME ERROR: 50", s.fin("AT+UDWNFILE=\"a\",0"));
            assertEquals("+CME ERROR: 50", s.fin("AT+UDWNFILE=noquotes,3"));
            // no room: refused before the prompt, nothing written
            long free = s.module.files().free();
            assertEquals("+CME ERROR: 20", s.fin("AT+UDWNFILE=\"big\"," + (free + 1)));
            assertFalse(s.module.files().exists("big"));
            // the module is still in command mode
            s.ok("AT");
        }
    }

    @Test
    void filesSurviveReboot() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.module.files().write("keep.txt", "kept".getBytes(StandardCharsets.US_ASCII));
            s.module.reboot();
            s.module.awaitReady(java.time.Duration.ofSeconds(5));
            assertEquals(List.of("+URDFILE: \"keep.txt\",4,\"kept\""), SocketSupport.info(s.ok("AT+URDFILE=\"keep.txt\"")));
        }
    }

    @Test
    void javaApi() throws Exception {
        ModuleFileSystem fs = new ModuleFileSystem(100);
        assertTrue(ModuleFileSystem.validName("result.txt"));
        assertTrue(ModuleFileSystem.validName("x".repeat(248)));
        for (String bad : new String[] {null, "", "x".repeat(249), "a/b", "a\\b", "a:b", "a*b", "a?b", "a\"b", "a<b",
            "a>b", "a|b", "a\rb", "é"}) {
            assertFalse(ModuleFileSystem.validName(bad), String.valueOf(bad));
        }
        assertThrows(IllegalArgumentException.class, () -> fs.write("a/b", new byte[1]));
        fs.write("a", new byte[60]);
        assertThrows(FileSystemFullException.class, () -> fs.write("b", new byte[41]));
        assertFalse(fs.exists("b"));
        fs.write("a", new byte[100]); // replacing frees the old content first
        assertEquals(0, fs.free());
        fs.write("a", new byte[10]);
        fs.append("a", new byte[] {7});
        assertEquals(11, fs.size("a"));
        assertEquals(89, fs.free());
        assertEquals(-1, fs.size("zz"));
        assertThrows(NoSuchFileException.class, () -> fs.read("zz"));
        assertTrue(fs.delete("a"));
        assertFalse(fs.delete("a"));
        assertEquals(100, fs.free());
        assertEquals(List.of(), fs.list());
    }

    @Test
    void concurrentAppendsKeepTheAccountingRight() throws Exception {
        ModuleFileSystem fs = new ModuleFileSystem(1_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> jobs = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            jobs.add(pool.submit(() -> {
                for (int i = 0; i < 500; i++) {
                    fs.append("log", new byte[10]);
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertEquals(20_000, fs.size("log"));
        assertEquals(1_000_000 - 20_000, fs.free());
    }
}
