package io.ucell.simulator.commands;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Command name to handler. One registry per module instance (no static state, so several modules, or an
 * OSGi framework, can host simulators side by side); later features add their commands here.
 */
public final class CommandRegistry {
    private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();

    /** @param name "+CGDCONT", "E", "I", "&F"... */
    public CommandRegistry register(String name, CommandHandler handler) {
        handlers.put(name.toUpperCase(Locale.ROOT), handler);
        return this;
    }

    public CommandHandler lookup(String name) {
        return handlers.get(name.toUpperCase(Locale.ROOT));
    }

    /** The registry with every command this simulator implements. */
    public static CommandRegistry standard() {
        CommandRegistry r = new CommandRegistry();
        GeneralCommands.register(r);
        NetworkCommands.register(r);
        PacketCommands.register(r);
        IpCommands.register(r);
        SocketCommands.register(r);
        io.ucell.simulator.security.SecurityCommands.register(r);
        io.ucell.simulator.coap.CoapCommands.register(r);
        io.ucell.simulator.files.FileCommands.register(r);
        io.ucell.simulator.ftp.FtpCommands.register(r);
        io.ucell.simulator.http.HttpCommands.register(r);
        return r;
    }
}
