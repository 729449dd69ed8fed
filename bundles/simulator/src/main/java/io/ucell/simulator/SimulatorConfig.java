package io.ucell.simulator;

import io.ucell.simulator.model.ModuleModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/** Immutable configuration of one simulated module; build it with {@link #builder()}. */
public final class SimulatorConfig {
    private final ModuleModel model;
    private final int baud;
    private final Duration bootTime;
    private final Duration processingDelay;
    private final Duration registrationDelay;
    private final Duration promptGuard;
    private final Path nvmFile;
    private final String operatorLong;
    private final String operatorShort;
    private final String operatorNumeric;
    private final int rat;
    private final boolean roaming;
    private final String imei;
    private final String imsi;
    private final String iccid;
    private final String ipv4Base;
    private final String ipv6Prefix;
    private final boolean networkGrantsIpv4;
    private final boolean networkGrantsIpv6;
    private final String networkApn;
    private final String dnsPrimary;
    private final String dnsSecondary;
    private final String tac;
    private final String cellId;
    private final String greeting;
    private final int defaultMnoProfile;
    private final long faultSeed;
    private final String socketListenAddress;
    private final java.util.Map<Integer, String> mqttSnPredefinedTopics;

    private SimulatorConfig(Builder b) {
        this.model = b.model;
        this.baud = b.baud;
        this.bootTime = b.bootTime;
        this.processingDelay = b.processingDelay;
        this.registrationDelay = b.registrationDelay;
        this.promptGuard = b.promptGuard;
        this.nvmFile = b.nvmFile;
        this.operatorLong = b.operatorLong;
        this.operatorShort = b.operatorShort;
        this.operatorNumeric = b.operatorNumeric;
        this.rat = b.rat;
        this.roaming = b.roaming;
        this.imei = b.imei != null ? b.imei : Imei.forModel(b.model, b.serial);
        this.imsi = b.imsi;
        this.iccid = b.iccid;
        this.ipv4Base = b.ipv4Base;
        this.ipv6Prefix = b.ipv6Prefix;
        this.networkGrantsIpv4 = b.networkGrantsIpv4;
        this.networkGrantsIpv6 = b.networkGrantsIpv6;
        this.networkApn = b.networkApn;
        this.dnsPrimary = b.dnsPrimary;
        this.dnsSecondary = b.dnsSecondary;
        this.tac = b.tac;
        this.cellId = b.cellId;
        this.greeting = b.greeting;
        this.defaultMnoProfile = b.defaultMnoProfile;
        this.faultSeed = b.faultSeed;
        this.socketListenAddress = b.socketListenAddress;
        this.mqttSnPredefinedTopics = java.util.Map.copyOf(b.mqttSnPredefinedTopics);
    }

    public static Builder builder() {
        return new Builder();
    }

    public ModuleModel model() { return model; }
    public int baud() { return baud; }
    public Duration bootTime() { return bootTime; }
    public Duration processingDelay() { return processingDelay; }
    public Duration registrationDelay() { return registrationDelay; }
    /** After '@' the host must wait this long before sending data (50 ms, section 5.3.1). */
    public Duration promptGuard() { return promptGuard; }
    public Path nvmFile() { return nvmFile; }
    public String operatorLong() { return operatorLong; }
    public String operatorShort() { return operatorShort; }
    public String operatorNumeric() { return operatorNumeric; }
    /** Access technology reported by +COPS/+CEREG: 7 = LTE Cat M1, 9 = NB-IoT (LTE attach brings cid 1 up). */
    public int rat() { return rat; }
    public boolean roaming() { return roaming; }
    public String imei() { return imei; }
    public String imsi() { return imsi; }
    public String iccid() { return iccid; }
    public String ipv4Base() { return ipv4Base; }
    public String ipv6Prefix() { return ipv6Prefix; }
    public boolean networkGrantsIpv4() { return networkGrantsIpv4; }
    public boolean networkGrantsIpv6() { return networkGrantsIpv6; }
    public String networkApn() { return networkApn; }
    public String dnsPrimary() { return dnsPrimary; }
    public String dnsSecondary() { return dnsSecondary; }
    public String tac() { return tac; }
    public String cellId() { return cellId; }
    /** Text sent once boot completes, or null for none (the u-blox default: greeting disabled). */
    public String greeting() { return greeting; }
    public int defaultMnoProfile() { return defaultMnoProfile; }
    public long faultSeed() { return faultSeed; }
    /** Host address the TCP server sockets of +USOLI bind to (loopback unless opened up on purpose). */
    public String socketListenAddress() { return socketListenAddress; }
    /** MQTT-SN predefined topic ids (1-65535) and the MQTT topic each stands for (the gateway's table, section 7). */
    public java.util.Map<Integer, String> mqttSnPredefinedTopics() { return mqttSnPredefinedTopics; }

