package io.ucell.simulator.model;

/**
 * Identity strings as the module reports them.
 *
 * @param manufacturer +CGMI
 * @param model        +CGMM (and the "Model:" line of ATI)
 * @param typeNumber   ATI0: the ordering code, which carries the product version (e.g. SARA-R510S-01B-00)
 * @param firmware     +CGMR (modem firmware version; its major number follows the product version)
 * @param applicationVersion second field of ATI9
 * @param svn          software version number shown by ATI
 */
public record Identity(String manufacturer, String model, String typeNumber, String firmware,
        String applicationVersion, String svn) {

    /** ATI9: "&lt;modem version&gt;,&lt;application version&gt;". */
    public String ati9() {
        return firmware + "," + applicationVersion;
    }
}
