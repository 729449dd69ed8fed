package io.ucell.coap.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Configuration checks of the component and the metatype bnd generates from it. */
class CoapComponentConfigTest {

    /** A CoapConfig with the defaults of the annotation, some values replaced. */
    static CoapConfig config(String uri, int rai, int contentFormat, int profile) {
        return new CoapConfig() {
            public Class<? extends Annotation> annotationType() {
                return CoapConfig.class;
            }

            public int profile() {
                return profile;
            }

            public String uri() {
                return uri;
            }

            public boolean uri_host() {
                return true;
            }

            public boolean uri_port() {
                return true;
            }

            public boolean uri_path() {
                return true;
            }

            public boolean uri_query() {
                return true;
            }

            public int content_format() {
                return contentFormat;
            }

            public boolean confirmable() {
                return true;
            }

            public int security_profile() {
                return 0;
            }

            public int rai() {
                return rai;
            }

            public int pdp_cid() {
                return -1;
            }

            public int pdp_ip_type() {
                return 0;
            }

            public boolean store_profile() {
                return false;
            }

            public int response_timeout() {
                return 60;
            }

            public int queue_timeout() {
                return 120;
            }
        };
    }

    @Test
    void validAndRefusedConfigurations() {
        assertEquals(List.of(), CoapComponent.problems(config("coap://127.0.0.1/a", 0, 0, 0)));
        assertEquals(List.of(), CoapComponent.problems(config("", 0, -1, 3)));
        List<String> rai = CoapComponent.problems(config("", 3, 0, 0));
        assertTrue(rai.get(0).contains("RAI"), rai.toString());
        List<String> slot = CoapComponent.problems(config("", 0, 0, 4));
        assertTrue(slot.get(0).contains("profile must be 0-3"), slot.toString());
        List<String> uri = CoapComponent.problems(config("http://x/", 0, 0, 0));
        assertTrue(uri.get(0).contains("scheme"), uri.toString());
        List<String> cf = CoapComponent.problems(config("", 0, 70000, 0));
        assertTrue(cf.get(0).contains("content format"), cf.toString());
    }

    @Test
    void metatypeIdIsThePid() throws Exception {
        Path xml = Path.of("target/classes/OSGI-INF/metatype/" + CoapComponent.PID + ".xml");
        String text = Files.readString(xml);
        assertTrue(text.contains("id=\"" + CoapComponent.PID + "\""), text);
        assertTrue(text.contains("rai"), text);
        Path ds = Path.of("target/classes/OSGI-INF/" + CoapComponent.class.getName() + ".xml");
        String component = Files.readString(ds);
        assertTrue(component.contains("kura.service.pid"), component);
        assertTrue(component.contains("io.ucell.coap.CoapService"), component);
        assertTrue(component.contains("org.eclipse.kura.configuration.ConfigurableComponent"), component);
    }
}
