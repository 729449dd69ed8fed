package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.HostPing;
import io.ucell.simulator.uart.UartTiming;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UartAndFaultTest {
    @TempDir
    Path tmp;

    @Test
    void byteTimeArithmetic() {
        assertEquals(1_041_666, UartTiming.byteTimeNanos(9600));
        assertEquals(1_041_666_666L, UartTiming.transferNanos(1000, 9600));
        assertEquals(86_805, UartTiming.byteTimeNanos(115200));
    }

    /** A 1000-byte answer at 9600 baud takes about 1.04 s on the wire. */
    @Test
    void answersArePacedAtTheBaudRate() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B, b -> b.baud(9600).processingDelay(Duration.ofMillis(10)))) {
            String payload = "x".repeat(1000 - "\r\n\r\n\r\nOK\r\n".length());
            s.module.commands().register("+XBIG", (c, m) -> Response.ok(payload));
            s.ok("ATE0");
            String cmd = "AT+XBIG";
            long t0 = System.nanoTime();
            String r = s.at.send(cmd, Duration.ofSeconds(10));
            long elapsed = System.nanoTime() - t0;
            assertEquals(1000, r.length());
            long predicted = UartTiming.roundTripNanos(cmd.length() + 1, r.length(), 9600,
                    Duration.ofMillis(10).toNanos());
            double ratio = (double) elapsed / predicted;
            assertTrue(ratio >= 0.95, "measured " + elapsed / 1e6 + " ms, predicted " + predicted / 1e6 + " ms");
        }
    }

    /** The '@' prompt: data sent sooner than 50 ms after it is garbled (XOR 0x55), later data is intact. */
    @Test
    void promptGuardCorruptsEarlyData() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.module.commands().register("+XDATA", (AtCommand c, io.ucell.simulator.commands.ModuleContext m) ->
                    Response.binaryPrompt(c.intParam(0),
                            data -> Response.ok("+XDATA: " + HexFormat.of().formatHex(data))));
            s.ok("ATE0");
            byte[] data = "hello".getBytes(StandardCharsets.US_ASCII);

            // too early: straight after '@'
            s.at.writeRaw("AT+XDATA=5\r");
            waitFor(s.at, "@");
            s.at.write(data);
            String early = s.at.awaitFinal(Duration.ofSeconds(2));
            byte[] garbled = new byte[data.length];
            for (int i = 0; i < data.length; i++) {
                garbled[i] = (byte) (data[i] ^ 0x55);
            }
            assertTrue(early.contains("+XDATA: " + HexFormat.of().formatHex(garbled)), AtClient.escape(early));
            assertEquals(5, s.module.corruptedPromptBytes());

            // the host waits the 50 ms the spec asks for
            s.at.writeRaw("AT+XDATA=5\r");
            waitFor(s.at, "@");
            Thread.sleep(60);
            s.at.write(data);
            String ok = s.at.awaitFinal(Duration.ofSeconds(2));
            assertTrue(ok.contains("+XDATA: " + HexFormat.of().formatHex(data)), AtClient.escape(ok));
        }
    }

    private static void waitFor(AtClient at, String s) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2000;
        int from = at.all().length();
        while (System.currentTimeMillis() < deadline) {
            String all = at.all();
            if (all.lastIndexOf(s) >= 0 && all.endsWith(s)) {
                return;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("no " + s + " after " + from);
    }

    @Test
    void registrationLossAndContextDeactivation() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_01B)) {
            s.ok("ATE0");
            s.ok("AT+CEREG=1");
            s.ok("AT+CGEREP=1");
            s.ok("AT+CGDCONT=1,\"IP\",\"apn\"");
            s.awaitRegistered();
            s.ok("AT+UPSD=0,0,0");
            s.ok("AT+UPSDA=0,3");
            s.at.awaitUrc("+UUPSDA", Duration.ofSeconds(2));

            s.module.deactivateContext(1);
            assertEquals("+CGEV: NW PDN DEACT 1", s.at.awaitUrc("+CGEV: NW PDN DEACT", Duration.ofSeconds(2)));
            assertEquals("+UUPSDD: 0", s.at.awaitUrc("+UUPSDD", Duration.ofSeconds(2)));
            assertEquals(List.of("+CGACT: 1,0"), AtClient.lines(s.ok("AT+CGACT?")));

            s.module.loseRegistration();
            assertEquals("+CEREG: 2", s.at.awaitUrc("+CEREG: 2", Duration.ofSeconds(2)));
            assertEquals(List.of("+COPS: 0"), AtClient.lines(s.ok("AT+COPS?")));
            s.module.regainRegistration();
            assertEquals("+CEREG: 1", s.at.awaitUrc("+CEREG: 1", Duration.ofSeconds(2)));
            s.ok("AT+CGACT=1,1");
            s.module.deactivateContext(1, false);
            assertEquals("+CGEV: ME PDN DEACT 1", s.at.awaitUrc("+CGEV: ME PDN DEACT", Duration.ofSeconds(2)));
        }
    }

    @Test
    void unresponsiveDelayUrcAndLineNoise() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R42_01B)) {
            s.ok("ATE0");
            s.module.emitUrc("+UUSORF: 0,12");
            assertEquals("+UUSORF: 0,12", s.at.awaitUrc("+UUSORF", Duration.ofSeconds(2)));

            s.module.setUnresponsive(true);
            s.at.writeRaw("AT\r");
            s.module.emitUrc("+CEREG: 1");
            assertEquals("", s.at.collect(Duration.ofMillis(200)));
            s.module.setUnresponsive(false);
            s.ok("AT");

            s.module.setResponseDelay(Duration.ofMillis(200));
            long t0 = System.nanoTime();
            s.ok("AT");
            assertTrue(System.nanoTime() - t0 >= Duration.ofMillis(190).toNanos());
            s.module.setResponseDelay(Duration.ZERO);

            s.module.dropNextBytes(2);
            assertEquals("\r\nu-blox\r\n\r\nOK\r\n".length() - 2, s.at.send("AT+CGMI").length());

            s.module.corruptNextBytes(3);
            s.at.writeRaw("AT\r");
            String noisy = s.at.collect(Duration.ofMillis(200));
            assertEquals(6, noisy.length());
            assertNotEquals("\r\nOK\r\n", noisy);
            s.ok("AT");
        }
    }

    @Test
    void controlConsoleDrivesFaults() throws Exception {
        try (Sim s = Sim.start(ModuleModel.SARA_R5_00B)) {
            ControlConsole cc = new ControlConsole(s.module);
            assertEquals("OK", cc.execute("urc +UUSOCL: 3"));
            assertEquals("+UUSOCL: 3", s.at.awaitUrc("+UUSOCL", Duration.ofSeconds(2)));
            assertEquals("OK", cc.execute("hang"));
            assertTrue(s.module.isUnresponsive());
            assertEquals("OK", cc.execute("unhang"));
            assertTrue(cc.execute("status").startsWith("model SARA-R5-00B"));
            assertTrue(cc.execute("bogus").startsWith("unknown command"));
            assertTrue(cc.execute("drop").startsWith("missing argument"));
            assertEquals("OK", cc.execute("reboot"));
            assertTrue(s.module.isBooting());
        }
    }

    /** The ping binary's output is parsed for the reply TTL and RTT. */
    @Test
    void pingBinaryOutputIsParsed() throws Exception {
        Path fake = tmp.resolve("ping");
        Files.writeString(fake, "#!/bin/sh\necho 'PING 127.0.0.1 (127.0.0.1) 32(60) bytes of data.'\n"
                + "echo '40 bytes from 127.0.0.1: icmp_seq=1 ttl=57 time=12.6 ms'\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        HostPing.Echo e = new HostPing(fake.toString()).ping(java.net.InetAddress.getLoopbackAddress(), 32, 1000, 64);
        assertEquals(57, e.ttl());
        assertEquals(13, e.rttMs());
    }
}
