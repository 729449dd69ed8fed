package io.ucell.mqtt.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.framing.PayloadRules;
import io.ucell.mqtt.MqttMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 6's read answers and URCs, as the app note prints them, through the framer and the MQTT client's readers. */
class MqttSpecLinesTest {

    /** The line framed as the engine frames what the module sends. */
    static AtLine framed(String line) {
        List<AtLine> lines = AtFramer.linesOf("\r\n" + line + "\r\n", PayloadRules.defaults());
        assertEquals(1, lines.size(), "one line: " + lines);
        return lines.get(0);
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                // 6.3
                Arguments.of("+UMQTTC: 6,0,27,13,\"module/lights\",14,\"light_1 is red\"", "module/lights",
                        "light_1 is red".getBytes(StandardCharsets.ISO_8859_1), 0),
                // 6.4 ASCII mode (a space before the length, as printed)
                Arguments.of("+UMQTTC: 6,0,20,12,\"module/ascii\", 8,\"ABCD3031\"", "module/ascii",
                        "ABCD3031".getBytes(StandardCharsets.ISO_8859_1), 0),
                // 6.4 hex mode: the bytes AB CD 30 31 themselves
                Arguments.of("+UMQTTC: 6,0,14,10,\"module/hex\", 4,\"\u00ab\u00cd01\"", "module/hex",
                        new byte[] {(byte) 0xAB, (byte) 0xCD, 0x30, 0x31}, 0),
                // 6.5: quotes and CR in the message
                Arguments.of("+UMQTTC: 6,0,35, 14,\"module/special\",21,\"\"this is an example\"\r\"", "module/special",
                        "\"this is an example\"\r".getBytes(StandardCharsets.ISO_8859_1), 0),
                // 6.7: the last will
                Arguments.of("+UMQTTC: 6,0,37,14,\"u-blox/publish\",23,\"Unrequested disconnect.\"", "u-blox/publish",
                        "Unrequested disconnect.".getBytes(StandardCharsets.ISO_8859_1), 0),
                Arguments.of("+UMQTTC: 6,1,37,14,\"u-blox/publish\",23,\"Unrequested disconnect.\"", "u-blox/publish",
                        "Unrequested disconnect.".getBytes(StandardCharsets.ISO_8859_1), 1));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readAnswer(String line, String topic, byte[] payload, int qos) {
        MqttMessage m = MqttAt.parseRead(framed(line));
        assertEquals(topic, m.topic());
        assertArrayEquals(payload, m.payload());
        assertEquals(qos, m.qos());
    }

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of("+UUMQTTC: 1,1", 1, 1), // 6.2 connected
                Arguments.of("+UUMQTTC: 0,1", 0, 1), // 6.2 disconnected
                Arguments.of("+UUMQTTC: 4,1,0,\"module/lights\"", 4, 1), // 6.3 granted QoS 0
                Arguments.of("+UUMQTTC: 2,1", 2, 1), // 6.3, 6.5
                Arguments.of("+UUMQTTC: 6,1", 6, 1), // 6.3 one unread message
                Arguments.of("+UUMQTTC: 5,1", 5, 1), // 6.3 unsubscribed
                Arguments.of("+UUMQTTC: 8,0", 8, 0), // 6.6 ping failed
                Arguments.of("+UUMQTTC: 0,101", 0, 101), // 6.7 network lost
                Arguments.of("+UUMQTTC: 1,0", 1, 0), // 6.8
                Arguments.of("+UUMQTTC: 4, 1, 0, \"module/lights\"", 4, 1));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void outcomeUrc(String line, int op, int result) {
        // as ModuleMqttClient reads them: op, result, and for a subscribe the granted QoS third
        AtLine l = framed(line);
        assertEquals(op, l.intParam(0));
        assertEquals(result, l.intParam(1));
        if (op == MqttAt.OP_SUBSCRIBE) {
            assertEquals(0, l.intParam(2));
        }
    }

    @Test
    void errorAnswer() {
        // 6.8: +UMQTTER: 13,50, "PSD or CSD connection not established"
        AtLine l = framed("+UMQTTER: 13,50");
        assertEquals(13, l.intParam(0));
        assertEquals(50, l.intParam(1));
        assertTrue(MqttErrors.meansNotConnected(13, 50));
        assertTrue(MqttErrors.describe(13, 50).startsWith("PSD or CSD connection not established"));
    }
}
