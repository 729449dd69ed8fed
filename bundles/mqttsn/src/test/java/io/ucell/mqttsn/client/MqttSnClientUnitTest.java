package io.ucell.mqttsn.client;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.mqttsn.MqttSnSettings;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Pieces of the client that need no module: filters, text or hex, the MQTT Flex DTLS profile. */
class MqttSnClientUnitTest {

    @Test
    void topicFilters() {
        assertTrue(MqttSnClient.matches("sensors/#", "sensors/a/temp"));
        assertTrue(MqttSnClient.matches("sensors/+/temp", "sensors/a/temp"));
        assertFalse(MqttSnClient.matches("sensors/+", "sensors/a/temp"));
        assertTrue(MqttSnClient.matches("a/b", "a/b"));
        assertFalse(MqttSnClient.matches("a/b", "a/c"));
    }

    @Test
    void textOnlyWhenTheModuleCanTakeItBetweenQuotes() {
        assertTrue(MqttSnClient.isText("20 degrees Celsius".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(MqttSnClient.isText("say \"hi\"".getBytes(StandardCharsets.US_ASCII)));
        assertFalse(MqttSnClient.isText(new byte[] {'a', '\r', '\n'}));
        assertFalse(MqttSnClient.isText("é".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void flexDtlsProfileAsInSection7122() {
        List<String> cmds = MqttSnClient.flexSecurityCommands(MqttSnSettings.mqttFlex("device:x", 0)).stream()
                .map(c -> c.text()).collect(Collectors.toList());
        // the app note's six commands, in its order
        org.junit.jupiter.api.Assertions.assertEquals(List.of("AT+USECPRF=0", "AT+USECPRF=0,0,0", "AT+USECPRF=0,1,3",
                "AT+USECPRF=0,2,99,\"C0\",\"30\"", "AT+USECPRF=0,5,\"MQTTFlex_cert\"", "AT+USECPRF=0,6,\"MQTTFlex_key\""),
                cmds);
    }
}
