/** The CoAP client over the module (plain Java, usable without OSGi): settings, profile handling, transmissions. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.coap.client;
