package io.ucell.simulator.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorComponentTest {

    private final SimulatorComponent component = new SimulatorComponent();

    @AfterEach
    void tearDown() {
        component.deactivate();
    }

    /** A configuration like DS would build it: the annotation's defaults, overridden by the given values. */
    static SimulatorComponentConfig config(Map<String, Object> overrides) {
        return (SimulatorComponentConfig) Proxy.newProxyInstance(SimulatorComponentConfig.class.getClassLoader(),
                new Class<?>[] { SimulatorComponentConfig.class }, (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return SimulatorComponentConfig.class;
                    }
                    if (method.getDeclaringClass() == Object.class || method.getDeclaringClass() == Annotation.class) {
                        return method.getName().equals("toString") ? "config" + overrides
                                : method.getName().equals("hashCode") ? 0 : proxy == args[0];
                    }
                    return overrides.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }

    static Map<String, Object> fast(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("port", 0);
        m.put("boot_time_ms", 50);
        m.put("registration_delay_ms", 50);
        m.put("processing_delay_ms", 1);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Sends one command, returns the lines up to and including the final result code. */
    static List<String> at(int port, String command) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            out.write(("ATE0\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            List<String> lines = new ArrayList<>();
            readUntilFinal(in, lines);
            lines.clear();
            out.write((command + "\r").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            readUntilFinal(in, lines);
            return lines;
        }
    }

    private static void readUntilFinal(BufferedReader in, List<String> lines) throws IOException {
        String line;
        while ((line = in.readLine()) != null) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("AT")) {
                continue;
            }
            lines.add(line);
            if (line.equals("OK") || line.contains("ERROR")) {
                return;
            }
        }
    }

    @Test
    void defaultsAreTheDocumentedOnes() {
        SimulatorComponentConfig c = config(Map.of());
        assertEquals("SARA-R5-02B", c.model());
        assertEquals(5000, c.port());
        assertEquals("127.0.0.1", c.bind_address());
        assertEquals(115200, c.baud());
        assertEquals(3000, c.boot_time_ms());
        assertTrue(c.enabled());
        assertEquals(Map.of(), SimulatorComponent.toSimulatorConfig(c).mqttSnPredefinedTopics());
    }

    @Test
    void mqttSnPredefinedTopicsFromIdEqualsTopicEntries() {
        SimulatorComponentConfig c = config(Map.of("mqttsn_predefined_topics", new String[] {"7=sensors/seven", " 12 = a/b ", ""}));
        assertEquals(Map.of(7, "sensors/seven", 12, "a/b"), SimulatorComponent.toSimulatorConfig(c).mqttSnPredefinedTopics());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SimulatorComponent
                .toSimulatorConfig(config(Map.of("mqttsn_predefined_topics", new String[] {"0=zero"}))));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SimulatorComponent
                .toSimulatorConfig(config(Map.of("mqttsn_predefined_topics", new String[] {"seven"}))));
    }

    @Test
    void servesTheConfiguredModelAndRestartsWithANewOne() throws Exception {
        component.activate(config(fast()));
        int port = component.port();
        assertTrue(port > 0);
        assertTrue(component.module().awaitReady(Duration.ofSeconds(5)));
        assertEquals(List.of("SARA-R510M8S", "OK"), at(port, "AT+CGMM"));

        component.modified(config(fast("model", "lexi-r422")));
        assertTrue(component.module().awaitReady(Duration.ofSeconds(5)));
        assertEquals(List.of("LEXI-R422", "OK"), at(component.port(), "AT+CGMM"));
        assertTrue(component.sim("status").contains("LEXI"), component.sim("status"));
    }

    /** A restart on a port someone holds for a moment (a client's connect meeting itself) waits for it. */
    @Test
    void restartWaitsForAPortHeldForAMoment() throws Exception {
        component.activate(config(fast()));
        int port = component.port();
        component.deactivate();
        java.net.ServerSocket holder = new java.net.ServerSocket();
        holder.setReuseAddress(true);
        holder.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        Thread release = new Thread(() -> {
            try {
                Thread.sleep(500);
                holder.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        release.start();
        component.modified(config(fast("port", port, "model", "LEXI-R520")));
        release.join();
        assertEquals(port, component.port());
        assertTrue(at(port, "AT+CGMM").contains("LEXI-R520"), "the module answers on the port once it is free");
    }

    @Test
    void nvmFileSurvivesARestart(@TempDir Path dir) throws Exception {
        Path nvm = dir.resolve("nvm.properties");
        component.activate(config(fast("nvm_file", nvm.toString())));
        assertTrue(component.module().awaitReady(Duration.ofSeconds(5)));
        // cid 2: the LTE attach activates cid 1 within the registration delay, and an active context cannot be redefined
        assertEquals(List.of("OK"), at(component.port(), "AT+CGDCONT=2,\"IP\",\"ucell.apn\""));
        assertTrue(Files.readString(nvm).contains("ucell.apn"));

        component.modified(config(fast("nvm_file", nvm.toString(), "model", "SARA-R5-01B")));
        assertTrue(component.module().awaitReady(Duration.ofSeconds(5)));
        List<String> read = at(component.port(), "AT+CGDCONT?");
        assertTrue(read.stream().anyMatch(l -> l.startsWith("+CGDCONT: 2,") && l.contains("\"ucell.apn\"")), read.toString());
    }

    @Test
    void disabledRunsNothingAndBadModelIsRejected() throws Exception {
        component.activate(config(fast("enabled", false)));
        assertEquals(-1, component.port());
        assertTrue(component.sim("status").contains("not running"));
        assertThrows(IllegalArgumentException.class, () -> component.modified(config(fast("model", "SARA-X1"))));
        assertEquals(-1, component.port());
    }
}
