package io.ucell.bench;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import io.ucell.at.AtCommand;
import io.ucell.at.AtEngineOptions;
import io.ucell.modem.ModemState;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;
import io.ucell.mqtt.PublishMode;
import io.ucell.mqtt.at.MqttAt;
import io.ucell.mqtt.client.ModuleMqttClient;
import io.ucell.mqtt.client.MqttSettings;
import io.ucell.simulator.SimulatedModule;
import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.SimulatorTcpServer;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.uart.UartTiming;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Properties;

/**
 * Publish rate of 100-byte messages through the module's MQTT client (MqttService on the simulated module at
 * 115200 baud, Moquette on loopback), as a fraction of what the AT exchange allows under the simulator's UART
 * model. Per publish the model counts the command line on the wire (plus '&gt;' and the payload for binary mode),
 * the module's processing delay, the OK, and then the longer of the 20 ms gap u-blox asks for after a final
 * result code and the +UUMQTTC: 2,1 URC the client waits for. The broker's own time is not in the model, so
 * QoS 1 pays its PUBACK round trip on top.
 *
 * <p>Run: {@code mvn -B -q -Pbench -pl tests/benchmarks -am -DskipTests verify}
 */
public final class MqttPublishBenchmark {
    private static final int BAUD = 115200;
    private static final Duration PROCESSING = Duration.ofMillis(10);
    private static final int WARMUP = 20;
    private static final int MEASURED = 150;
    private static final String TOPIC = "bench/module";

    public static void main(String[] args) throws Exception {
        int brokerPort;
        try (ServerSocket s = new ServerSocket(0)) {
            brokerPort = s.getLocalPort();
        }
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(brokerPort));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("netty.epoll", "false");
        p.setProperty("immediate_buffer_flush", "true");
        Server broker = new Server();
        broker.startServer(new MemoryConfig(p));
        SimulatorConfig config = SimulatorConfig.builder().model(ModuleModel.SARA_R5_02B).baud(BAUD)
                .bootTime(Duration.ofMillis(100)).registrationDelay(Duration.ofMillis(100)).processingDelay(PROCESSING).build();
        try (SimulatedModule module = new SimulatedModule(config);
                SimulatorTcpServer server = SimulatorTcpServer.start(module, 0)) {
            module.awaitReady(Duration.ofSeconds(10));
            ModemController modem = new ModemController(new ModemSettings("tcp://127.0.0.1:" + server.port(), BAUD, false,
                    "bench", PdpType.IP, 1, -1, "", "", "auto", Duration.ofSeconds(10), Duration.ofSeconds(10),
                    Duration.ofMillis(200), Duration.ofSeconds(2), 3, 6, Duration.ofSeconds(60)));
            modem.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (modem.status().state() != ModemState.DATA_ACTIVE) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("module not up: " + modem.status().state());
                }
                Thread.sleep(50);
            }
            try (ModuleMqttClient mqtt = new ModuleMqttClient(modem, MqttSettings.defaults().withServer("127.0.0.1", brokerPort)
                    .withKeepAlive(0, 0))) {
                mqtt.connect();
                System.out.println("MQTT publish, 100-byte payloads, MqttService on the simulated module (SARA-R5 02B) at "
                        + BAUD + " baud, processing " + PROCESSING.toMillis() + " ms, Moquette on loopback; " + MEASURED
                        + " publishes per row, each waiting for +UUMQTTC: 2,1");
                System.out.println(String.format(Locale.ROOT, "%-7s %4s %12s %12s %10s %10s %8s", "mode", "qos",
                        "model/msg", "measured", "model/s", "msg/s", "ratio"));
                byte[] text = new byte[100];
                for (int i = 0; i < text.length; i++) {
                    text[i] = (byte) ('a' + i % 26);
                }
                byte[] binary = new byte[100];
                for (int i = 0; i < binary.length; i++) {
                    binary[i] = (byte) (i * 37);
                }
                for (int qos : new int[] {0, 1}) {
                    row(mqtt, text, qos);
                    row(mqtt, binary, qos);
                }
                System.out.println("ratio = measured rate / the rate the AT exchange allows (1.00: the client and the "
                        + "simulator add nothing)");
                mqtt.disconnect();
            } finally {
                modem.close();
            }
        } finally {
            broker.stopServer();
        }
    }

    private static void row(ModuleMqttClient mqtt, byte[] payload, int qos) throws Exception {
        PublishMode mode = PublishMode.choose(payload);
        for (int i = 0; i < WARMUP; i++) {
            mqtt.publish(TOPIC, payload, qos, false);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < MEASURED; i++) {
            mqtt.publish(TOPIC, payload, qos, false);
        }
        double perMessage = (System.nanoTime() - t0) / (double) MEASURED;
        double model = modelNanos(payload, qos, mode);
        System.out.println(String.format(Locale.ROOT, "%-7s %4d %9.2f ms %9.2f ms %10.1f %10.1f %8.3f", mode, qos,
                model / 1e6, perMessage / 1e6, 1e9 / model, 1e9 / perMessage, model / perMessage));
    }

    /** Nanoseconds one publish takes on the wire and in the module, under the UART model. */
    static double modelNanos(byte[] payload, int qos, PublishMode mode) {
        AtCommand c = MqttAt.publish(TOPIC, payload, qos, false, mode);
        long commandBytes = c.text().length() + 1L; // CR
        if (mode == PublishMode.BINARY) {
            commandBytes += payload.length; // after '>'
        }
        long promptBytes = mode == PublishMode.BINARY ? 1 : 0;
        long okBytes = "\r\nOK\r\n".length();
        long urcBytes = ("\r\n+UUMQTTC: 2,1\r\n").getBytes(StandardCharsets.US_ASCII).length;
        long gap = AtEngineOptions.defaults().minCommandGap().toNanos();
        return UartTiming.transferNanos(commandBytes + promptBytes + okBytes, BAUD) + PROCESSING.toNanos()
                + Math.max(gap, UartTiming.transferNanos(urcBytes, BAUD));
    }
}
