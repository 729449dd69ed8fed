/** The DS component (PID io.ucell.sockets) that publishes {@link io.ucell.sockets.ModuleSockets}. */
package io.ucell.sockets.internal;
