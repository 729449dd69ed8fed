package io.ucell.modem;

/**
 * What the module says it is.
 *
 * @param manufacturer +CGMI ("u-blox")
 * @param model        +CGMM ("SARA-R510M8S")
 * @param typeNumber   ATI0 ("SARA-R510M8S-02B-00"), empty when not answered
 * @param firmware     +CGMR ("04.12")
 * @param applicationVersion second field of ATI9 ("A00.02"), empty when not answered
 * @param imei         +CGSN
 * @param imsi         +CIMI, empty without SIM
 * @param iccid        +CCID, empty without SIM
 */
public record ModemIdentity(String manufacturer, String model, String typeNumber, String firmware,
        String applicationVersion, String imei, String imsi, String iccid) {
}
