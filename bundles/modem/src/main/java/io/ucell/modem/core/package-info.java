/** The modem controller and its settings, usable without OSGi. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.modem.core;
