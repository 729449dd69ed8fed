/** PPP dial-up through the module (app note section 4): {@link io.ucell.ppp.DialUpService} and its links. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.ppp;
