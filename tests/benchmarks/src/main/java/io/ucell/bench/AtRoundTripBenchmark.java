package io.ucell.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import io.ucell.at.transport.TcpTransport;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.uart.UartTiming;

/**
 * Prints the AT round trip through the engine against the simulated module as the ratio of the
 * measured time to the time the simulator's UART model predicts (bytes on the wire at 10 bits a
 * byte, plus the module's processing delay). A ratio of 1.00 means the engine adds nothing.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl tests/benchmarks -am -DskipTests verify}
 */
public final class AtRoundTripBenchmark {

    private static final int WARMUP = 100;
    private static final int MEASURED = 400;

    public static void main(String[] args) throws Exception {
        System.out.println("AT round trip, engine against the simulated module (SARA-R5 02B), AT+CSQ, "
                + MEASURED + " commands per row");
        System.out.println(String.format(Locale.ROOT, "%8s %12s %12s %12s %12s %8s %12s", "baud", "processing",
                "predicted", "mean", "median", "ratio", "raw median"));
        for (int baud : new int[] {115200, 921600}) {
            for (Duration processing : new Duration[] {Duration.ZERO, Duration.ofMillis(10)}) {
                run(baud, processing);
            }
        }
        System.out.println("ratio = mean measured / predicted; target at 115200: <= 1.10");
        System.out.println("raw median = the same command over a bare socket, no engine: the simulator's own share");
    }

    private static void run(int baud, Duration processing) throws Exception {
        SimulatorConfig config = SimulatorConfig.builder().model(ModuleModel.SARA_R5_02B).baud(baud)
                .bootTime(Duration.ofMillis(100)).processingDelay(processing).build();
        try (SimulatedModule module = new SimulatedModule(config);
                SimulatorTcpServer server = SimulatorTcpServer.start(module, 0)) {
            module.awaitReady(Duration.ofSeconds(10));
            // the gap between commands is not part of a round trip: measure the engine, not the pacing rule
            AtEngine engine = new AtEngine(new TcpTransport("127.0.0.1", server.port(), 20),
                    AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO)).start();
            try {
                engine.executeOk(AtCommand.basic("E0").build());
                AtCommand csq = AtCommand.action("+CSQ").build();
                AtResponse first = engine.executeOk(csq);
                long commandBytes = csq.text().length() + 1L; // CR
                long responseBytes = 0;
                for (AtLine line : first.lines()) {
                    responseBytes += line.text().length() + 4; // CR LF before and after
                }
                responseBytes += first.result().line().length() + 4;
                long predicted = UartTiming.roundTripNanos(commandBytes, responseBytes, baud, processing.toNanos());
                for (int i = 0; i < WARMUP; i++) {
                    engine.executeOk(csq);
                }
                long[] samples = new long[MEASURED];
                for (int i = 0; i < MEASURED; i++) {
                    long t0 = System.nanoTime();
                    engine.executeOk(csq);
                    samples[i] = System.nanoTime() - t0;
                }
                long raw = rawMedian(server.port(), csq.text(), 200);
                Arrays.sort(samples);
                double mean = Arrays.stream(samples).average().orElse(0);
                long median = samples[MEASURED / 2];
                System.out.println(String.format(Locale.ROOT, "%8d %9.1f ms %9.3f ms %9.3f ms %9.3f ms %8.3f %9.3f ms",
                        baud, processing.toNanos() / 1e6, predicted / 1e6, mean / 1e6, median / 1e6, mean / predicted,
                        raw / 1e6));
            } finally {
                engine.close();
            }
        }
    }

    /** Median round trip of the command over a bare socket (after the engine has let go of the module). */
    private static long rawMedian(int port, String command, int count) throws Exception {
        byte[] line = (command + "\r").getBytes(StandardCharsets.ISO_8859_1);
        long[] samples = new long[count];
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buf = new byte[512];
            for (int i = 0; i < count; i++) {
                long t0 = System.nanoTime();
                out.write(line);
                out.flush();
                StringBuilder got = new StringBuilder();
                while (got.indexOf("\r\nOK\r\n") < 0) {
                    int n = in.read(buf);
                    if (n < 0) {
                        throw new IllegalStateException("simulator closed the connection");
                    }
                    got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                }
                samples[i] = System.nanoTime() - t0;
            }
        }
        Arrays.sort(samples);
        return samples[count / 2];
    }
}
