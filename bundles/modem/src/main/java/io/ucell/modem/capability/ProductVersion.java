package io.ucell.modem.capability;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Product version ("00B", "01B", "02B") as carried by the type number and the firmware version. */
public enum ProductVersion {
    V00B("00B"),
    V01B("01B"),
    V02B("02B");

    private static final Pattern IN_TYPE_NUMBER = Pattern.compile("-(\\d\\dB)(-|$)");
    private static final Pattern FIRMWARE = Pattern.compile("^\\s*(\\d+)\\.(\\d+)");

    private final String code;

    ProductVersion(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Optional<ProductVersion> fromCode(String code) {
        for (ProductVersion v : values()) {
            if (v.code.equalsIgnoreCase(code == null ? "" : code.trim())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** From an ATI0 type number such as "SARA-R510S-01B-00". */
    public static Optional<ProductVersion> fromTypeNumber(String typeNumber) {
        if (typeNumber == null) {
            return Optional.empty();
        }
        Matcher m = IN_TYPE_NUMBER.matcher(typeNumber.trim().toUpperCase());
        return m.find() ? fromCode(m.group(1)) : Optional.empty();
    }

    /**
     * From the firmware version (+CGMR, or the first field of ATI9): SARA-R5 02.xx = 00B, 03.xx = 01B,
     * 04.xx and later = 02B; SARA-R42 00.xx/01.xx = 00B, 02.xx and later = 01B.
     */
    public static Optional<ProductVersion> fromFirmware(ModuleFamily family, String firmware) {
        if (family == null || firmware == null) {
            return Optional.empty();
        }
        Matcher m = FIRMWARE.matcher(firmware);
        if (!m.find()) {
            return Optional.empty();
        }
        int major = Integer.parseInt(m.group(1));
        if (family == ModuleFamily.LEXI_R520) {
            return Optional.of(V02B);
        }
        if (family.series() == ModuleFamily.Series.R5) {
            if (major <= 2) {
                return Optional.of(V00B);
            }
            return Optional.of(major == 3 ? V01B : V02B);
        }
        return Optional.of(major <= 1 ? V00B : V01B);
    }
}
