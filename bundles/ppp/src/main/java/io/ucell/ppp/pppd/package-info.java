/** pppd on a PPP link: the gateway's own PPP stack, run with {@code notty} on the link's streams. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.ppp.pppd;