    public boolean lteRat() {
        return rat == 7 || rat == 9;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.model = model; b.baud = baud; b.bootTime = bootTime; b.processingDelay = processingDelay;
        b.registrationDelay = registrationDelay; b.promptGuard = promptGuard; b.nvmFile = nvmFile;
        b.operatorLong = operatorLong; b.operatorShort = operatorShort; b.operatorNumeric = operatorNumeric;
        b.rat = rat; b.roaming = roaming; b.imei = imei; b.imsi = imsi; b.iccid = iccid;
        b.ipv4Base = ipv4Base; b.ipv6Prefix = ipv6Prefix; b.networkGrantsIpv4 = networkGrantsIpv4;
        b.networkGrantsIpv6 = networkGrantsIpv6; b.networkApn = networkApn; b.dnsPrimary = dnsPrimary;
        b.dnsSecondary = dnsSecondary; b.tac = tac; b.cellId = cellId; b.greeting = greeting;
        b.defaultMnoProfile = defaultMnoProfile; b.faultSeed = faultSeed;
        b.socketListenAddress = socketListenAddress;
        b.mqttSnPredefinedTopics = mqttSnPredefinedTopics;
        return b;
    }

    /** Builder with defaults that look like a module on a European LTE-M network. */
    public static final class Builder {
        private ModuleModel model = ModuleModel.SARA_R5_01B;
        private int baud = 115200;
        private Duration bootTime = Duration.ofSeconds(3);
        private Duration processingDelay = Duration.ofMillis(10);
        private Duration registrationDelay = Duration.ofSeconds(1);
        private Duration promptGuard = Duration.ofMillis(50);
        private Path nvmFile;
        private String operatorLong = "ucell sim network";
        private String operatorShort = "ucell";
        private String operatorNumeric = "00101";
        private int rat = 7;
        private boolean roaming;
        private String imei;
        private int serial = 421_337;
        private String imsi = "001010123456789";
        private String iccid = "89001012012341234012";
        private String ipv4Base = "100.108.232.233";
        private String ipv6Prefix = "2001:db8:ace:";
        private boolean networkGrantsIpv4 = true;
        private boolean networkGrantsIpv6;
        private String networkApn = "internet.ucell";
        private String dnsPrimary = "10.11.12.13";
        private String dnsSecondary = "10.11.12.14";
        private String tac = "4E2F";
        private String cellId = "0A1B2C3D";
        private String greeting;
        private int defaultMnoProfile = 90;
        private long faultSeed = 1;
        private String socketListenAddress = "127.0.0.1";
        private java.util.Map<Integer, String> mqttSnPredefinedTopics = java.util.Map.of();

