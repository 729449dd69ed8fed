package io.ucell.mqtt.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.mqtt.client.MqttSettings;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration checks of the MQTT component and the metatype bnd generates for it and the cloud components. */
class MqttComponentConfigTest {

    /** An MqttConfig with the annotation's defaults, some values replaced. */
    static MqttConfig config(String server, String clientId, String user, String willTopic, int securityProfile) {
        return new MqttConfig() {
            public Class<? extends Annotation> annotationType() {
                return MqttConfig.class;
            }

            public String server() {
                return server;
            }

            public int port() {
                return 1883;
            }

            public String client_id() {
                return clientId;
            }

            public String username() {
                return user;
            }

            public String password() {
                return "";
            }

            public int keepalive() {
                return 60;
            }

            public int linger() {
                return 0;
            }

            public boolean clean_session() {
                return true;
            }

            public String will_topic() {
                return willTopic;
            }

            public String will_message() {
                return "gone";
            }

            public int will_qos() {
                return 1;
            }

            public boolean will_retain() {
                return false;
            }

            public boolean secure() {
                return securityProfile > 0;
            }

            public int security_profile() {
                return securityProfile;
            }

            public int pdp_cid() {
                return -1;
            }

            public int pdp_ip_type() {
                return 0;
            }

            public boolean connect() {
                return false;
            }

            public int response_timeout() {
                return 30;
            }

            public int reconnect_base() {
                return 1000;
            }

            public int reconnect_cap() {
                return 60000;
            }
        };
    }

    @Test
    void validAndRefusedConfigurations() {
        MqttComponent c = new MqttComponent();
        assertEquals(List.of(), c.problems(config("broker.example.com", "", "", "", 0), Map.of()));
        assertEquals(List.of(), c.problems(config("192.0.2.7", "dev-1", "u", "dev/1/will", 2), Map.of("password", "p")));
        assertTrue(c.problems(config("bad host name!", "", "", "", 0), Map.of()).get(0).contains("broker must be"));
        assertTrue(c.problems(config("h", "id\"x", "", "", 0), Map.of()).get(0).contains("client id"));
        assertTrue(c.problems(config("h", "", "", "", 0), Map.of("password", "p")).get(0).contains("needs a user name"));
        assertTrue(c.problems(config("h", "", "", "dev/#", 0), Map.of()).get(0).contains("will topic"));
        assertTrue(c.problems(config("h", "", "", "", 5), Map.of()).get(0).contains("security profile"));
        assertTrue(c.problems(config("h", "", "user\r\nAT+CFUN=16", "", 0), Map.of()).get(0).contains("user name"),
                "no AT injection through the user name");
    }

    @Test
    void aRefusedConfigurationKeepsThePreviousOne() throws Exception {
        ModemController modem = new ModemController(ModemSettings.defaults());
        MqttComponent c = new MqttComponent();
        Field f = MqttComponent.class.getDeclaredField("modem");
        f.setAccessible(true);
        f.set(c, modem);
        c.activate(config("192.0.2.7", "dev-1", "", "", 0), Map.of());
        try {
            assertNull(c.configError());
            assertEquals("tcp://192.0.2.7:1883", c.brokerUrl());
            c.modified(config("bad host name!", "dev-2", "", "", 0), Map.of());
            assertNotNull(c.configError());
            assertEquals("tcp://192.0.2.7:1883", c.brokerUrl(), "the previous configuration stays");
            assertEquals("dev-1", c.clientId());
            c.modified(config("broker.example.com", "dev-3", "", "", 1), Map.of());
            assertNull(c.configError());
            assertEquals("ssl://broker.example.com:1883", c.brokerUrl());
        } finally {
            c.deactivate();
        }
    }

    @Test
    void passwordsAreNeverInTheSettingsText() {
        MqttSettings s = MqttSettings.defaults().withCredentials("user", "s3cret-pass");
        assertTrue(!s.toString().contains("s3cret-pass"), s.toString());
    }

    @Test
    void metatypeIdsAreThePids() throws Exception {
        for (String pid : List.of(MqttComponent.PID, "io.ucell.mqtt.cloud.CloudEndpoint", "io.ucell.mqtt.cloud.DataTransport",
                "io.ucell.mqtt.cloud.CloudPublisher", "io.ucell.mqtt.cloud.CloudSubscriber")) {
            String text = Files.readString(Path.of("target/classes/OSGI-INF/metatype/" + pid + ".xml"));
            assertTrue(text.contains("<OCD id=\"" + pid + "\""), text);
            assertTrue(!text.contains("type=\"Character\""), "Kura rejects Character: " + pid);
        }
        String mqtt = Files.readString(Path.of("target/classes/OSGI-INF/metatype/" + MqttComponent.PID + ".xml"));
        assertTrue(mqtt.contains("id=\"password\" type=\"Password\""), mqtt);
        String endpoint = Files.readString(Path.of("target/classes/OSGI-INF/metatype/io.ucell.mqtt.cloud.CloudEndpoint.xml"));
        assertTrue(endpoint.contains("factoryPid=\"io.ucell.mqtt.cloud.CloudEndpoint\""), endpoint);
        String component = Files.readString(Path.of("target/classes/OSGI-INF/" + MqttComponent.class.getName() + ".xml"));
        assertTrue(component.contains("kura.service.pid"), component);
        assertTrue(component.contains("org.eclipse.kura.configuration.ConfigurableComponent"), component);
    }
}
