package io.ucell.simulator.model;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The simulated module models, each with its identity strings and its row of the capability table. */
public enum ModuleModel {
    SARA_R5_00B("SARA-R5-00B", "SARA-R5 00B",
            new Identity("u-blox", "SARA-R500S", "SARA-R500S-00B-00", "02.05", "A00.01", "02"),
            r5(true, true, false, true, 0, false, false)),
    SARA_R5_01B("SARA-R5-01B", "SARA-R5 01B",
            new Identity("u-blox", "SARA-R510S", "SARA-R510S-01B-00", "03.15", "A00.01", "03"),
            r5(true, false, false, true, 2, true, true)),
    SARA_R5_02B("SARA-R5-02B", "SARA-R5 02B",
            new Identity("u-blox", "SARA-R510M8S", "SARA-R510M8S-02B-00", "04.12", "A00.02", "04"),
            r5(false, false, true, false, 2, true, true)),
    LEXI_R520("LEXI-R520", "LEXI-R520",
            new Identity("u-blox", "LEXI-R520", "LEXI-R520-02B-00", "04.16", "A00.02", "04"),
            r5(false, false, true, false, 2, true, true)),
    SARA_R42_00B("SARA-R42-00B", "SARA-R422S 00B",
            new Identity("u-blox", "SARA-R422S", "SARA-R422S-00B-00", "00.12", "A00.01", "00"),
            r42(true, Capabilities.PortFilter.DISABLED_EMPTY)),
    SARA_R42_01B("SARA-R42-01B", "SARA-R422S 01B",
            new Identity("u-blox", "SARA-R422S", "SARA-R422S-01B-00", "02.04", "A00.01", "02"),
            r42(true, factoryPortFilter())),
    LEXI_R422("LEXI-R422", "LEXI-R422",
            new Identity("u-blox", "LEXI-R422", "LEXI-R422-01B-00", "02.06", "A00.01", "02"),
            r42(true, factoryPortFilter())),
    SARA_R422("SARA-R422", "SARA-R422 (no security)",
            new Identity("u-blox", "SARA-R422", "SARA-R422-01B-00", "02.04", "A00.01", "02"),
            r42(false, Capabilities.PortFilter.DISABLED_EMPTY));

    private final String cliName;
    private final String displayName;
    private final Identity identity;
    private final Capabilities capabilities;

    ModuleModel(String cliName, String displayName, Identity identity, Capabilities capabilities) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.identity = identity;
        this.capabilities = capabilities;
    }

    // 20 ms: both the SARA-R5 and the SARA-R4/R42 AT command manuals ask the DTE to wait at least 20 ms
    // after a final result code or URC before sending the next command, else characters may be lost.
    // (A method, not a constant: enum constants are built before the enum's static fields.)
    private static Duration minGap() {
        return Duration.ofMillis(20);
    }

    private static Capabilities r5(boolean upsd, boolean checksDefinedType, boolean pdpMapping, boolean ipMapping,
            int defaultUpsdType, boolean rai, boolean fullConeNat) {
        return new Capabilities(Family.SARA_R5, 11, 7,
                upsd, upsd, false, !upsd, ipMapping, checksDefinedType,
                !upsd, pdpMapping, "+UUSORD",
                true, true, true, true, true,
                8 * 1024, 1024, 7, false, PdpType.IPV4V6, defaultUpsdType, minGap(), Duration.ofSeconds(5), rai,
                true, false, true, fullConeNat, null, 0);
    }

    // +UEMBPF factory value of SARA-R42 01B and LEXI-R422 (4.3); SARA-R42 00B (and SARA-R422, the contract's
    // choice) ship it disabled with an empty range
    private static Capabilities.PortFilter factoryPortFilter() {
        return new Capabilities.PortFilter(true, 9999, 19999);
    }

    private static Capabilities r42(boolean security, Capabilities.PortFilter portFilter) {
        return new Capabilities(Family.SARA_R42, 7, 4,
                true, false, true, false, false, false,
                false, false, "+UUSORF",
                security, security, security, security, security,
                16 * 1024, 1024, 7, true, PdpType.IPV4V6, 0, minGap(), Duration.ofSeconds(6), true,
                false, true, false, false, portFilter, 1);
    }

    public String cliName() {
        return cliName;
    }

    public String displayName() {
        return displayName;
    }

    public Identity identity() {
        return identity;
    }

    public Capabilities capabilities() {
        return capabilities;
    }

    public Family family() {
        return capabilities.family();
    }

    /** Accepts the CLI name, the enum name, any case, with '-', '_' or ' ' as separators. */
    public static ModuleModel fromName(String name) {
        if (name != null) {
            String key = normalize(name);
            for (ModuleModel m : values()) {
                if (normalize(m.cliName).equals(key) || normalize(m.name()).equals(key)) {
                    return m;
                }
            }
        }
        throw new IllegalArgumentException("unknown module model '" + name + "'; valid names: " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(ModuleModel::cliName).collect(Collectors.joining(", "));
    }

    private static String normalize(String s) {
        return s.trim().toUpperCase(Locale.ROOT).replaceAll("[-_ ]", "");
    }
}
