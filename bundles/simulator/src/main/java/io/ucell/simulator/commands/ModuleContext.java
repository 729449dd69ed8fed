package io.ucell.simulator.commands;

import io.ucell.simulator.SimulatorConfig;
import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.Dns;
import io.ucell.simulator.network.HostPing;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.security.SecurityProfiles;
import io.ucell.simulator.sockets.SocketStack;
import java.util.concurrent.Executor;

/** What command handlers may see and do; implemented by the simulated module. */
public interface ModuleContext {
    SimulatorConfig config();

    ModuleModel model();

    Capabilities capabilities();

    /** State of the current boot. */
    Network network();

    Session session();

    Dns dns();

    HostPing hostPing();

    /** The socket table of the current boot. */
    SocketStack sockets();

    /** The +USECPRF security profiles of the current boot. */
    SecurityProfiles securityProfiles();

    /** The module's file system (kept across reboots). */
    io.ucell.simulator.files.ModuleFileSystem files();

    /** For work that outlives the command (ping echoes); its URCs go through {@link #emitUrc(String)}. */
    Executor background();

    /** Sends a URC (text without framing) unless the module is booting or unresponsive. */
    void emitUrc(String text);

    /** Non-volatile memory (stored profiles). */
    io.ucell.simulator.nvm.Nvm nvm();

    /** Reboots now: the port goes quiet for the boot time and volatile state is lost. */
    void reboot();
}
