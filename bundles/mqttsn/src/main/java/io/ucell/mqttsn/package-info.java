/**
 * MQTT-SN through the module's embedded client (app note section 7): {@link io.ucell.mqttsn.MqttSnService}, its
 * topics, messages and settings, and the MQTT Anywhere and MQTT Flex presets (7.11, 7.12).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.mqttsn;
