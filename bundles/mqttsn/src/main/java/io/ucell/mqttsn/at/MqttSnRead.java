package io.ucell.mqttsn.at;

import io.ucell.at.framing.AtLine;

/**
 * One message from +UMQTTSNC: 9 (sections 7.4, 7.7, 7.8):
 * {@code 9,<qos>,<topic type>,<total length>,<topic length>,"<topic>",<message length>,"<message>"}; the shorter
 * {@code 9,<qos>,<topic type>,"<topic>",<message length>,"<message>"} is read too. The message bytes are counted, so
 * they may hold anything.
 *
 * @param qos       QoS of the message
 * @param topicType 0 normal topic id, 1 predefined id, 2 short name
 * @param topic     the id in decimal or the short name
 * @param payload   the message
 */
public record MqttSnRead(int qos, int topicType, String topic, byte[] payload) {

    public static MqttSnRead parse(AtLine line) {
        int n = line.paramCount();
        if (n >= 8) {
            return new MqttSnRead(line.intParam(1), line.intParam(2), line.param(5), line.bytesParam(7));
        }
        if (n == 6) {
            return new MqttSnRead(line.intParam(1), line.intParam(2), line.param(3), line.bytesParam(5));
        }
        throw new IllegalArgumentException("unexpected +UMQTTSNC: 9 layout: " + line.text());
    }
}
