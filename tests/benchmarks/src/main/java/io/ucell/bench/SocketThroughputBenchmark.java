package io.ucell.bench;

import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.uart.UartTiming;
import io.ucell.sockets.TcpSocket;
import io.ucell.sockets.WriteMode;
import io.ucell.sockets.client.SocketStack;
import io.ucell.sockets.client.StackSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Upload and download throughput of a module TCP socket (io.ucell.sockets) against the simulated module, as a
 * ratio of the best the AT protocol allows under the simulator's UART model: every command, prompt, payload
 * and answer byte on the wire at 10 bits a byte (UartTiming), the module's processing delay once per command,
 * the 20 ms the module asks for between commands, and 50 ms after each '@'. Uploads carry random bytes (no
 * base syntax possible), so the limit is the better of binary +USOWR with 1024 bytes and hex +USOWR with 512;
 * downloads are +USORD with 1024 raw bytes. Next to the client's automatic choice, a fixed 1024-byte binary
 * write (what most AT socket libraries do).
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl tests/benchmarks -am -DskipTests verify}
 */
public final class SocketThroughputBenchmark {
    private static final long GAP_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long PROMPT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final Duration PROCESSING = Duration.ofMillis(10);

    public static void main(String[] args) throws Exception {
        System.out.println("Module TCP socket throughput against the simulated module (SARA-R5 02B, processing "
                + PROCESSING.toMillis() + " ms a command, 20 ms command gap, 50 ms '@' guard)");
        System.out.println(String.format(Locale.ROOT, "%8s %9s %-16s %9s %8s %11s %11s %7s", "baud", "direction",
                "strategy", "bytes", "seconds", "bytes/s", "limit B/s", "ratio"));
        for (int baud : new int[] {115200, 921600}) {
            int bytes = baud == 115200 ? 48 * 1024 : 192 * 1024;
            run(baud, bytes);
        }
        System.out.println("ratio = measured / protocol limit; target for auto: >= 0.90 both ways at both rates");
    }

