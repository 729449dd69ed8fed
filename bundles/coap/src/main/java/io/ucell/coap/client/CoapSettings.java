package io.ucell.coap.client;

import io.ucell.coap.CoapOptions;
import io.ucell.modem.capability.ModuleCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client's configuration.
 *
 * @param profile          stored profile slot (0-3) used by {@link CoapClient#storeProfile()} and restore
 * @param baseUri          base for relative request URIs (may be empty)
 * @param options          default options of requests that give none
 * @param pdpCid           +UCOAP=20 context mapping, -1 for the module's default context
 * @param pdpIpType        preferred protocol of the mapping: 0 IPv4, 1 IPv6
 * @param responseTimeout  longest wait for +UCOAPCR after +UCOAPC's OK
 * @param queueTimeout     longest wait for another caller's transmission to end
 */
public record CoapSettings(int profile, String baseUri, CoapOptions options, int pdpCid, int pdpIpType,
        Duration responseTimeout, Duration queueTimeout) {

    public static CoapSettings defaults() {
        return new CoapSettings(0, "", CoapOptions.defaults(), -1, 0, Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    /** Problems independent of the module (empty when valid). */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (profile < 0 || profile > 3) {
            errors.add("profile must be 0-3 (the module stores 4 profiles), not " + profile);
        }
        if (baseUri != null && !baseUri.isEmpty()) {
            String p = CoapUris.problem(baseUri);
            if (p != null) {
                errors.add("base URI: " + p);
            }
        }
        if (options == null) {
            errors.add("options missing");
        }
        if (pdpCid < -1 || pdpCid > 11) {
            errors.add("PDP context id must be -1 (default) or 0-11, not " + pdpCid);
        }
        if (pdpIpType < 0 || pdpIpType > 1) {
            errors.add("PDP protocol type must be 0 (IPv4) or 1 (IPv6), not " + pdpIpType);
        }
        if (responseTimeout == null || responseTimeout.isNegative() || responseTimeout.isZero()) {
            errors.add("response timeout must be positive");
        }
        if (queueTimeout == null || queueTimeout.isNegative()) {
            errors.add("queue timeout must not be negative");
        }
        return errors;
    }

    /** Problems with this module: CoAP, RAI and PDP mapping are not everywhere (sections 8, 8.2.3, A.2). */
    public List<String> validate(ModuleCapabilities caps) {
        List<String> errors = new ArrayList<>();
        if (caps == null) {
            return errors;
        }
        if (!caps.coapSupported()) {
            errors.add("the " + caps.describe() + " has no CoAP client (section 8)");
            return errors;
        }
        if (options != null && options.rai() != 0 && !caps.raiSupported()) {
            errors.add("the " + caps.describe() + " does not support the RAI flag (A.2)");
        }
        if (pdpCid >= 0 && !caps.internalPdpMappingSupported()) {
            errors.add("the " + caps.describe() + " cannot map CoAP to another PDP context (8.2.3)");
        }
        if (pdpCid >= 0 && !caps.validCid(pdpCid)) {
            errors.add("context id " + pdpCid + " is out of range on the " + caps.describe());
        }
        return errors;
    }
}
