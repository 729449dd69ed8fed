package io.ucell.ppp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.ModemState;
import io.ucell.ppp.PppSimulatorTest.Sim;
import io.ucell.testsupport.UdpEchoServer;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import io.ucell.ppp.pppd.PppdOptions;
import io.ucell.ppp.pppd.PppdSession;
import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pppd consumer with a stand-in that speaks real PPP ({@link JavaPppd}, the test PPP client on stdin/stdout, as
 * pppd with notty) against the simulated module: credentials through the options file, IPCP, UDP echo, and on stop
 * SIGTERM, after which the stand-in (like pppd) sends an LCP Terminate-Request and the module hangs up.
 */
class PppdEndToEndTest {
    @TempDir
    Path dir;

    /** A "pppd" executable: a shell script that runs {@link JavaPppd} on this test's class path. */
    private Path standIn() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path script = dir.resolve("pppd");
        Files.writeString(script, "#!/bin/sh\nexec '" + java + "' -cp '" + cp + "' " + JavaPppd.class.getName() + " \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    @Test
    void pppdNegotiatesOverTheLinkAndEndsItOnStop() throws Exception {
        try (Sim sim = new Sim(ModuleModel.SARA_R5_02B); UdpEchoServer server = new UdpEchoServer()) {
            DialUpClient client = sim.client(new PppSettings(1, PppAuthType.CHAP, "gw-user", "gw pass\\word", false, null));
            PppLink link = client.dial();
            Path log = dir.resolve("pppd-log");
            PppdSession pppd = PppdSession.start(link, new PppdOptions(standIn(), List.of("noauth", "logfile", log.toString(),
                    "ipparam", Integer.toString(server.port())), "gw-user", "gw pass\\word", dir.resolve("work")));
            Path state = Path.of(log + ".state");
            Path echo = Path.of(log + ".echo");
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(echo));
            assertEquals("up 192.168.201.1 192.168.201.2 c223", Files.readString(state), "CHAP with the file's credentials");
            assertEquals("echo ok", Files.readString(echo));
            assertTrue(link.isOpen());
            assertEquals(ModemState.DATA_ACTIVE, sim.modem.status().state());

            pppd.stop(); // SIGTERM: the stand-in sends Terminate-Request, the module NO CARRIER
            assertTrue(Files.exists(Path.of(log + ".term")));
            assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(Duration.ofSeconds(5)),
                    "pppd ended PPP itself; no +++ needed");
            PppSimulatorTest.answers(sim);
        }
    }
}
