package io.ucell.simulator.commands;

/** Executes one command; called with the module's state lock held, one command at a time. */
@FunctionalInterface
public interface CommandHandler {
    Response handle(AtCommand command, ModuleContext module);
}
