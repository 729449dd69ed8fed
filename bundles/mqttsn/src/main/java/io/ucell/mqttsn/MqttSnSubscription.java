package io.ucell.mqttsn;

/**
 * A subscription the gateway accepted.
 *
 * @param topic      what was subscribed
 * @param topicId    the normal topic id the gateway gave a topic name without wildcards (it names the topic in
 *                   received messages and can be published to), 0 otherwise
 * @param grantedQos the QoS the gateway granted
 */
public record MqttSnSubscription(MqttSnTopic topic, int topicId, MqttSnQos grantedQos) {
}
