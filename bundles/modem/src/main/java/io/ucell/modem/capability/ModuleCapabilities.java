package io.ucell.modem.capability;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * What one module family and product version can do: the one place where module differences live.
 * The rest of the code asks this table, never the model name.
 *
 * @param family                      module family
 * @param productVersion              product version (LEXI-R520 is always 02B)
 * @param minCid                      lowest context id (0)
 * @param maxCid                      highest context id (11 on SARA-R5, 7 on SARA-R42; section 2.1)
 * @param maxActiveContexts           contexts that can be active at once (7 / 4)
 * @param upsdSupported               +UPSD/+UPSND exist (removed on SARA-R5 02B and LEXI-R520)
 * @param upsdaSupported              +UPSDA activates the PSD profile (SARA-R5 00B/01B only)
 * @param ipTypeMappingSupported      the +UPSD=0,0 type must match the context's (2.3.1; SARA-R5 00B/01B)
 * @param mappingUsesDefinedType      00B: the type given to +CGDCONT set counts; otherwise the type +CGDCONT? shows
 * @param contextActiveAfterRegistration the default context is up after registration (SARA-R5 02B, LEXI-R520)
 * @param cgactAfterAttachNeeded      +CGACT=1,cid after every (re)attach (SARA-R42 series, 2.3)
 * @param udconf19Supported           +UDCONF=19 default context / preferred IP type (2.3.2; SARA-R5 02B, LEXI-R520)
 * @param internalPdpMappingSupported MQTT/MQTT-SN/CoAP profile-to-context mapping (6.1.4, 7.1.4, 8.2.3)
 * @param minCommandGap               quiet time after a final result code or URC before the next command
 * @param udpReadUrc                  URC announcing UDP data (+UUSORD on SARA-R5, +UUSORF on SARA-R42)
 * @param tcpQueueBytes               TCP socket queue size
 * @param securitySupported           TLS / +USECMNG / secure sockets
 * @param mqttSupported               embedded MQTT client (and MQTT-SN)
 * @param httpSupported               embedded HTTP client
 * @param ftpSupported                embedded FTP client
 * @param coapSupported               embedded CoAP client
 * @param pingSupported               +UPING
 * @param dnsSupported                +UDNSRN
 * @param raiSupported                Release Assistance Indication flag (+UCOAP, +USOSTF; A.2: not SARA-R5 00B)
 */
