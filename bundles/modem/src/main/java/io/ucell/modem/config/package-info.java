/** Configuration helpers shared by ucell's Kura components (passwords as Kura stores them). */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.modem.config;
