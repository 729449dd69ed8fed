package io.ucell.modem.capability;

import java.util.Locale;
import java.util.Optional;

/**
 * Module families as the application note groups them. LEXI-R520 behaves like SARA-R5 "02B";
 * LEXI-R422 like SARA-R42; SARA-R422 (no "S") is the SARA-R42 variant without security, MQTT,
 * HTTP, FTP or CoAP.
 */
public enum ModuleFamily {
    SARA_R5("SARA-R5", Series.R5),
    LEXI_R520("LEXI-R520", Series.R5),
    SARA_R42("SARA-R42", Series.R42),
    LEXI_R422("LEXI-R422", Series.R42),
    SARA_R422("SARA-R422", Series.R42);

    /** The two product series of section 2 (cid ranges, activation procedure). */
    public enum Series { R5, R42 }

    private final String displayName;
    private final Series series;

    ModuleFamily(String displayName, Series series) {
        this.displayName = displayName;
        this.series = series;
    }

    public String displayName() {
        return displayName;
    }

    public Series series() {
        return series;
    }

    /**
     * The family from a model string (+CGMM, ATI "Model:", or the ATI0 type number):
     * "SARA-R510M8S", "SARA-R500S", "SARA-R422S", "SARA-R422M8S", "SARA-R422", "LEXI-R520", "LEXI-R422".
     */
    public static Optional<ModuleFamily> fromModel(String model) {
        if (model == null) {
            return Optional.empty();
        }
        String m = model.trim().toUpperCase(Locale.ROOT);
        // a type number "SARA-R510S-01B-00" carries the model before the first '-' after the series
        int dash = m.indexOf('-', 5);
        String base = dash > 0 ? m.substring(0, dash) : m;
        if (base.startsWith("LEXI-R52")) {
            return Optional.of(LEXI_R520);
        }
        if (base.startsWith("LEXI-R42")) {
            return Optional.of(LEXI_R422);
        }
        if (base.startsWith("SARA-R5")) {
            return Optional.of(SARA_R5);
        }
        if (base.startsWith("SARA-R42")) {
            // the security-capable variants end in "S" (SARA-R422S, SARA-R422M8S, SARA-R422M10S)
            return Optional.of(base.endsWith("S") ? SARA_R42 : SARA_R422);
        }
        return Optional.empty();
    }
}
