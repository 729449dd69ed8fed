/**
 * The module's MQTT-SN client (app note section 7): +UMQTTSN, +UMQTTSNNV, +UMQTTSNC, +UMQTTSNER. The simulated
 * module is its own MQTT-SN gateway: topic ids, short and predefined topics are kept here and the session is an
 * MQTT connection (Eclipse Paho) to the broker at the configured gateway address.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.mqttsn;
