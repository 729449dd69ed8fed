/** Simulated network: registration, PDP contexts, PSD profiles, ping and DNS. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.network;
