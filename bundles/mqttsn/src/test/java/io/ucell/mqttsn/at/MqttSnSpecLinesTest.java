package io.ucell.mqttsn.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.framing.PayloadRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 7's read answers and error answers, literally, through the framer and the MQTT-SN client's readers. */
class MqttSnSpecLinesTest {

    static AtLine framed(String line) {
        List<AtLine> lines = AtFramer.linesOf("\r\n" + line + "\r\n", PayloadRules.defaults());
        assertEquals(1, lines.size(), "one line: " + lines);
        return lines.get(0);
    }

    static Stream<Arguments> reads() {
        return Stream.of(
                // 7.4: topic id 1 (a normal topic)
                Arguments.of("+UMQTTSNC: 9,1,0,19,1,\"1\",18,\"20 degrees Celsius\"", 1, 0, "1", "20 degrees Celsius"),
                // 7.7: the short topic "aa"
                Arguments.of("+UMQTTSNC: 9,0,2,6,2,\"aa\",4,\"test\"", 0, 2, "aa", "test"),
                // 7.8: the last will
                Arguments.of("+UMQTTSNC: 9,0,0,24,1,\"1\",23,\"Unrequested disconnect.\"", 0, 0, "1", "Unrequested disconnect."),
                // spaces after the commas; the shorter layout without total and topic length
                Arguments.of("+UMQTTSNC: 9, 0, 2, 6, 2, \"aa\", 4, \"test\"", 0, 2, "aa", "test"),
                Arguments.of("+UMQTTSNC: 9,0,2,\"aa\",4,\"te\"st\"", 0, 2, "aa", "te\"st"));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readAnswer(String line, int qos, int topicType, String topic, String message) {
        MqttSnRead r = MqttSnRead.parse(framed(line));
        assertEquals(qos, r.qos());
        assertEquals(topicType, r.topicType());
        assertEquals(topic, r.topic());
        assertArrayEquals(message.getBytes(StandardCharsets.ISO_8859_1), r.payload());
    }

    @Test
    void errorAnswer() {
        // 7.9: +UMQTTSNER: 14,21, the gateway did not reply
        assertArrayEquals(new int[] {14, 21}, MqttSnErrors.parse(framed("+UMQTTSNER: 14,21")));
        assertArrayEquals(new int[] {14, 21}, MqttSnErrors.parse(framed("+UMQTTSNER: 14, 21")));
        assertEquals("+UMQTTSNER 14,21: timeout, the gateway did not reply", MqttSnErrors.describe(14, 21));
    }
}
