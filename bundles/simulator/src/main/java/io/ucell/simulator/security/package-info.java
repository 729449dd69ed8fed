/** Security profiles (+USECPRF, spec section 3) as far as secure sockets need them. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.security;
