package io.ucell.modem;

/**
 * Signal figures; {@code null} where the module does not report them.
 *
 * @param csq     +CSQ rssi index (0..31, 99 unknown)
 * @param rssiDbm RSSI in dBm derived from {@code csq}
 * @param rsrpDbm RSRP in dBm from +CESQ
 * @param rsrqDb  RSRQ in dB from +CESQ
 */
public record SignalQuality(Integer csq, Integer rssiDbm, Integer rsrpDbm, Double rsrqDb) {

    public static final SignalQuality UNKNOWN = new SignalQuality(null, null, null, null);
}
