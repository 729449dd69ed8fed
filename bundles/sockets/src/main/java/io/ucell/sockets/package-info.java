/** TCP and UDP sockets over the module's internal IP stack (app note section 5): streams, datagrams, a SocketFactory. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.sockets;
