/** Bring-up of a module per section 2 of the application note: synchronise, identify, configure, register, activate. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.modem.bringup;
