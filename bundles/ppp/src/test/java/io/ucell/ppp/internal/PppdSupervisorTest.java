package io.ucell.ppp.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.ppp.FakeModemAccess;
import io.ucell.ppp.PppAuthType;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import io.ucell.ppp.pppd.PppdOptions;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pppd consumer keeps a link with pppd up: dials, runs pppd, dials again after the module hung up, stops. */
class PppdSupervisorTest {
    @TempDir
    Path dir;

    @Test
    void dialsRunsPppdRedialsAndStops() throws Exception {
        Path fake = dir.resolve("pppd");
        try (InputStream in = PppdSupervisorTest.class.getResourceAsStream("/io/ucell/ppp/pppd/fake-pppd.sh")) {
            Files.copy(in, fake);
        }
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        Path log = dir.resolve("fake");
        try (FakeModemAccess m = new FakeModemAccess(ModuleFamily.SARA_R5, ProductVersion.V02B)) {
            DialUpClient client = new DialUpClient(m.modem(), new PppSettings(1, PppAuthType.PAP, "u", "p", false, null));
            PppdSupervisor sup = new PppdSupervisor(m.modem(), client, new PppdOptions(fake, List.of("logfile",
                    log.toString()), "u", "p", dir), Duration.ofMillis(300));
            sup.start();
            try {
                supervised(m, client, log);
            } finally {
                sup.stop();
            }
            assertTrue(Files.exists(Path.of(log + ".term")), "SIGTERM to pppd");
            assertTrue(client.link().isEmpty(), "hung up");
            assertEquals("ATH", m.module().commands.get(m.module().commands.size() - 1));
        }
    }

    private static void supervised(FakeModemAccess m, DialUpClient client, Path log) throws Exception {
        Path started = Path.of(log + ".started");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started) && client.link().isPresent());
        assertEquals(1, m.module().commands.stream().filter(c -> c.equals("ATD*99***1#")).count());
        Files.delete(started);

        m.module().noCarrier(); // the peer ended the call: pppd is stopped, and after the delay a new call
        // pppd learns it from SIGTERM or from the end of its line (stdin), whichever comes first
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(Path.of(log + ".term"))
                || Files.exists(Path.of(log + ".eof")));
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started) && client.link().isPresent());
        assertEquals(2, m.module().commands.stream().filter(c -> c.equals("ATD*99***1#")).count());

        Files.deleteIfExists(Path.of(log + ".term"));
        Files.deleteIfExists(Path.of(log + ".eof"));
    }
}
