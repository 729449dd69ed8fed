/** Parsing of the module's MQTT-SN answers: +UUMQTTSNC URCs, +UMQTTSNC: 9 reads, +UMQTTSNER codes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.mqttsn.at;
