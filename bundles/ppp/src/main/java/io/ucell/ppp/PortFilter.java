package io.ucell.ppp;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The module's embedded port filtering (+UEMBPF, app note 4.3): incoming packets whose destination port is
 * inside the range go to the module's own applications (LwM2M, BIP, ...) instead of the PPP DTE.
 *
 * @param enabled whether the filter is on (+UEMBPF mode 1)
 * @param low     first port of the range, 0 when no range is given (only allowed when disabled)
 * @param high    last port of the range, 0 when no range is given
 */
public record PortFilter(boolean enabled, int low, int high) {
    private static final Pattern RANGE = Pattern.compile("\\s*(\\d{1,5})\\s*-\\s*(\\d{1,5})\\s*");

    public PortFilter {
        boolean none = low == 0 && high == 0;
        if (enabled && none) {
            throw new IllegalArgumentException("an enabled port filter needs a port range \"low-high\"");
        }
        if (!none && (low < 1 || high > 65535 || low > high)) {
            throw new IllegalArgumentException("port range " + low + "-" + high + " must be two ports 1-65535, low <= high");
        }
    }

    /** Mode 1 or 0 and a range "low-high" (may be blank when disabled). */
    public static PortFilter of(boolean enabled, String range) {
        if (range == null || range.isBlank()) {
            return new PortFilter(enabled, 0, 0);
        }
        Matcher m = RANGE.matcher(range);
        if (!m.matches()) {
            throw new IllegalArgumentException("port range '" + range + "' is not \"low-high\" (e.g. 6000-6050)");
        }
        return new PortFilter(enabled, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public boolean hasRange() {
        return low != 0;
    }

    /** "low-high", or "" without a range. */
    public String range() {
        return hasRange() ? low + "-" + high : "";
    }

    /**
     * Whether the module's stored value already is this one: same mode, and the same range unless this one is
     * a disabled filter without a range (then the stored range does not matter).
     */
    public boolean sameAs(PortFilter stored) {
        if (stored == null || stored.enabled != enabled) {
            return false;
        }
        return !hasRange() && !enabled || Objects.equals(range(), stored.range());
    }

    @Override
    public String toString() {
        return (enabled ? "enabled" : "disabled") + (hasRange() ? " " + range() : "");
    }
}
