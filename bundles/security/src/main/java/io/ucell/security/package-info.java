/**
 * Certificates and keys in the module (+USECMNG), security profiles (+USECPRF) and (D)TLS session
 * resumption (u-blox app note section 3). Other bundles ask {@link io.ucell.security.SecurityProfileService}
 * for the security profile to use with a server.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.security;
