/** The socket client over the module (plain Java, usable without OSGi): the socket table, URCs, reads and writes. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.sockets.client;
