package io.ucell.simulator.osgi;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The simulator component's configuration (PID and OCD id {@value SimulatorComponent#PID}). */
@ObjectClassDefinition(id = SimulatorComponent.PID, name = "ucell simulated module",
        description = "A simulated u-blox cellular module serving its AT interface on a TCP port "
                + "(like ser2net). For demos and tests; point the modem service at tcp://<address>:<port>.")
public @interface SimulatorComponentConfig {

    @AttributeDefinition(name = "Enabled", description = "Run the simulated module.")
    boolean enabled() default true;

    @AttributeDefinition(name = "Model", description = "The module model and product version to simulate.",
            options = {
                    @Option(label = "SARA-R5 00B", value = "SARA-R5-00B"),
                    @Option(label = "SARA-R5 01B", value = "SARA-R5-01B"),
                    @Option(label = "SARA-R5 02B", value = "SARA-R5-02B"),
                    @Option(label = "LEXI-R520", value = "LEXI-R520"),
                    @Option(label = "SARA-R42 00B", value = "SARA-R42-00B"),
                    @Option(label = "SARA-R42 01B", value = "SARA-R42-01B"),
                    @Option(label = "LEXI-R422", value = "LEXI-R422"),
                    @Option(label = "SARA-R422 (no security, MQTT, HTTP, FTP, CoAP)", value = "SARA-R422") })
    String model() default "SARA-R5-02B";

    @AttributeDefinition(name = "TCP port", description = "TCP port of the AT interface (0 = any free port).",
            type = AttributeType.INTEGER, min = "0", max = "65535")
    int port() default 5000;

    @AttributeDefinition(name = "Bind address",
            description = "Address the TCP port listens on; 127.0.0.1 keeps it local, 0.0.0.0 opens it to the network.")
    String bind_address() default "127.0.0.1";

    @AttributeDefinition(name = "Baud rate", description = "UART speed the bytes are paced at.",
            type = AttributeType.INTEGER, min = "300", max = "3000000")
    int baud() default 115200;

    @AttributeDefinition(name = "Boot time (ms)",
            description = "How long the module stays quiet after power-on or a reboot (a real module takes 5-10 s).",
            type = AttributeType.INTEGER, min = "0")
    int boot_time_ms() default 3000;

    @AttributeDefinition(name = "Registration delay (ms)", description = "Time from radio on to registered.",
            type = AttributeType.INTEGER, min = "0")
    int registration_delay_ms() default 1000;

    @AttributeDefinition(name = "Processing delay (ms)", description = "Per-command delay before the answer.",
            type = AttributeType.INTEGER, min = "0")
    int processing_delay_ms() default 10;

    @AttributeDefinition(name = "NVM file",
            description = "Properties file that keeps the module's NVM across restarts; empty keeps NVM in memory.",
            required = false)
    String nvm_file() default "";

    @AttributeDefinition(name = "IPv6", description = "The network grants IPv6 addresses as well as IPv4.")
    boolean ipv6() default false;

    @AttributeDefinition(name = "MQTT-SN predefined topics", description = "The module's MQTT-SN gateway's predefined "
            + "topic ids, one ID=TOPIC per entry (7=sensors/seven).", required = false, cardinality = 20)
    String[] mqttsn_predefined_topics() default {};
}
