package io.ucell.ppp.pppd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.ppp.FakeModemAccess;
import io.ucell.ppp.LinkEnd;
import io.ucell.ppp.PppAuthType;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * pppd on a link, with a stand-in executable (src/test/resources/.../fake-pppd.sh: records its arguments and
 * options file, then copies the link back to itself) because this machine has no /dev/ppp for the real pppd.
 */
class PppdSessionTest {
    @TempDir
    Path dir;
    private FakeModemAccess modem;
    private Path fakePppd;
    private Path log;

    @BeforeEach
    void setUp() throws Exception {
        modem = new FakeModemAccess(ModuleFamily.SARA_R42, ProductVersion.V01B);
        fakePppd = dir.resolve("pppd");
        try (InputStream in = PppdSessionTest.class.getResourceAsStream("fake-pppd.sh")) {
            Files.copy(in, fakePppd);
        }
        Files.setPosixFilePermissions(fakePppd, PosixFilePermissions.fromString("rwx------"));
        log = dir.resolve("fake");
    }

    @AfterEach
    void tearDown() {
        modem.close();
    }

    private PppLink dial(String user, String password) throws PppException {
        DialUpClient client = new DialUpClient(modem.modem(), new PppSettings(1, PppAuthType.PAP, user, password, false, null));
        return client.dial();
    }

    private PppdOptions options(String user, String password) {
        return new PppdOptions(fakePppd, List.of("noauth", "logfile", log.toString()), user, password, dir.resolve("work"));
    }

    private String read(String suffix) throws Exception {
        Path p = Path.of(log + suffix);
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(p) && Files.size(p) > 0);
        return Files.readString(p);
    }

    @Test
    void pppdGetsTheLinkAndTheCredentialsOnlyThroughAnOwnerOnlyFile() throws Exception {
        String password = "pw with space\\and backslash";
        PppLink link = dial("ppp-user", password);
        PppdSession s = PppdSession.start(link, options("ppp-user", password));
        List<String> args = List.of(read(".args").split("\n"));
        assertEquals(List.of("notty", "nodetach", "file"), args.subList(0, 3));
        assertEquals(List.of("noauth", "logfile", log.toString()), args.subList(4, 7));
        assertTrue(args.stream().noneMatch(a -> a.contains("pw with")), "no password on the command line: " + args);
        assertEquals("600", read(".mode").trim());
        assertEquals("user \"ppp-user\"\npassword \"pw with space\\\\and backslash\"\n", read(".options"));
        read(".started");

        // the link's bytes reach pppd's stdin; what pppd writes goes to the module
        byte[] frame = {0x7E, (byte) 0xFF, 0x7D, 0x23, (byte) 0xC0, 0x21, 0x7E};
        modem.module().sendData(frame);
        await().atMost(Duration.ofSeconds(5)).until(() -> java.util.Arrays.equals(frame, modem.module().hostBytes()));

        // stop: SIGTERM to pppd, then the hang-up (+++, OK, ATH)
        s.stop();
        assertEquals("TERM", read(".term").trim());
        assertFalse(s.isAlive());
        assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(Duration.ofSeconds(1)));
        List<String> cmds = modem.module().commands;
        assertEquals("ATH", cmds.get(cmds.size() - 1));
        try (Stream<Path> left = Files.list(dir.resolve("work"))) {
            assertEquals(0, left.count(), "the options file is deleted");
        }
    }

    @Test
    void theModuleHangingUpStopsPppd() throws Exception {
        PppLink link = dial("u", "p");
        PppdSession s = PppdSession.start(link, options("u", "p"));
        read(".started");
        modem.module().noCarrier();
        // pppd learns it from SIGTERM or from the end of its line (stdin), whichever comes first
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(Path.of(log + ".term"))
                || Files.exists(Path.of(log + ".eof")));
        await().atMost(Duration.ofSeconds(5)).until(() -> s.exited().isDone());
        assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(Duration.ofSeconds(1)));
    }

    @Test
    void pppdExitingHangsUpTheLink() throws Exception {
        PppLink link = dial("u", "p");
        PppdSession s = PppdSession.start(link, new PppdOptions(Path.of("/bin/true"), List.of(), "", "", dir));
        await().atMost(Duration.ofSeconds(5)).until(() -> s.exited().isDone());
        assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(Duration.ofSeconds(5)));
        assertTrue(modem.module().commands.contains("ATH"));
    }

    @Test
    void withoutCredentialsThereIsNoOptionsFile() throws Exception {
        PppLink link = dial("u", "p");
        PppdSession s = PppdSession.start(link, options("", ""));
        List<String> args = List.of(read(".args").split("\n"));
        assertEquals(List.of("notty", "nodetach", "noauth", "logfile", log.toString()), args);
        s.close();
    }

    @Test
    void aMissingPppdIsRefusedClearly() throws Exception {
        PppLink link = dial("u", "p");
        PppException e = assertThrows(PppException.class, () -> PppdSession.start(link,
                new PppdOptions(dir.resolve("no-pppd"), List.of(), "", "", dir)));
        assertTrue(e.getMessage().contains("not an executable"), e.getMessage());
        link.hangUp();
    }

    @Test
    void optionsAreSplitLikeAShellWould() {
        assertEquals(List.of("noauth", "ipparam", "a b", "x\"y"), PppdOptions.split(" noauth  ipparam 'a b' 'x\"y'"));
        assertEquals(List.of("name", ""), PppdOptions.split("name \"\""));
        assertEquals(List.of(), PppdOptions.split("   "));
        assertEquals("\"a\\\"b\\\\\"", PppdSession.quoted("a\"b\\"));
    }
}
