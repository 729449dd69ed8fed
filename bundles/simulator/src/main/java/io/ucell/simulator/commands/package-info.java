/** AT command parsing, framing and the command handlers. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.commands;
