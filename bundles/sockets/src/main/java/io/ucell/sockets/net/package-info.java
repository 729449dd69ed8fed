/** java.net.Socket and javax.net.SocketFactory over the module's TCP sockets, for unmodified libraries. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.sockets.net;