public record ModuleCapabilities(
        ModuleFamily family,
        ProductVersion productVersion,
        int minCid,
        int maxCid,
        int maxActiveContexts,
        boolean upsdSupported,
        boolean upsdaSupported,
        boolean ipTypeMappingSupported,
        boolean mappingUsesDefinedType,
        boolean contextActiveAfterRegistration,
        boolean cgactAfterAttachNeeded,
        boolean udconf19Supported,
        boolean internalPdpMappingSupported,
        Duration minCommandGap,
        String udpReadUrc,
        int tcpQueueBytes,
        boolean securitySupported,
        boolean mqttSupported,
        boolean httpSupported,
        boolean ftpSupported,
        boolean coapSupported,
        boolean pingSupported,
        boolean dnsSupported,
        boolean raiSupported) {

    /** The table. */
    public static ModuleCapabilities of(ModuleFamily family, ProductVersion version) {
        Duration gap = Duration.ofMillis(20);
        if (family.series() == ModuleFamily.Series.R5) {
            ProductVersion v = family == ModuleFamily.LEXI_R520 ? ProductVersion.V02B : version;
            boolean v02 = v == ProductVersion.V02B;
            return new ModuleCapabilities(family, v, 0, 11, 7,
                    !v02, !v02, !v02, v == ProductVersion.V00B, v02, false, v02, v02,
                    gap, "+UUSORD", 8192, true, true, true, true, true, true, true, v != ProductVersion.V00B);
        }
        ProductVersion v = version == ProductVersion.V02B ? ProductVersion.V01B : version;
        boolean full = family != ModuleFamily.SARA_R422;
        return new ModuleCapabilities(family, v, 0, 7, 4,
                true, false, false, false, false, true, false, false,
                gap, "+UUSORF", 16384, full, full, full, full, full, true, true, true);
    }

    /**
     * Dial-up (app note section 4) on this module: router or bridge mode, full-cone NAT, embedded port
     * filtering, whether +UAUTHREQ must precede the dial, and +CVHU=0 for ATH in online command mode.
     */
    public DialUp dialUp() {
        return DialUp.of(family, productVersion);
    }

    /** How the module gives the DTE its address on a PPP link (section 4.1.1 / 4.1.2). */
    public enum PppMode {
        /** A private network per cid, 192.168.(200+cid).0/24, the module routes (IPv4 only; SARA-R5, LEXI-R520). */
        ROUTER,
        /** The DTE gets the context's address; the module is a transparent pipe (SARA-R42, LEXI-R422, SARA-R422). */
        BRIDGE
    }

    /**
     * Section 4 per family and product version.
     *
     * @param mode                 router (SARA-R5, LEXI-R520) or bridge (SARA-R42 series, LEXI-R422)
     * @param authRequestMandatory +UAUTHREQ with at least a dummy user and password before the dial (4.1:
     *                             LEXI-R520, SARA-R5 00B/x1B/02B)
     * @param fullConeNatSupported +UPORTFWD=100,cid (4.1.3: not SARA-R5 00B, not the SARA-R42 series)
     * @param portFilterSupported  +UEMBPF (4.3: SARA-R42 series and LEXI-R422 only)
     * @param portFilterDefault    the factory +UEMBPF value as "mode,range" ("1,9999-19999" on SARA-R42 01B and
     *                             LEXI-R422, "0," on SARA-R42 00B and SARA-R422); null where unsupported
     * @param cvhuForHangUp        +CVHU=0 makes ATH work in online command mode (4.2: SARA-R42 series)
     */
    public record DialUp(PppMode mode, boolean authRequestMandatory, boolean fullConeNatSupported,
            boolean portFilterSupported, String portFilterDefault, boolean cvhuForHangUp) {

        static DialUp of(ModuleFamily family, ProductVersion version) {
            if (family.series() == ModuleFamily.Series.R5) {
                return new DialUp(PppMode.ROUTER, true, version != ProductVersion.V00B, false, null, false);
            }
            boolean filterOn = family == ModuleFamily.LEXI_R422
                    || (family == ModuleFamily.SARA_R42 && version != ProductVersion.V00B);
            return new DialUp(PppMode.BRIDGE, false, false, true, filterOn ? "1,9999-19999" : "0,", true);
        }
    }

    public boolean validCid(int cid) {
        return cid >= minCid && cid <= maxCid;
    }

    /** "SARA-R5 01B", "LEXI-R520 02B". */
    public String describe() {
        return family.displayName() + " " + productVersion.code();
    }

    /**
     * Parses a family override: "SARA-R5-01B", "sara_r5_02b", "LEXI-R520", "SARA-R42-00B", "LEXI-R422",
     * "SARA-R422". Empty, null or "auto" means detection; anything else unknown is empty too (callers
     * should validate with {@link #isValidOverride}).
     */
    public static Optional<ModuleCapabilities> fromOverride(String override) {
        if (override == null) {
            return Optional.empty();
        }
        String s = override.trim().toUpperCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
        if (s.isEmpty() || s.equals("AUTO")) {
            return Optional.empty();
        }
        ProductVersion version = null;
        String famPart = s;
        for (ProductVersion v : ProductVersion.values()) {
            if (s.endsWith("-" + v.code())) {
                version = v;
                famPart = s.substring(0, s.length() - v.code().length() - 1);
            }
        }
        ModuleFamily family = null;
        for (ModuleFamily f : ModuleFamily.values()) {
            if (f.displayName().equals(famPart)) {
                family = f;
            }
        }
        if (family == null) {
            return Optional.empty();
        }
        if (version == null) {
            switch (family) {
                case SARA_R5:
                    return Optional.empty(); // SARA-R5 needs a product version
                case LEXI_R520:
                    version = ProductVersion.V02B;
                    break;
                default:
                    version = ProductVersion.V01B;
            }
        }
        return Optional.of(of(family, version));
    }

    /** Whether an override string is "auto"/empty or names a family (and product version) of the table. */
    public static boolean isValidOverride(String override) {
        String s = override == null ? "" : override.trim();
        return s.isEmpty() || s.equalsIgnoreCase("auto") || fromOverride(s).isPresent();
    }
}
