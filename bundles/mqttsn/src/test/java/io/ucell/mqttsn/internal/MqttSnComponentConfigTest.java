package io.ucell.mqttsn.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.mqttsn.MqttSnPreset;
import io.ucell.mqttsn.MqttSnQos;
import io.ucell.mqttsn.MqttSnSettings;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration checks of the component, the presets as configured, and the metatype bnd generates. */
class MqttSnComponentConfigTest {

    /** An MqttSnConfig with the annotation's defaults, some values replaced (keys are the method names). */
    static MqttSnConfig config(Map<String, Object> values) {
        return (MqttSnConfig) Proxy.newProxyInstance(MqttSnConfig.class.getClassLoader(), new Class<?>[] {MqttSnConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MqttSnConfig.class;
                    }
                    return values.containsKey(method.getName()) ? values.get(method.getName()) : method.getDefaultValue();
                });
    }

    @Test
    void validConfigurations() {
        assertEquals(List.of(), MqttSnComponent.problems(config(Map.of())));
        assertEquals(List.of(), MqttSnComponent.problems(config(Map.of("gateway_host", "192.168.105.30", "gateway_port", 10000,
                "will_topic", "u-blox/publish", "will_message", "Unrequested disconnect.", "will_qos", 1, "connect", true))));
        assertEquals(List.of(), MqttSnComponent.problems(config(Map.of("gateway_host", "gw.example.com", "secure", true,
                "security_profile", 2))));
        assertEquals(List.of(), MqttSnComponent.problems(config(Map.of("preset", "mqtt.flex", "client_id", "abc",
                "connect", true))));
    }

    @Test
    void refusedConfigurationsSayWhy() {
        assertProblem(Map.of("preset", "thingstream"), "unknown preset");
        assertProblem(Map.of("gateway_host", "bad host"), "neither an IP address nor a host name");
        assertProblem(Map.of("gateway_host", "10.0.0.1", "gateway_port", 0), "port must be 1-65535");
        assertProblem(Map.of("will_topic", "a/#"), "will topic");
        assertProblem(Map.of("will_topic", "a", "will_message", "say \"hi\""), "will message");
        assertProblem(Map.of("client_id", "a\"b"), "client id");
        assertProblem(Map.of("duration", 70000), "duration");
        assertProblem(Map.of("secure", true, "security_profile", 7), "security profile");
        assertProblem(Map.of("pdp_cid", 12), "PDP context");
        assertProblem(Map.of("connect", true), "connect needs a gateway");
        assertProblem(Map.of("preset", "mqtt.anywhere", "gateway_host", "10.0.0.1"), "identity");
        assertProblem(Map.of("preset", "mqtt.flex"), "device value");
        assertProblem(Map.of("response_timeout", 0), "response timeout");
    }

    private static void assertProblem(Map<String, Object> values, String expected) {
        List<String> p = MqttSnComponent.problems(config(values));
        assertTrue(p.stream().anyMatch(e -> e.contains(expected)), values + " -> " + p);
    }

    @Test
    void presetsAsTheAppNoteWritesThem() {
        MqttSnSettings anywhere = MqttSnComponent.toSettings(config(Map.of("preset", "mqtt.anywhere",
                "client_id", "01234567-89ab-cdef-0123-456789abcdef", "gateway_host", "10.7.0.1", "gateway_port", 2442)))
                .effective();
        assertEquals(MqttSnPreset.MQTT_ANYWHERE, anywhere.preset());
        assertEquals("identity:01234567-89ab-cdef-0123-456789abcdef", anywhere.clientId(), "7.11");
        assertEquals(600, anywhere.duration(), "7.11: AT+UMQTTSN=8,600");
        assertTrue(anywhere.cleanSession(), "7.11: AT+UMQTTSN=10,1");
        assertEquals("tsudp", MqttSnSettings.ANYWHERE_APN);

        MqttSnSettings flex = MqttSnComponent.toSettings(config(Map.of("preset", "mqtt.flex",
                "client_id", "device:01234567-89ab-cdef-0123-456789abcdef"))).effective();
        assertEquals("device:01234567-89ab-cdef-0123-456789abcdef", flex.clientId(), "7.12.3");
        assertEquals("mqtt-flex.thingstream.io", flex.gatewayHost(), "7.12.3");
        assertEquals(2443, flex.gatewayPort());
        assertEquals(0, flex.securityProfile(), "7.12.3: AT+UMQTTSN=9,1,0");
        assertEquals("MQTTFlex_cert", flex.flexCertificate(), "7.12.1");
        assertEquals("MQTTFlex_key", flex.flexKey());

        MqttSnSettings plain = MqttSnComponent.toSettings(config(Map.of("gateway_host", "192.168.105.30",
                "gateway_port", 10000, "will_topic", "u-blox/publish", "will_message", "Unrequested disconnect.",
                "will_qos", 1)));
        assertEquals(MqttSnQos.AT_LEAST_ONCE, plain.will().qos());
        assertTrue(plain.gatewayIsIp());
        assertEquals(-1, plain.securityProfile());
        assertNull(MqttSnComponent.toSettings(config(Map.of())).will());
    }

    @Test
    void metatypeIdIsThePid() throws Exception {
        Path xml = Path.of("target/classes/OSGI-INF/metatype/" + MqttSnComponent.PID + ".xml");
        String text = Files.readString(xml);
        assertTrue(text.contains("id=\"" + MqttSnComponent.PID + "\""), text);
        assertTrue(text.contains("mqtt.anywhere"), text);
        Path ds = Path.of("target/classes/OSGI-INF/" + MqttSnComponent.class.getName() + ".xml");
        String component = Files.readString(ds);
        assertTrue(component.contains("kura.service.pid"), component);
        assertTrue(component.contains("io.ucell.mqttsn.MqttSnService"), component);
        assertTrue(component.contains("org.eclipse.kura.configuration.ConfigurableComponent"), component);
    }
}