    private static void run(int baud, int bytes) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().model(ModuleModel.SARA_R5_02B).baud(baud)
                .bootTime(Duration.ofMillis(100)).registrationDelay(Duration.ofMillis(200)).processingDelay(PROCESSING)
                .build();
        try (SimulatedModule module = new SimulatedModule(config);
                SimulatorTcpServer server = SimulatorTcpServer.start(module, 0)) {
            module.awaitReady(Duration.ofSeconds(10));
            ModemController modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), baud,
                    false, "apn_name", PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(10), Duration.ofSeconds(10),
                    Duration.ofMillis(200), Duration.ofSeconds(1), 3, 6, Duration.ofMinutes(10)));
            modem.start();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (modem.status().state() != ModemState.DATA_ACTIVE) {
                if (System.nanoTime() > until) {
                    throw new IllegalStateException("modem not up: " + modem.status());
                }
                Thread.sleep(50);
            }
            byte[] data = new byte[bytes];
            new Random(42).nextBytes(data);
            double upLimit = Math.max(rate(1024, binaryUploadNanos(1024, baud)), rate(512, hexUploadNanos(512, baud)));
            double downLimit = rate(1024, downloadNanos(1024, baud));
            for (WriteMode mode : new WriteMode[] {WriteMode.AUTO, WriteMode.BINARY}) {
                try (SocketStack sockets = new SocketStack(modem, StackSettings.defaults().withBaud(baud).withWriteMode(mode))) {
                    String name = mode == WriteMode.AUTO ? "auto" : "fixed 1024 binary";
                    print(baud, "upload", name, bytes, upload(sockets, data), upLimit);
                    if (mode == WriteMode.AUTO) {
                        print(baud, "download", "auto (+USORD 1024)", bytes, download(sockets, data), downLimit);
                    }
                }
            }
            modem.close();
        }
    }

    private static void print(int baud, String dir, String strategy, int bytes, long nanos, double limit) {
        double rate = bytes / (nanos / 1e9);
        System.out.println(String.format(Locale.ROOT, "%8d %9s %-16s %9d %8.2f %11.0f %11.0f %7.3f", baud, dir, strategy,
                bytes, nanos / 1e9, rate, limit, rate / limit));
    }

    private static double rate(int bytes, long nanos) {
        return bytes / (nanos / 1e9);
    }

    /** AT+USOWR=0,1024 CR, processing, '@', 50 ms, the data, the answer, the gap. */
    static long binaryUploadNanos(int n, int baud) {
        int command = ("AT+USOWR=0," + n + "\r").length();
        int answer = ("\r\n+USOWR: 0," + n + "\r\n" + "\r\nOK\r\n").length();
        return UartTiming.transferNanos(command + 1L + n + answer, baud) + PROCESSING.toNanos() + PROMPT_NANOS
                + GAP_NANOS;
    }

    /** AT+USOWR=0,512,"<1024 hex digits>" CR, processing, the answer, the gap. */
    static long hexUploadNanos(int n, int baud) {
        int command = ("AT+USOWR=0," + n + ",\"").length() + 2 * n + 2;
        int answer = ("\r\n+USOWR: 0," + n + "\r\n" + "\r\nOK\r\n").length();
        return UartTiming.transferNanos(command + (long) answer, baud) + PROCESSING.toNanos() + GAP_NANOS;
    }

    /** AT+USORD=0,1024 CR, processing, +USORD: 0,1024,"<data>", OK, the gap. */
    static long downloadNanos(int n, int baud) {
        int command = ("AT+USORD=0," + n + "\r").length();
        int answer = ("\r\n+USORD: 0," + n + ",\"").length() + n + "\"\r\n\r\nOK\r\n".length();
        return UartTiming.transferNanos(command + (long) answer, baud) + PROCESSING.toNanos() + GAP_NANOS;
    }

    /** Time from the first write until a sink on loopback has every byte. */
    private static long upload(SocketStack sockets, byte[] data) throws Exception {
        try (ServerSocket sink = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> received = CompletableFuture.supplyAsync(() -> {
                try (Socket c = sink.accept(); InputStream in = c.getInputStream()) {
                    byte[] buf = new byte[16384];
                    long total = 0;
                    int n;
                    while (total < data.length && (n = in.read(buf)) > 0) {
                        total += n;
                    }
                    return System.nanoTime();
                } catch (IOException e) {
                    throw new RuntimeException(e);
                }
            });
            try (TcpSocket s = sockets.connect("127.0.0.1", sink.getLocalPort())) {
                Thread.sleep(300); // let the connect's follow-up commands settle
                long t0 = System.nanoTime();
                s.getOutputStream().write(data);
                return received.get(10, TimeUnit.MINUTES) - t0;
            }
        }
    }

    /** Time from the peer's first byte until the application has read every byte. */
    private static long download(SocketStack sockets, byte[] data) throws Exception {
        try (ServerSocket source = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Long> started = CompletableFuture.supplyAsync(() -> {
                try {
                    Socket c = source.accept();
                    Thread.sleep(300);
                    long t0 = System.nanoTime();
                    OutputStream out = c.getOutputStream();
                    out.write(data);
                    out.flush();
                    return t0;
                } catch (IOException | InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            try (TcpSocket s = sockets.connect("127.0.0.1", source.getLocalPort())) {
                InputStream in = s.getInputStream();
                byte[] got = new byte[data.length];
                int total = 0;
                while (total < data.length) {
                    int n = in.read(got, total, data.length - total);
                    if (n < 0) {
                        throw new IOException("end of stream after " + total);
                    }
                    total += n;
                }
                long end = System.nanoTime();
                if (!java.util.Arrays.equals(got, data)) {
                    throw new IllegalStateException("download corrupted");
                }
                return end - started.get();
            }
        }
    }
}
