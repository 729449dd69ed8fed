package io.ucell.mqttsn.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.framing.AtLine;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The module's MQTT-SN answers as the app note prints them. */
class MqttSnAtTest {

    @Test
    void readsTheAppNotesMessages() {
        // 7.4
        MqttSnRead r = MqttSnRead.parse(AtLine.of("+UMQTTSNC: 9,1,0,19,1,\"1\",18,\"20 degrees Celsius\""));
        assertEquals(1, r.qos());
        assertEquals(0, r.topicType());
        assertEquals("1", r.topic());
        assertArrayEquals("20 degrees Celsius".getBytes(StandardCharsets.US_ASCII), r.payload());
        // 7.7: a short topic
        r = MqttSnRead.parse(AtLine.of("+UMQTTSNC: 9,0,2,6,2,\"aa\",4,\"test\""));
        assertEquals(2, r.topicType());
        assertEquals("aa", r.topic());
        assertEquals("test", new String(r.payload(), StandardCharsets.US_ASCII));
        // 7.8: the last will
        r = MqttSnRead.parse(AtLine.of("+UMQTTSNC: 9,0,0,24,1,\"1\",23,\"Unrequested disconnect.\""));
        assertEquals("Unrequested disconnect.", new String(r.payload(), StandardCharsets.US_ASCII));
        // the shorter layout
        r = MqttSnRead.parse(AtLine.of("+UMQTTSNC: 9,2,1,\"7\",3,\"abc\""));
        assertEquals(2, r.qos());
        assertEquals(1, r.topicType());
        assertEquals("7", r.topic());
    }

    @Test
    void decodesUmqttsner() {
        int[] e = MqttSnErrors.parse(AtLine.of("+UMQTTSNER: 14,21"));
        assertEquals(14, e[0]);
        assertEquals(21, e[1]);
        assertTrue(MqttSnErrors.describe(14, 21).contains("timeout"), "7.9: Timeout error");
        assertTrue(MqttSnErrors.describe(14, 22).contains("no radio service"));
        assertTrue(MqttSnErrors.describe(14, 99).contains("+UMQTTSNER 14,99"));
        assertEquals(false, MqttSnErrors.isError(0, 0));
        assertArrayEquals(new int[] {-1, -1}, MqttSnErrors.parse(AtLine.of("+UMQTTSNER: x")));
    }
}
