/** UART timing: paced transmit and receive lines, line noise. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.uart;
