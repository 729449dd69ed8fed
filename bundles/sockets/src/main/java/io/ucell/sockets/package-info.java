/**
 * TCP and UDP sockets over the module's internal IP stack (app note section 5): streams, datagrams, a SocketFactory.
 * 0.2: {@code ModuleSockets.openUdp(port, options)}, secure (DTLS) UDP sockets.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.2.0")
package io.ucell.sockets;
