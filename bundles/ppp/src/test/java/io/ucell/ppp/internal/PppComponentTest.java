package io.ucell.ppp.internal;

import static io.ucell.ppp.internal.PppComponentConfigTest.config;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.ppp.FakeModemAccess;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.crypto.CryptoService;
import org.junit.jupiter.api.Test;

/** The component's life: accepted, refused (the previous configuration stays), disabled, Kura-encrypted password. */
class PppComponentTest {

    static PppComponent component(FakeModemAccess m) throws Exception {
        PppComponent c = new PppComponent();
        Field f = PppComponent.class.getDeclaredField("modem");
        f.setAccessible(true);
        f.set(c, m.modem());
        // Kura hands Password fields over encrypted: this CryptoService "decrypts" enc:x to x
        c.setCryptoService((CryptoService) Proxy.newProxyInstance(CryptoService.class.getClassLoader(),
                new Class<?>[] {CryptoService.class}, (p, method, args) -> {
                    if (method.getName().equals("decryptAes")) {
                        String v = new String((char[]) args[0]);
                        return v.startsWith("enc:") ? v.substring(4).toCharArray() : v.toCharArray();
                    }
                    throw new UnsupportedOperationException(method.getName());
                }));
        return c;
    }

    @Test
    void refusedConfigurationsLeaveThePreviousOneInForce() throws Exception {
        try (FakeModemAccess m = new FakeModemAccess(ModuleFamily.SARA_R5, ProductVersion.V02B)) {
            PppComponent c = component(m);
            c.activate(config("enabled", true, "auth_type", "pap", "user", "gw"), Map.of("password", "enc:s3cret"));
            assertNull(c.configError());
            PppLink link = c.dial();
            assertEquals("AT+UAUTHREQ=1,1,\"gw\",\"s3cret\"", m.module().commands.get(0), "the decrypted password");
            link.hangUp();

            // +UEMBPF on SARA-R5: refused with the reason, the PAP configuration stays
            c.modified(config("enabled", true, "auth_type", "chap", "user", "gw", "port_filter", "enabled",
                    "port_filter_range", "6000-6050"), Map.of("password", "enc:s3cret"));
            assertTrue(c.configError().contains("+UEMBPF"), c.configError());
            m.module().commands.clear();
            c.dial().hangUp();
            assertEquals("AT+UAUTHREQ=1,1,\"gw\",\"s3cret\"", m.module().commands.get(0));

            // disabled: the service says so
            c.modified(config("enabled", false, "user", "gw"), Map.of("password", "x"));
            assertNull(c.configError());
            PppException e = assertThrows(PppException.class, c::dial);
            assertTrue(e.getMessage().contains("disabled"), e.getMessage());
            c.deactivate();
        }
    }

    @Test
    void aFirstConfigurationThatIsRefusedMakesDialsSayWhy() throws Exception {
        try (FakeModemAccess m = new FakeModemAccess(ModuleFamily.SARA_R5, ProductVersion.V00B)) {
            PppComponent c = component(m);
            c.activate(config("enabled", true, "user", "gw", "full_cone_nat", true), Map.of("password", "pw"));
            assertTrue(c.configError().contains("full-cone NAT"), c.configError());
            PppException e = assertThrows(PppException.class, c::dial);
            assertTrue(e.getMessage().contains("full-cone NAT"), e.getMessage());
            assertEquals(List.of(), m.module().commands);
            c.deactivate();
        }
    }

    @Test
    void withThePppdConsumerTheComponentOwnsTheDial() throws Exception {
        try (FakeModemAccess m = new FakeModemAccess(ModuleFamily.SARA_R42, ProductVersion.V01B)) {
            PppComponent c = component(m);
            // not enabled: the supervisor does not run, but the API still belongs to the pppd consumer
            c.activate(config("consumer", "pppd", "pppd_path", "/bin/true"), Map.of());
            assertNull(c.configError());
            PppException e = assertThrows(PppException.class, c::dial);
            assertTrue(e.getMessage().contains("pppd consumer"), e.getMessage());
            c.deactivate();
        }
    }
}
