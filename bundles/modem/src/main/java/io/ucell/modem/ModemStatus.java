package io.ucell.modem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of the modem service.
 *
 * @param state          state machine position
 * @param family         "SARA-R5", "LEXI-R520", "SARA-R42", "LEXI-R422", "SARA-R422", or empty before detection
 * @param productVersion "00B", "01B", "02B", or empty before detection
 * @param identity       identity, null before the module answered
 * @param operator       operator name from +COPS?, empty when not registered
 * @param rat            radio access technology ("LTE-M", "NB-IoT", "GSM", ...), empty when unknown
 * @param signal         signal quality
 * @param cid            the context the service keeps active
 * @param contexts       every defined context
 * @param mtu            IPv4 MTU from +CGCONTRDP when the module reports it, else null
 * @param failureReason  why the service is recovering or failed; empty otherwise
 * @param configError    why the last configuration was refused (the previous one stays in force); empty otherwise
 * @param failures       consecutive failures since the last success
 * @param timestamp      when this snapshot was taken
 */
public record ModemStatus(ModemState state, String family, String productVersion, ModemIdentity identity,
        String operator, String rat, SignalQuality signal, int cid, List<PdpContextStatus> contexts, Integer mtu,
        String failureReason, String configError, int failures, Instant timestamp) {

    public ModemStatus {
        contexts = List.copyOf(contexts);
    }

    public static ModemStatus off() {
        return new ModemStatus(ModemState.OFF, "", "", null, "", "", SignalQuality.UNKNOWN, 1, List.of(), null,
                "", "", 0, Instant.now());
    }

    /** The context the service keeps active, when defined. */
    public Optional<PdpContextStatus> activeContext() {
        return contexts.stream().filter(c -> c.cid() == cid).findFirst();
    }

    /** IPv4 address of the service's context, or empty. */
    public String ipv4() {
        return activeContext().map(PdpContextStatus::ipv4).orElse("");
    }

    /** IPv6 address of the service's context, or empty. */
    public String ipv6() {
        return activeContext().map(PdpContextStatus::ipv6).orElse("");
    }

    public ModemStatus withState(ModemState s, String reason) {
        return new ModemStatus(s, family, productVersion, identity, operator, rat, signal, cid, contexts, mtu,
                reason == null ? "" : reason, configError, failures, Instant.now());
    }

    public ModemStatus withConfigError(String error) {
        return new ModemStatus(state, family, productVersion, identity, operator, rat, signal, cid, contexts, mtu,
                failureReason, error == null ? "" : error, failures, Instant.now());
    }

    public ModemStatus withFailures(int n) {
        return new ModemStatus(state, family, productVersion, identity, operator, rat, signal, cid, contexts, mtu,
                failureReason, configError, n, Instant.now());
    }
}
