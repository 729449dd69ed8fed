package io.ucell.mqttsn;

import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The MQTT-SN client profile (+UMQTTSN, section 7.1) and how long to wait for the gateway.
 *
 * @param clientId        client id; empty = the module's default, its IMEI (7.1.1)
 * @param gatewayHost     gateway IP address (+UMQTTSN=2) or name (+UMQTTSN=1)
 * @param gatewayPort     gateway port (1883 unless told)
 * @param duration        connection duration in seconds (+UMQTTSN=8), 0 = the module's default
 * @param cleanSession    clean session (+UMQTTSN=10)
 * @param will            last will, or null for none (+UMQTTSN=4..7)
 * @param securityProfile USECMNG profile 0-4 for DTLS (+UMQTTSN=9,1,p, 7.10), -1 for none
 * @param pdpCid          context the client uses (+UMQTTSN=20, 7.1.4; SARA-R5 02B and LEXI-R520), -1 = default
 * @param pdpIpType       preferred protocol of that mapping: 0 IPv4, 1 IPv6
 * @param preset          MQTT Anywhere or MQTT Flex rules applied on top ({@link #effective()})
 * @param flexCertificate internal name of the device certificate in the module (MQTT Flex, 7.12.1)
 * @param flexKey         internal name of the device key in the module (MQTT Flex, 7.12.1)
 * @param responseTimeout how long to wait for the gateway's answer (+UUMQTTSNC)
 */
public record MqttSnSettings(String clientId, String gatewayHost, int gatewayPort, int duration, boolean cleanSession,
        MqttSnWill will, int securityProfile, int pdpCid, int pdpIpType, MqttSnPreset preset, String flexCertificate,
        String flexKey, Duration responseTimeout) {

    public static final int DEFAULT_PORT = 1883;
    /** Client ids up to this length are sent (MQTT Anywhere and Flex ids are over 40 characters). */
    public static final int MAX_CLIENT_ID = 100;
    /** The APN of the Thingstream IoT SIM that reaches MQTT Anywhere (7.11). */
    public static final String ANYWHERE_APN = "tsudp";
    /** MQTT Anywhere's connection duration in the app note's example (7.11), used when none is given. */
    public static final int ANYWHERE_DURATION = 600;
    /** MQTT Flex gateway endpoint (7.12.3). */
    public static final String FLEX_GATEWAY = "mqtt-flex.thingstream.io";
    public static final int FLEX_PORT = 2443;
    /** Internal names of the device certificate and key in the app note's example (7.12.1). */
    public static final String FLEX_CERTIFICATE = "MQTTFlex_cert";
    public static final String FLEX_KEY = "MQTTFlex_key";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:]*:[0-9A-Fa-f:.]*");

    public MqttSnSettings {
        clientId = clientId == null ? "" : clientId.trim();
        gatewayHost = gatewayHost == null ? "" : gatewayHost.trim();
        preset = preset == null ? MqttSnPreset.NONE : preset;
        flexCertificate = flexCertificate == null || flexCertificate.isBlank() ? FLEX_CERTIFICATE : flexCertificate.trim();
        flexKey = flexKey == null || flexKey.isBlank() ? FLEX_KEY : flexKey.trim();
        Objects.requireNonNull(responseTimeout, "responseTimeout");
    }

    /** No gateway yet, the module's defaults, 30 s per answer. */
    public static MqttSnSettings defaults() {
        return new MqttSnSettings("", "", DEFAULT_PORT, 0, false, null, -1, -1, 0, MqttSnPreset.NONE, "", "",
                Duration.ofSeconds(30));
    }

    /** Plain MQTT-SN to a gateway. */
    public static MqttSnSettings gateway(String host, int port) {
        return defaults().withGateway(host, port);
    }

    /**
     * MQTT Anywhere (7.11): the identity of the SN thing from the Thingstream console ("identity:..." or the bare
     * value), connection duration 600 s, clean session; the modem service must use APN {@value #ANYWHERE_APN}.
     * The app note does not name the gateway: it comes with the service.
     */
    public static MqttSnSettings mqttAnywhere(String identity, String gatewayHost, int gatewayPort) {
        return new MqttSnSettings(identity, gatewayHost, gatewayPort, ANYWHERE_DURATION, true, null, -1, -1, 0,
                MqttSnPreset.MQTT_ANYWHERE, "", "", Duration.ofSeconds(30));
    }

    /**
     * MQTT Flex (7.12): the device value of the Flex thing ("device:..." or the bare value), the gateway
     * {@value #FLEX_GATEWAY}:{@value #FLEX_PORT}, DTLS with {@code securityProfile}, which the client sets up for the
     * device certificate and key already imported as {@value #FLEX_CERTIFICATE} and {@value #FLEX_KEY} (7.12.2).
     */
    public static MqttSnSettings mqttFlex(String device, int securityProfile) {
        return new MqttSnSettings(device, FLEX_GATEWAY, FLEX_PORT, 0, false, null, securityProfile, -1, 0,
                MqttSnPreset.MQTT_FLEX, FLEX_CERTIFICATE, FLEX_KEY, Duration.ofSeconds(30));
    }

    public MqttSnSettings withClientId(String v) {
        return new MqttSnSettings(v, gatewayHost, gatewayPort, duration, cleanSession, will, securityProfile, pdpCid,
                pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withGateway(String host, int port) {
        return new MqttSnSettings(clientId, host, port, duration, cleanSession, will, securityProfile, pdpCid,
                pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withDuration(int seconds) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, seconds, cleanSession, will, securityProfile,
                pdpCid, pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withCleanSession(boolean v) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, duration, v, will, securityProfile, pdpCid,
                pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withWill(MqttSnWill v) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, duration, cleanSession, v, securityProfile,
                pdpCid, pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    /** DTLS with a USECMNG security profile (7.10); -1 for none. */
    public MqttSnSettings withSecurityProfile(int profile) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, duration, cleanSession, will, profile, pdpCid,
                pdpIpType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withPdpMapping(int cid, int ipType) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, duration, cleanSession, will, securityProfile,
                cid, ipType, preset, flexCertificate, flexKey, responseTimeout);
    }

    public MqttSnSettings withResponseTimeout(Duration v) {
        return new MqttSnSettings(clientId, gatewayHost, gatewayPort, duration, cleanSession, will, securityProfile,
                pdpCid, pdpIpType, preset, flexCertificate, flexKey, v);
    }

    public boolean secure() {
        return securityProfile >= 0;
    }

    /**
     * What is written to the module: the preset's rules on top of the fields. MQTT Anywhere: "identity:" before a
     * bare identity, clean session, duration 600 s unless one is given. MQTT Flex: "device:" before a bare device
     * value, the Flex gateway unless one is given, DTLS with profile 0 unless one is given.
     */
    public MqttSnSettings effective() {
        switch (preset) {
            case MQTT_ANYWHERE:
                return new MqttSnSettings(prefixed(clientId, "identity:"), gatewayHost, gatewayPort,
                        duration > 0 ? duration : ANYWHERE_DURATION, true, will, securityProfile, pdpCid, pdpIpType,
                        preset, flexCertificate, flexKey, responseTimeout);
            case MQTT_FLEX:
                return new MqttSnSettings(prefixed(clientId, "device:"),
                        gatewayHost.isEmpty() ? FLEX_GATEWAY : gatewayHost, gatewayHost.isEmpty() ? FLEX_PORT : gatewayPort,
                        duration, cleanSession, will, securityProfile >= 0 ? securityProfile : 0, pdpCid, pdpIpType,
                        preset, flexCertificate, flexKey, responseTimeout);
            default:
                return this;
        }
    }

    private static String prefixed(String id, String prefix) {
        return id.isEmpty() || id.indexOf(':') >= 0 ? id : prefix + id;
    }

    /** Whether the gateway is given as an IP address (+UMQTTSN=2) rather than a name (+UMQTTSN=1). */
    public boolean gatewayIsIp() {
        return isIpLiteral(gatewayHost);
    }

    static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || (host.indexOf(':') >= 0 && IPV6.matcher(host).matches());
    }

    /** Everything wrong, independent of the module (empty when valid). */
    public List<String> validate() {
        List<String> e = new ArrayList<>();
        MqttSnSettings s = effective();
        if (s.clientId.length() > MAX_CLIENT_ID || !MqttSnWill.printable(s.clientId)) {
            e.add("client id must be at most " + MAX_CLIENT_ID + " printable characters without double quotes");
        }
        if (!s.gatewayHost.isEmpty() && (s.gatewayHost.length() > 255
                || !(isIpLiteral(s.gatewayHost) || HOST_NAME.matcher(s.gatewayHost).matches()))) {
            e.add("gateway '" + s.gatewayHost + "' is neither an IP address nor a host name");
        }
        if (s.gatewayPort < 1 || s.gatewayPort > 65535) {
            e.add("gateway port must be 1-65535");
        }
        if (s.duration < 0 || s.duration > 65535) {
            e.add("connection duration must be 0-65535 s");
        }
        if (s.securityProfile < -1 || s.securityProfile > 4) {
            e.add("security profile must be 0-4 (or -1 for no DTLS)");
        }
        if (s.pdpCid < -1 || s.pdpCid > 11) {
            e.add("PDP context must be -1 (default) or a context id");
        }
        if (s.pdpIpType < 0 || s.pdpIpType > 1) {
            e.add("PDP protocol type must be 0 (IPv4) or 1 (IPv6)");
        }
        if (responseTimeout.isNegative() || responseTimeout.isZero()) {
            e.add("response timeout must be positive");
        }
        if (preset == MqttSnPreset.MQTT_ANYWHERE && s.clientId.isEmpty()) {
            e.add("MQTT Anywhere needs the SN thing's identity as client id (7.11)");
        }
        if (preset == MqttSnPreset.MQTT_FLEX) {
            if (s.clientId.isEmpty()) {
                e.add("MQTT Flex needs the Flex thing's device value as client id (7.12.3)");
            }
            if (!MqttSnWill.printable(flexCertificate) || !MqttSnWill.printable(flexKey)
                    || flexCertificate.length() > 200 || flexKey.length() > 200) {
                e.add("MQTT Flex certificate and key names must be printable, without double quotes");
            }
        }
        return e;
    }

    /** What this module cannot do with these settings (empty when it can). */
    public List<String> validate(ModuleCapabilities caps) {
        List<String> e = new ArrayList<>();
        MqttSnSettings s = effective();
        if (!caps.mqttSupported()) {
            e.add("the " + caps.describe() + " has no MQTT-SN client (section 7 does not apply to SARA-R422)");
            return e;
        }
        if (s.pdpCid >= 0 && !caps.internalPdpMappingSupported()) {
            e.add("the " + caps.describe() + " cannot map the MQTT-SN client to a context (7.1.4)");
        }
        if (s.pdpCid >= 0 && !caps.validCid(s.pdpCid)) {
            e.add("context " + s.pdpCid + " does not exist on the " + caps.describe());
        }
        if (s.secure() && !caps.securitySupported()) {
            e.add("the " + caps.describe() + " has no DTLS");
        }
        boolean r5v00 = caps.family() == ModuleFamily.SARA_R5 && caps.productVersion() == ProductVersion.V00B;
        if (preset != MqttSnPreset.NONE && (r5v00 || caps.family() == ModuleFamily.SARA_R422)) {
            e.add((preset == MqttSnPreset.MQTT_ANYWHERE ? "MQTT Anywhere" : "MQTT Flex") + " is not supported by the "
                    + caps.describe() + " (7.11, 7.12)");
        }
        return e;
    }

    @Override
    public String toString() {
        // no secrets here, but keep it short for logs
        return "MqttSnSettings[" + preset.name().toLowerCase(Locale.ROOT) + ", client '" + clientId + "', gateway "
                + gatewayHost + ":" + gatewayPort + (secure() ? ", DTLS profile " + securityProfile : "") + "]";
    }
}
