package io.ucell.modem;

import java.time.Duration;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.modem.capability.ModuleCapabilities;

/**
 * The module as a service: identity, capabilities, state, ping, DNS and the AT engine for the
 * protocol bundles.
 */
@ProviderType
public interface ModemService {

    /** EventAdmin topic posted on every status change; properties are listed in {@link #EVENT_PROPERTIES}. */
    String STATUS_TOPIC = "io/ucell/modem/STATUS";

    /** Event properties: state, previousState, family, productVersion, operator, rat, ipv4, ipv6, cid, failureReason, configError. */
    List<String> EVENT_PROPERTIES = List.of("state", "previousState", "family", "productVersion", "operator", "rat",
            "ipv4", "ipv6", "cid", "failureReason", "configError");

    /** The last status snapshot (no AT traffic). */
    ModemStatus status();

    /** Asks the module for signal, operator and addresses now, then returns the new snapshot. */
    ModemStatus refreshStatus();

    /** The identity, or null before the module answered. */
    ModemIdentity identity();

    /** The capabilities of the detected (or overridden) module, or null before detection. */
    ModuleCapabilities capabilities();

    /** The AT engine, for protocol bundles; null when the service is not started. */
    AtEngine at();

    /** Runs one command through the engine (raw AT for consoles: {@code AtCommand.raw("AT+CSQ")}). */
    AtResponse execute(AtCommand command);

    /** Pings a host from the module (+UPING); waits at most about {@code count * timeout} plus a margin. */
    PingResult ping(String host, int count, Duration timeout);

    /** Resolves a name through the module's DNS (+UDNSRN=0). */
    List<String> resolve(String name);

    /** Resolves an address to a name through the module's DNS (+UDNSRN=1). */
    String reverseResolve(String ip);

    /** Drops whatever the service is doing and brings the module up again (also leaves FAILED). */
    void restart();

    void addListener(ModemListener listener);

    void removeListener(ModemListener listener);
}
