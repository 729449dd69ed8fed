/** MQTT through the module's embedded client (app note section 6). */
@org.osgi.annotation.versioning.Version("1.0.0")
@org.osgi.annotation.bundle.Export
package io.ucell.mqtt;
