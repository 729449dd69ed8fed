package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.testsupport.FtpTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The distribution's FTP and file components in Felix: the modem service on the simulated module (whose FTP
 * client runs on the runtime's Commons Net bundle), FtpService configured through ConfigurationAdmin, against
 * Apache FtpServer on loopback.
 */
class FtpInFrameworkTest {
    static OsgiRuntime runtime;
    static FtpTestServer server;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("ftp-osgi");
        server = new FtpTestServer(dir, false);
        runtime = new OsgiRuntime();
        ModemInFrameworkTest.modulePort = OsgiRuntime.freePort();
        runtime.configure(ModemInFrameworkTest.SIM_PID, ModemInFrameworkTest.simulator("SARA-R5-02B"));
        runtime.configure(ModemInFrameworkTest.MODEM_PID, ModemInFrameworkTest.modem("ftp.apn"));
        runtime.configure("io.ucell.ftp", Map.of("server", "127.0.0.1", "port", server.port, "user", FtpTestServer.USER,
                "password", FtpTestServer.PASSWORD, "passive", true));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            Object modem = runtime.service("io.ucell.modem.ModemService");
            return modem != null && runtime.service("io.ucell.ftp.FtpService") != null
                    && runtime.service("io.ucell.files.ModuleFiles") != null
                    && String.valueOf(call(call(call(modem, "status"), "state"), "name")).equals("DATA_ACTIVE");
        });
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void transfersThroughTheComponents() throws Exception {
        assertEquals(List.of(), runtime.inactiveBundles());
        Object ftp = runtime.service("io.ucell.ftp.FtpService");
        Object files = runtime.service("io.ucell.files.ModuleFiles");
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        call(ftp, "put", "all.bin", all);
        assertArrayEquals(all, Files.readAllBytes(server.file("all.bin")));
        assertArrayEquals(all, (byte[]) call(ftp, "get", "all.bin"));
        assertEquals(List.of("all.bin"), call(ftp, "names", ""));
        // the module file system through its own service
        call(files, "upload", "note.txt", "hello".getBytes());
        assertArrayEquals("hello".getBytes(), (byte[]) call(files, "read", "note.txt"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> call(ftp, "get", "missing.bin"));
        assertEquals("io.ucell.ftp.FtpServerException", e.getCause().getClass().getName());
        assertEquals(550, call(e.getCause(), "replyCode"));
    }
}
