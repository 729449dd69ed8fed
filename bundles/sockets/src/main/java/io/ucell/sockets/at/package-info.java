/** The socket AT commands of section 5: builders and parsers, nothing stateful. */
package io.ucell.sockets.at;
