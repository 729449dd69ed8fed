package io.ucell.modem;

/** Told about every status change (plain Java; OSGi users can also listen on EventAdmin topic {@link ModemService#STATUS_TOPIC}). */
@FunctionalInterface
public interface ModemListener {
    void statusChanged(ModemStatus previous, ModemStatus current);
}
