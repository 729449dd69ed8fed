/** The modem service: identity, capabilities, bring-up, registration, PDP contexts, ping, DNS, recovery. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.modem;
