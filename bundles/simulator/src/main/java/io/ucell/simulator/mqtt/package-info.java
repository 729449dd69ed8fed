/**
 * The module's embedded MQTT client (app note section 6): +UMQTT, +UMQTTNV, +UMQTTC, +UMQTTER and the
 * +UUMQTTC URCs, with Eclipse Paho against a real broker. {@link io.ucell.simulator.mqtt.MqttSession} is the
 * broker connection, kept apart from the AT commands so other simulated clients (MQTT-SN mapped onto the same
 * broker) can reuse it.
 */
package io.ucell.simulator.mqtt;
