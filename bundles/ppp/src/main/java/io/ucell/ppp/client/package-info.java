/** Dial-up over the modem service (plain Java, usable without OSGi): settings and their checks, dialing, links. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.ppp.client;
