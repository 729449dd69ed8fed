/** The MQTT-SN client over the module (plain Java, usable without OSGi): profile writing, session, URCs, reads. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.mqttsn.client;
