package io.ucell.ppp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.ppp.PortFilter;
import io.ucell.ppp.PppAuthType;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration checks of the component per family, and the descriptors bnd generates from it. */
class PppComponentConfigTest {
    static final ModuleCapabilities R5_02B = ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V02B);
    static final ModuleCapabilities R5_00B = ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V00B);
    static final ModuleCapabilities R42_01B = ModuleCapabilities.of(ModuleFamily.SARA_R42, ProductVersion.V01B);

    /** A PppConfig with the annotation's defaults, some values replaced (keys are the method names). */
    static PppConfig config(Object... keyValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put((String) keyValues[i], keyValues[i + 1]);
        }
        return (PppConfig) Proxy.newProxyInstance(PppConfig.class.getClassLoader(), new Class<?>[] {PppConfig.class},
                (proxy, m, args) -> m.getName().equals("annotationType") ? PppConfig.class
                        : values.containsKey(m.getName()) ? values.get(m.getName()) : m.getDefaultValue());
    }

    static List<String> problems(PppConfig c, String password, ModuleCapabilities caps) {
        List<String> errors = new ArrayList<>();
        PppComponent.Accepted a = PppComponent.check(c, password, caps, errors);
        assertEquals(errors.isEmpty(), a != null);
        return errors;
    }

    @Test
    void defaultsAreValidWhereAuthenticationIsOptional() {
        assertEquals(List.of(), problems(config(), "", R42_01B));
        assertEquals(List.of(), problems(config(), "", null), "family checks wait for the module's identity");
        List<String> r5 = problems(config(), "", R5_02B);
        assertEquals(1, r5.size(), r5.toString());
        assertTrue(r5.get(0).contains("SARA-R5 02B needs +UAUTHREQ"), r5.toString());
        assertEquals(List.of(), problems(config("user", "dummy"), "dummy", R5_02B));
    }

    @Test
    void acceptedSettings() {
        List<String> errors = new ArrayList<>();
        PppComponent.Accepted a = PppComponent.check(config("enabled", true, "cid", 3, "auth_type", "chap", "user", "me",
                "full_cone_nat", true), "pw", R5_02B, errors);
        assertEquals(List.of(), errors);
        assertTrue(a.enabled());
        assertEquals(3, a.settings().cid());
        assertEquals(PppAuthType.CHAP, a.settings().authType());
        assertEquals("pw", a.settings().password());
        assertTrue(a.settings().fullConeNat());
        assertNull(a.settings().portFilter());
        assertFalse(a.pppd());
        PppComponent.Accepted f = PppComponent.check(config("port_filter", "enabled", "port_filter_range", "6000-6050"),
                "", R42_01B, errors);
        assertEquals(PortFilter.of(true, "6000-6050"), f.settings().portFilter());
    }

    @Test
    void refusalsSayWhatIsWrong() {
        record Case(PppConfig c, ModuleCapabilities caps, String says) {
        }
        List<Case> cases = List.of(
                new Case(config("auth_type", "kerberos"), R42_01B, "none, pap, chap or auto"),
                new Case(config("user", "d", "full_cone_nat", true), R5_00B, "full-cone NAT"),
                new Case(config("full_cone_nat", true), R42_01B, "full-cone NAT"),
                new Case(config("user", "d", "port_filter", "enabled", "port_filter_range", "6000-6050"), R5_02B, "+UEMBPF"),
                new Case(config("port_filter", "enabled"), R42_01B, "needs a port range"),
                new Case(config("port_filter", "enabled", "port_filter_range", "7000-6000"), R42_01B, "low <= high"),
                new Case(config("port_filter", "enabled", "port_filter_range", "6000-70000"), R42_01B, "1-65535"),
                new Case(config("port_filter", "enabled", "port_filter_range", "6000"), R42_01B, "low-high"),
                new Case(config("port_filter", "sometimes"), R42_01B, "unchanged, disabled or enabled"),
                new Case(config("cid", 9), R42_01B, "outside 0-7"),
                new Case(config("cid", 12), null, "outside 0-11"),
                new Case(config("user", "a\"b"), R42_01B, "user holds a quote"),
                new Case(config("auth_type", "pap"), R42_01B, "needs a user name"),
                new Case(config("consumer", "slirp"), R42_01B, "pppd or none"),
                new Case(config("consumer", "pppd", "pppd_path", "/nonexistent/pppd"), R42_01B, "not an executable"),
                new Case(config("consumer", "pppd", "pppd_path", "pppd"), R42_01B, "absolute"),
                new Case(config("consumer", "pppd", "pppd_path", "/bin/sh", "pppd_options", "noauth password x"), R42_01B,
                        "'password' is set by ucell"),
                new Case(config("consumer", "pppd", "pppd_path", "/bin/sh", "pppd_options", "connect '/bin/sh -c id'"),
                        R42_01B, "'connect' is set by ucell"),
                new Case(config("consumer", "pppd", "pppd_path", "/bin/sh", "pppd_options", "ip-up-script /tmp/x"), R42_01B,
                        "'ip-up-script' is set by ucell"),
                new Case(config("consumer", "pppd", "pppd_path", "/bin/sh", "pppd_options", "noauth 'x"), R42_01B,
                        "unbalanced quote"),
                new Case(config("redial_delay", 0), R42_01B, "redial delay"));
        for (Case c : cases) {
            List<String> errors = problems(c.c(), "secret\"pw", c.caps());
            assertTrue(errors.stream().anyMatch(e -> e.contains(c.says())), c.says() + " in " + errors);
            assertTrue(errors.stream().noneMatch(e -> e.contains("secret")), "the password is never shown: " + errors);
        }
        // an existing pppd with fitting options passes
        assertEquals(List.of(), problems(config("consumer", "pppd", "pppd_path", "/bin/sh"), "", R42_01B));
    }

    @Test
    void descriptorsAreWhatKuraLists() throws Exception {
        String metatype = Files.readString(Path.of("target/classes/OSGI-INF/metatype/" + PppComponent.PID + ".xml"));
        assertTrue(metatype.contains("id=\"" + PppComponent.PID + "\""), metatype);
        assertTrue(metatype.contains("id=\"password\" type=\"Password\"") || metatype.matches("(?s).*id=\"password\"[^>]*type=\"Password\".*"),
                metatype);
        for (String id : List.of("enabled", "cid", "auth.type", "user", "full.cone.nat", "port.filter", "port.filter.range",
                "consumer", "pppd.path", "pppd.options", "redial.delay")) {
            assertTrue(metatype.contains("id=\"" + id + "\""), id + " in " + metatype);
        }
        String ds = Files.readString(Path.of("target/classes/OSGI-INF/" + PppComponent.class.getName() + ".xml"));
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("modified=\"modified\""), ds);
        assertTrue(ds.contains("kura.service.pid"), ds);
        assertTrue(ds.contains("io.ucell.ppp.DialUpService"), ds);
        assertTrue(ds.contains("org.eclipse.kura.configuration.ConfigurableComponent"), ds);
        assertNotNull(ds);
    }
}
