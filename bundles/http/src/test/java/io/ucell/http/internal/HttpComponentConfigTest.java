package io.ucell.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.http.HttpException;
import io.ucell.modem.ModemService;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration checks of the component, refused configurations, and the metatype bnd generates. */
class HttpComponentConfigTest {

    /** An HttpConfig with the annotation's defaults, some values replaced. */
    static HttpConfig config(int profile, String server, String username, int timeout, int linger) {
        return new HttpConfig() {
            public Class<? extends Annotation> annotationType() {
                return HttpConfig.class;
            }

            public int profile() {
                return profile;
            }

            public String server() {
                return server;
            }

            public String username() {
                return username;
            }

            public String password() {
                return "";
            }

            public int security_profile() {
                return 0;
            }

            public int timeout() {
                return timeout;
            }

            public int linger() {
                return linger;
            }

            public int pdp_cid() {
                return -1;
            }

            public int pdp_ip_type() {
                return 0;
            }

            public int queue_timeout() {
                return 120;
            }
        };
    }

    @Test
    void validAndRefusedConfigurations() {
        assertEquals(List.of(), HttpComponent.problems(config(0, "http://127.0.0.1:8080", "", 60, -1), ""));
        assertEquals(List.of(), HttpComponent.problems(config(3, "https://example.org", "user", 180, 120), "pw"));
        assertTrue(HttpComponent.problems(config(4, "", "", 60, -1), "").get(0).contains("profile must be 0-3"));
        assertTrue(HttpComponent.problems(config(0, "mqtt://x", "", 60, -1), "").get(0).startsWith("server"));
        assertTrue(HttpComponent.problems(config(0, "", "", 29, -1), "").get(0).contains("30-180"));
        assertTrue(HttpComponent.problems(config(0, "", "", 60, 121), "").get(0).contains("linger"));
        List<String> pw = HttpComponent.problems(config(0, "", "user", 60, -1), "x".repeat(31));
        assertTrue(pw.get(0).startsWith("password"), pw.toString());
    }

    private static ModemService noModem() {
        return (ModemService) Proxy.newProxyInstance(ModemService.class.getClassLoader(), new Class<?>[] {ModemService.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> "no modem";
                    case "hashCode" -> 0;
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void aRefusedConfigurationKeepsThePreviousOne() throws Exception {
        HttpComponent c = new HttpComponent();
        Field modem = HttpComponent.class.getDeclaredField("modem");
        modem.setAccessible(true);
        modem.set(c, noModem());

        // refused at activation: requests fail with the reason
        c.activate(config(9, "", "", 60, -1), Map.of());
        assertTrue(c.configError().contains("profile must be 0-3"), c.configError());
        HttpException e = assertThrows(HttpException.class, () -> c.get("http://127.0.0.1/"));
        assertTrue(e.getMessage().contains("configuration refused"), e.getMessage());

        c.modified(config(2, "http://127.0.0.1:81", "user", 45, -1), Map.of("password", "pw"));
        assertNull(c.configError());
        assertEquals(2, c.settings().profile());
        assertEquals("pw", c.settings().password());

        c.modified(config(1, "http://127.0.0.1:82", "user", 500, -1), Map.of("password", "pw"));
        assertTrue(c.configError().contains("30-180"), c.configError());
        assertEquals(2, c.settings().profile());
        assertEquals("http://127.0.0.1:81", c.settings().server());
        // still usable with the previous configuration: it gets as far as the (absent) modem
        e = assertThrows(HttpException.class, () -> c.get("/x"));
        assertTrue(e.getMessage().contains("not ready"), e.getMessage());
    }

    @Test
    void metatypeIdIsThePid() throws Exception {
        Path xml = Path.of("target/classes/OSGI-INF/metatype/" + HttpComponent.PID + ".xml");
        String text = Files.readString(xml);
        assertTrue(text.contains("id=\"" + HttpComponent.PID + "\""), text);
        assertTrue(text.contains("type=\"Password\""), text);
        assertTrue(text.contains("linger"), text);
        Path ds = Path.of("target/classes/OSGI-INF/" + HttpComponent.class.getName() + ".xml");
        String component = Files.readString(ds);
        assertTrue(component.contains("kura.service.pid"), component);
        assertTrue(component.contains("io.ucell.http.HttpService"), component);
        assertTrue(component.contains("org.eclipse.kura.configuration.ConfigurableComponent"), component);
    }
}
