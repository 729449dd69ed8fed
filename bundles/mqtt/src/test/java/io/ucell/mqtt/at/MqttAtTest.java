package io.ucell.mqtt.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.at.framing.AtLine;
import io.ucell.mqtt.MqttMessage;
import io.ucell.mqtt.MqttWill;
import io.ucell.mqtt.PublishMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command lines of section 6 and the parsing of +UMQTTC: 6, without a module. */
class MqttAtTest {

    @Test
    void profileStartsFromTheFactoryOneAndSendsOnlyWhatDiffers() {
        List<String> minimal = MqttAt.profile("352753024213371", "192.0.2.7", true, 1883, "", "", 0, 0, true, null, false, 0,
                -1, 0, true).stream().map(AtCommand::text).toList();
        assertEquals(List.of("AT+UMQTTNV=0", "AT+UMQTT=0,\"352753024213371\"", "AT+UMQTT=2,\"192.0.2.7\",1883",
                "AT+UMQTT=10,0"), minimal);

        List<AtCommand> full = MqttAt.profile("dev", "broker.example.com", false, 8883, "user", "pa55", 30, 10, false,
                new MqttWill("dev/will", "gone", 1, true), true, 2, 2, 1, true);
        List<String> text = full.stream().map(AtCommand::text).toList();
        assertEquals(List.of("AT+UMQTTNV=0", "AT+UMQTT=0,\"dev\"", "AT+UMQTT=3,\"broker.example.com\",8883",
                "AT+UMQTT=4,\"user\",\"pa55\"", "AT+UMQTT=10,30,10", "AT+UMQTT=12,0", "AT+UMQTT=6,1", "AT+UMQTT=7,1",
                "AT+UMQTT=8,\"dev/will\"", "AT+UMQTT=9,\"gone\"", "AT+UMQTT=11,1,2", "AT+UMQTT=20,2,1"), text);
        // the password never shows in a trace
        assertTrue(full.get(3).traceText().contains("\"****\""), full.get(3).traceText());
        assertFalse(full.get(3).traceText().contains("pa55"));
        // no mapping where the module has none (section 6.1.4)
        assertTrue(MqttAt.profile("d", "h", false, 1883, "", "", 0, 0, true, null, false, 0, 2, 1, false).stream()
                .noneMatch(c -> c.text().startsWith("AT+UMQTT=20")));
    }

    @Test
    void aWillTheQuotedParameterCannotCarryGoesInHex() {
        assertEquals("AT+UMQTT=9,\"Unrequested disconnect.\"", MqttAt.willMessage("Unrequested disconnect.").text());
        assertEquals("AT+UMQTT=9,\"6279652022220D\",1", MqttAt.willMessage("bye \"\"\r").text());
    }

    @Test
    void publishInEachMode() {
        byte[] text = "light_1 is red".getBytes(StandardCharsets.US_ASCII);
        assertEquals("AT+UMQTTC=2,0,0,0,\"module/lights\",\"light_1 is red\"",
                MqttAt.publish("module/lights", text, 0, false, PublishMode.TEXT).text());
        assertEquals("AT+UMQTTC=2,1,1,1,\"module/hex\",\"ABCD3031\"",
                MqttAt.publish("module/hex", new byte[] {(byte) 0xAB, (byte) 0xCD, 0x30, 0x31}, 1, true, PublishMode.HEX).text());
        byte[] special = "\"this is an example\"\r".getBytes(StandardCharsets.US_ASCII);
        AtCommand bin = MqttAt.publish("module/special", special, 1, false, PublishMode.BINARY);
        assertEquals("AT+UMQTTC=9,1,0,\"module/special\",21", bin.text());
        assertEquals(AtCommand.Prompt.GREATER_THAN, bin.prompt());
        assertArrayEquals(special, bin.data());
        // a topic with a quote never reaches the module
        assertThrows(IllegalArgumentException.class, () -> MqttAt.publish("a\"b", text, 0, false, PublishMode.TEXT));
    }

    @Test
    void choosingTheMode() {
        assertEquals(PublishMode.TEXT, PublishMode.choose("plain text 123 {}".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(PublishMode.TEXT, PublishMode.choose(new byte[0]));
        assertEquals(PublishMode.HEX, PublishMode.choose("say \"hi\"".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(PublishMode.HEX, PublishMode.choose(new byte[64]));
        assertEquals(PublishMode.BINARY, PublishMode.choose(new byte[65]));
        assertEquals(PublishMode.BINARY, PublishMode.choose("x".repeat(1025).getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void readLinesAsTheAppNoteShowsThem() {
        // the engine counts the payload; AtLine.of splits without counting, enough for payloads without quotes
        MqttMessage m = MqttAt.parseRead(AtLine.of("+UMQTTC: 6,0,27,13,\"module/lights\",14,\"light_1 is red\""));
        assertEquals("module/lights", m.topic());
        assertEquals("light_1 is red", new String(m.payload(), StandardCharsets.US_ASCII));
        assertEquals(0, m.qos());
        assertThrows(IllegalArgumentException.class, () -> MqttAt.parseRead(AtLine.of("+UMQTTC: 4,1")));
    }

    @Test
    void topicFilters() {
        assertTrue(MqttAt.matches("a/+/c", "a/b/c"));
        assertTrue(MqttAt.matches("a/#", "a"));
        assertTrue(MqttAt.matches("a/#", "a/b/c"));
        assertTrue(MqttAt.matches("#", "x/y"));
        assertFalse(MqttAt.matches("a/+", "a/b/c"));
        assertFalse(MqttAt.matches("a/b", "a/bc"));
        assertTrue(MqttAt.matches("+/+", "/x"));
    }

    @Test
    void errorsAreDescribed() {
        assertEquals("PSD or CSD connection not established (no active PDP context) (+UMQTTER 13,50)",
                MqttErrors.describe(13, 50));
        assertEquals("+UMQTTER 4,99", MqttErrors.describe(4, 99));
        assertTrue(MqttErrors.meansNotConnected(13, 7));
        assertFalse(MqttErrors.meansNotConnected(13, 14));
    }
}
