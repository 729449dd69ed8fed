/** Transports: serial (jSerialComm) and {@code tcp://host:port}, created with {@code Transports.create}. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.at.transport;