        public Builder model(ModuleModel v) { this.model = Objects.requireNonNull(v); return this; }
        public Builder baud(int v) {
            if (v <= 0) {
                throw new IllegalArgumentException("baud must be positive");
            }
            this.baud = v;
            return this;
        }
        public Builder bootTime(Duration v) { this.bootTime = Objects.requireNonNull(v); return this; }
        public Builder processingDelay(Duration v) { this.processingDelay = Objects.requireNonNull(v); return this; }
        public Builder registrationDelay(Duration v) { this.registrationDelay = Objects.requireNonNull(v); return this; }
        public Builder promptGuard(Duration v) { this.promptGuard = Objects.requireNonNull(v); return this; }
        public Builder nvmFile(Path v) { this.nvmFile = v; return this; }
        public Builder operator(String longName, String shortName, String numeric) {
            this.operatorLong = longName; this.operatorShort = shortName; this.operatorNumeric = numeric; return this;
        }
        public Builder rat(int v) { this.rat = v; return this; }
        public Builder roaming(boolean v) { this.roaming = v; return this; }
        public Builder imei(String v) {
            if (v != null && !Imei.valid(v)) {
                throw new IllegalArgumentException("IMEI must be 15 digits with a valid Luhn check digit: " + v);
            }
            this.imei = v;
            return this;
        }
        /** Serial part used to derive the IMEI when none is given. */
        public Builder serial(int v) { this.serial = v; return this; }
        public Builder imsi(String v) { this.imsi = v; return this; }
        public Builder iccid(String v) { this.iccid = v; return this; }
        public Builder ipv4Base(String v) { this.ipv4Base = v; return this; }
        /** First four groups of the IPv6 /64 prefix the network hands out, e.g. "2001:db8:ace:". */
        public Builder ipv6Prefix(String v) { this.ipv6Prefix = v; return this; }
        /** Which address families the network grants; the spec's example network gives only IPv4. */
        public Builder networkGrants(boolean ipv4, boolean ipv6) {
            if (!ipv4 && !ipv6) {
                throw new IllegalArgumentException("the network must grant at least one address family");
            }
            this.networkGrantsIpv4 = ipv4; this.networkGrantsIpv6 = ipv6; return this;
        }
        public Builder networkApn(String v) { this.networkApn = v; return this; }
        public Builder dns(String primary, String secondary) { this.dnsPrimary = primary; this.dnsSecondary = secondary; return this; }
        public Builder cell(String tac, String cellId) { this.tac = tac; this.cellId = cellId; return this; }
        public Builder greeting(String v) { this.greeting = v; return this; }
        public Builder defaultMnoProfile(int v) { this.defaultMnoProfile = v; return this; }
        public Builder faultSeed(long v) { this.faultSeed = v; return this; }
        /** "0.0.0.0" lets other hosts connect to listening sockets; the default is loopback only. */
        public Builder socketListenAddress(String v) { this.socketListenAddress = Objects.requireNonNull(v); return this; }

        /** The MQTT-SN gateway's predefined topic ids (1-65535) and their MQTT topic names. */
        public Builder mqttSnPredefinedTopics(java.util.Map<Integer, String> v) {
            v.forEach((id, topic) -> {
                if (id < 1 || id > 65535 || topic == null || topic.isEmpty()) {
                    throw new IllegalArgumentException("predefined topic id must be 1-65535 with a topic name: " + id);
                }
            });
            this.mqttSnPredefinedTopics = java.util.Map.copyOf(v);
            return this;
        }

        /** The same from "id=topic" entries ("7=sensors/seven"), as the command line and the OSGi component give them. */
        public Builder mqttSnPredefinedTopics(java.util.List<String> entries) {
            java.util.Map<Integer, String> m = new java.util.HashMap<>();
            for (String e : entries) {
                String t = e == null ? "" : e.trim();
                if (t.isEmpty()) {
                    continue;
                }
                int eq = t.indexOf('=');
                if (eq <= 0 || eq == t.length() - 1) {
                    throw new IllegalArgumentException("predefined topic must be ID=TOPIC, not '" + t + "'");
                }
                int id;
                try {
                    id = Integer.parseInt(t.substring(0, eq).trim());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("predefined topic id must be a number: '" + t + "'");
                }
                m.put(id, t.substring(eq + 1).trim());
            }
            return mqttSnPredefinedTopics(m);
        }

        public SimulatorConfig build() {
            return new SimulatorConfig(this);
        }
    }
}
