package io.ucell.simulator.model;

import java.time.Duration;

/**
 * What one module model can do. The simulator asks this table, never the model name (same idea as
 * ubxlib's per-module table), so a new product version is one new row.
 *
 * @param family                    module family
 * @param maxCid                    highest context id (contexts are 0..maxCid)
 * @param maxActiveContexts         how many contexts may be active at the same time
 * @param upsdSupported             +UPSD/+UPSND exist (removed on SARA-R5 02B and LEXI-R520, section 2.3)
 * @param upsdaSupported            +UPSDA exists (SARA-R42 activates through +CGACT instead, section 2.3)
 * @param needsCgactAfterAttach     the host must issue +CGACT=1,cid after every (re)attach (SARA-R4 note, 2.3)
 * @param contextActiveAfterRegistration the default context is usable by internal apps right after
 *                                  registration, no profile activation needed (SARA-R5 02B / LEXI-R520)
 * @param ipTypeMappingSupported    +UPSD type is checked against +CGDCONT (section 2.3.1; not R42, not R5 02B)
 * @param mappingChecksDefinedType  00B: the type given to +CGDCONT set matters, not the read answer (2.3.1)
 * @param udconf19Supported         +UDCONF=19 default context and preferred IP type (section 2.3.2)
 * @param internalPdpMappingSupported +UMQTT=20 / +UMQTTSN=20 / +UCOAP=20 mapping (sections 6.1.4, 7.1.4, 8.2.3)
 * @param udpReadUrc                URC announcing UDP data (+UUSORD on SARA-R5, +UUSORF on SARA-R42, 5.7)
 * @param securitySupported         TLS / USECMNG / secure sockets (not on SARA-R422)
 * @param mqttSupported             embedded MQTT client
 * @param httpSupported             embedded HTTP client
 * @param ftpSupported              embedded FTP client
 * @param coapSupported             embedded CoAP client
 * @param tcpQueueBytes             TCP socket queue size (section 5.3.3)
 * @param secureQueueBytes          queue size of a secure (TLS) socket: 1 kB on every family (section 5.3.3)
 * @param maxSockets                sockets open at the same time (section 5.11: 7)
 * @param unackedQuerySupported     +USOCTL=s,11 (unacknowledged bytes) exists; not on SARA-R5 (5.3.3, 5.8)
 * @param defaultCgdcontType        PDP type of the factory context definition
 * @param defaultUpsdIpType         factory +UPSD=0,0 value (2.3.1: 00B 0 = IPv4, 01B 2 = IPv4v6 IPv4 preferred)
 * @param minCommandGap             time the DTE must leave after a final result code or URC before the next
 *                                  command; the u-blox AT manuals of both families state 20 ms
 * @param typicalBootTime           what a real module of this family takes to boot (default of the config)
 * @param raiSupported              Release Assistance Indication flag (+UCOAP, +USOSTF; A.2: not SARA-R5 00B)
 * @param pppRouterMode             PPP dial-up in router mode: private 192.168.(200+cid).x network, NAT (4.1.1:
 *                                  SARA-R5 series and LEXI-R520)
 * @param pppBridgeMode             PPP dial-up in bridge mode: the DTE gets the context's address (4.1.2: SARA-R42
 *                                  series, LEXI-R422)
 * @param pppAuthRequired           the dial fails unless +UAUTHREQ gave the context a user and password (4.1:
 *                                  LEXI-R520, SARA-R5 00B, x1B, 02B)
 * @param fullConeNat               +UPORTFWD=100,cid full-cone NAT on the PPP interface (4.1.3: router mode models
 *                                  but SARA-R5 00B)
 * @param embeddedPortFilter        factory setting of +UEMBPF (4.3), or null when the model has no +UEMBPF
 *                                  (SARA-R5 series, LEXI-R520)
 * @param defaultCvhu               factory +CVHU: 1 = ATH in online command mode is ignored (answers OK), 0 = ATH
 *                                  hangs up (4.2: SARA-R42 needs AT+CVHU=0)
 */
public record Capabilities(
        Family family,
        int maxCid,
        int maxActiveContexts,
        boolean upsdSupported,
        boolean upsdaSupported,
        boolean needsCgactAfterAttach,
        boolean contextActiveAfterRegistration,
        boolean ipTypeMappingSupported,
        boolean mappingChecksDefinedType,
        boolean udconf19Supported,
        boolean internalPdpMappingSupported,
        String udpReadUrc,
        boolean securitySupported,
        boolean mqttSupported,
        boolean httpSupported,
        boolean ftpSupported,
        boolean coapSupported,
        int tcpQueueBytes,
        int secureQueueBytes,
        int maxSockets,
        boolean unackedQuerySupported,
        PdpType defaultCgdcontType,
        int defaultUpsdIpType,
        Duration minCommandGap,
        Duration typicalBootTime,
        boolean raiSupported,
        boolean pppRouterMode,
        boolean pppBridgeMode,
        boolean pppAuthRequired,
        boolean fullConeNat,
        PortFilter embeddedPortFilter,
        int defaultCvhu) {

    /**
     * An +UEMBPF setting: incoming packets whose destination port is in low..high go to the module's embedded
     * applications instead of the PPP DTE (4.3). Disabled settings may keep an empty range (low = high = 0).
     */
    public record PortFilter(boolean enabled, int low, int high) {
        public static final PortFilter DISABLED_EMPTY = new PortFilter(false, 0, 0);

        /** The range as +UEMBPF shows it: "9999-19999", or "" when empty. */
        public String range() {
            return low == 0 && high == 0 ? "" : low + "-" + high;
        }

        /** True when the filter is on and {@code port} is inside the range. */
        public boolean filters(int port) {
            return enabled && port >= low && port <= high && high > 0;
        }
    }

    public boolean validCid(int cid) {
        return cid >= 0 && cid <= maxCid;
    }
}
