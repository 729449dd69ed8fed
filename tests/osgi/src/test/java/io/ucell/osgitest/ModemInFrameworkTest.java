package io.ucell.osgitest;

import static io.ucell.osgitest.OsgiRuntime.call;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution's bundles in Felix: the simulated module and the modem service are configured through
 * ConfigurationAdmin, as Kura's web UI would, and the modem reaches DATA_ACTIVE on every simulated family.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModemInFrameworkTest {

    static final String MODEM_PID = "io.ucell.modem";
    static final String SIM_PID = "io.ucell.simulator";
    static final String[] MODELS = {"SARA-R5-00B", "SARA-R5-01B", "SARA-R5-02B", "LEXI-R520", "SARA-R42-00B",
        "SARA-R42-01B", "LEXI-R422", "SARA-R422"};

    /** What the modem service must detect for each simulated model: family and product version. */
    static final Map<String, String[]> EXPECTED_DETECTION = Map.of(
            "SARA-R5-00B", new String[] {"SARA-R5", "00B"},
            "SARA-R5-01B", new String[] {"SARA-R5", "01B"},
            "SARA-R5-02B", new String[] {"SARA-R5", "02B"},
            "LEXI-R520", new String[] {"LEXI-R520", "02B"},
            "SARA-R42-00B", new String[] {"SARA-R42", "00B"},
            "SARA-R42-01B", new String[] {"SARA-R42", "01B"},
            "LEXI-R422", new String[] {"LEXI-R422", "01B"},
            "SARA-R422", new String[] {"SARA-R422", "01B"});

    static OsgiRuntime runtime;
    static int modulePort;

    @BeforeAll
    static void start() throws Exception {
        runtime = new OsgiRuntime();
        modulePort = OsgiRuntime.freePort();
    }

    @AfterAll
    static void stop() throws Exception {
        if (runtime != null) {
            runtime.close();
        }
    }

    static Map<String, Object> simulator(String model) {
        Map<String, Object> p = new HashMap<>();
        p.put("model", model);
        p.put("port", modulePort);
        p.put("bind.address", "127.0.0.1");
        p.put("baud", 921600);
        p.put("boot.time.ms", 300);
        p.put("registration.delay.ms", 200);
        p.put("processing.delay.ms", 1);
        return p;
    }

    static Map<String, Object> modem(String apn) {
        Map<String, Object> p = new HashMap<>();
        p.put("endpoint", "tcp://127.0.0.1:" + modulePort);
        p.put("baud", 921600);
        p.put("apn", apn);
        p.put("pdp.type", "IP");
        p.put("cid", 1);
        p.put("registration.timeout", 30);
        p.put("backoff.base", 200L);
        p.put("backoff.cap", 2000L);
        return p;
    }

    static Object modemService() {
        Object s = runtime.service("io.ucell.modem.ModemService");
        if (s == null) {
            throw new AssertionError("ModemService is not registered");
        }
        return s;
    }

    static Object status() {
        return call(modemService(), "status");
    }

    static String state(Object status) {
        return String.valueOf(call(call(status, "state"), "name"));
    }

    @Test
    @Order(1)
    void everyBundleIsActive() {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.inactiveBundles().isEmpty());
        assertEquals(List.of(), runtime.inactiveBundles());
    }

    @Test
    @Order(2)
    void dataActiveOnEveryFamily() throws Exception {
        for (String model : MODELS) {
            runtime.configure(SIM_PID, simulator(model));
            runtime.configure(MODEM_PID, modem("internet." + model.toLowerCase()));
            String[] expected = EXPECTED_DETECTION.get(model);
            try {
                // the first configuration registers the service asynchronously: "not registered" is not a failure yet
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                        .ignoreExceptionsInstanceOf(AssertionError.class).until(() -> {
                    Object s = status();
                    return state(s).equals("DATA_ACTIVE") && !String.valueOf(call(s, "ipv4")).isEmpty()
                            && expected[0].equals(call(s, "family")) && expected[1].equals(call(s, "productVersion"));
                });
            } catch (ConditionTimeoutException e) {
                throw new AssertionError(model + ": expected DATA_ACTIVE as " + String.join(" ", expected)
                        + ", last status " + status(), e);
            }
            Object s = status();
            assertTrue(String.valueOf(call(s, "ipv4")).matches("\\d+\\.\\d+\\.\\d+\\.\\d+"), model + ": " + s);
        }
    }

    @Test
    @Order(3)
    void refusedConfigurationKeepsThePreviousOne() throws Exception {
        runtime.configure(SIM_PID, simulator("SARA-R5-02B"));
        runtime.configure(MODEM_PID, modem("good.apn"));
        await().atMost(Duration.ofSeconds(60)).until(() -> state(status()).equals("DATA_ACTIVE")
                && String.valueOf(call(status(), "configError")).isEmpty());
        String ipBefore = String.valueOf(call(status(), "ipv4"));
        runtime.configure(MODEM_PID, modem("bad\"apn\r\nAT+CFUN=16"));
        await().atMost(Duration.ofSeconds(10)).until(() -> !String.valueOf(call(status(), "configError")).isEmpty());
        Object s = status();
        assertTrue(String.valueOf(call(s, "configError")).toLowerCase().contains("apn"), String.valueOf(s));
        assertEquals("DATA_ACTIVE", state(s));
        assertEquals(ipBefore, String.valueOf(call(s, "ipv4")));
        Object ctx = ((java.util.Optional<?>) call(s, "activeContext")).orElseThrow();
        assertEquals("good.apn", String.valueOf(call(ctx, "apn")));
    }

    @Test
    @Order(4)
    void gogoCommandsShowTheModem() {
        Object commands = runtime.service("io.ucell.console.ModemCommands");
        String status = String.valueOf(call(commands, "status"));
        assertTrue(status.contains("DATA_ACTIVE"), status);
        assertTrue(status.contains(String.valueOf(call(status(), "ipv4"))), status);
        String csq = String.valueOf(call(commands, "at", "AT+CSQ"));
        assertTrue(csq.startsWith("+CSQ: ") && csq.endsWith("OK"), csq);
        String ping = String.valueOf(call(commands, "ping", "127.0.0.1"));
        assertTrue(ping.contains("from 127.0.0.1"), ping);
    }

    /** What a person sees in the Web Console: the modem's configuration form and its status page. */
    @Test
    @Order(5)
    void webConsoleShowsTheFormAndTheStatus(@TempDir Path profile) throws Exception {
        if (System.getenv("UCELL_REQUIRE_CHROMIUM") == null) {
            assumeTrue(HeadlessChromium.available(), "chromium not installed (.ci/run installs it)");
        }
        String base = "http://admin:admin@127.0.0.1:" + runtime.httpPort + "/system/console";
        String form = HeadlessChromium.dumpDom(base + "/configMgr/" + MODEM_PID, profile.resolve("a"), 8000);
        // the form is rendered by the console's scripts from our metatype
        for (String label : new String[] {"Endpoint", "APN", "PDP type", "MNO profile", "Password",
            "Registration timeout"}) {
            assertTrue(form.contains(">" + label), "form shows the field " + label);
        }
        assertTrue(form.matches("(?s).*<input[^>]*type=\"password\"[^>]*name=\"password\".*")
                || form.matches("(?s).*<input[^>]*name=\"password\"[^>]*type=\"password\".*"),
                "the password is a masked field");
        String page = HeadlessChromium.dumpDom(base + "/ucell", profile.resolve("b"), 3000);
        String text = page.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
        assertTrue(text.contains("State DATA_ACTIVE"), text);
        assertTrue(text.contains("IPv4 " + call(status(), "ipv4")), text);
        assertTrue(text.contains("Model SARA-R510M8S"), text);
        Path shots = Path.of("target", "screenshots");
        Files.createDirectories(shots);
        HeadlessChromium.screenshot(base + "/ucell", profile.resolve("c"), shots.resolve("ucell-status.png"));
        HeadlessChromium.screenshot(base + "/configMgr/" + MODEM_PID, profile.resolve("d"),
                shots.resolve("modem-configuration.png"));
    }
}
