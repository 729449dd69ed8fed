package io.ucell.simulator.commands;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Command name to handler. One registry per module instance (no static state, so several modules, or an
 * OSGi framework, can host simulators side by side); later features add their commands here.
 */
public final class CommandRegistry {
    private final Map<String, CommandHandler> handlers = new ConcurrentHashMap<>();
    /** What features hold outside the module's executors (broker connections...), released when the module closes. */
    private final List<Runnable> closeHooks = new CopyOnWriteArrayList<>();

    /** @param name "+CGDCONT", "E", "I", "&F"... */
    public CommandRegistry register(String name, CommandHandler handler) {
        handlers.put(name.toUpperCase(Locale.ROOT), handler);
        return this;
    }

    /** Runs when the module closes (after its last command). */
    public CommandRegistry onClose(Runnable hook) {
        closeHooks.add(hook);
        return this;
    }

    /** Called by the module on close; a failing hook does not stop the others. */
    public void close() {
        for (Runnable hook : closeHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                // closing anyway
            }
        }
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
        io.ucell.simulator.mqtt.MqttCommands.register(r);
        io.ucell.simulator.mqttsn.MqttSnCommands.register(r);
        io.ucell.simulator.files.FileCommands.register(r);
        io.ucell.simulator.ftp.FtpCommands.register(r);
        io.ucell.simulator.http.HttpCommands.register(r);
        io.ucell.simulator.ppp.PppCommands.register(r);
        return r;
    }
}
