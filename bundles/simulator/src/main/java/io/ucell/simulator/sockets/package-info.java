/**
 * The module's internal TCP/UDP stack (spec section 5): the socket table behind +USOCR..+USOCL, each socket
 * backed by a real host socket with the module's receive buffer and send queue in between.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("0.1.0")
package io.ucell.simulator.sockets;
