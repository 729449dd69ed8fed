/** The AT engine: command pipeline, URC bus, quoting and tracing. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.4.0")
package io.ucell.at;
