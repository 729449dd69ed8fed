package io.ucell.modem.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the modem service (PID io.ucell.modem; the OCD id must equal the PID for Kura). */
@ObjectClassDefinition(id = ModemComponent.PID, name = "ucell modem",
        description = "u-blox cellular module: link, PDP context, MNO profile, registration and recovery")
public @interface ModemConfig {

    @AttributeDefinition(name = "Endpoint", description = "Serial port (/dev/ttyUSB0) or tcp://host:port")
    String endpoint() default "tcp://localhost:5000";

    @AttributeDefinition(name = "Baud rate", type = AttributeType.INTEGER)
    int baud() default 115200;

    @AttributeDefinition(name = "Flow control", description = "RTS/CTS hardware flow control")
    boolean flow_control() default false;

    @AttributeDefinition(name = "APN", description = "Access point name; empty for the network's choice", required = false)
    String apn() default "";

    @AttributeDefinition(name = "PDP type", options = {
            @Option(label = "IPv4", value = "IP"), @Option(label = "IPv6", value = "IPV6"),
            @Option(label = "IPv4v6", value = "IPV4V6") })
    String pdp_type() default "IPV4V6";

    @AttributeDefinition(name = "Context id", description = "PDP context id (0-11 SARA-R5, 0-7 SARA-R42; Verizon uses 3)",
            type = AttributeType.INTEGER)
    int cid() default 1;

    @AttributeDefinition(name = "MNO profile", description = "+UMNOPROF to enforce, -1 keeps the module's", type = AttributeType.INTEGER)
    int mno_profile() default -1;

    @AttributeDefinition(name = "User", description = "PDP authentication user", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", description = "PDP authentication password", type = AttributeType.PASSWORD,
            required = false)
    String password() default "";

    @AttributeDefinition(name = "Family override", description = "auto, or SARA-R5-00B, SARA-R5-01B, SARA-R5-02B, LEXI-R520, "
            + "SARA-R42-00B, SARA-R42-01B, LEXI-R422, SARA-R422")
    String family_override() default "auto";

    @AttributeDefinition(name = "Registration timeout (s)", type = AttributeType.INTEGER)
    int registration_timeout() default 180;

    @AttributeDefinition(name = "Synchronisation timeout (s)", description = "How long to wait for the module to answer AT",
            type = AttributeType.INTEGER)
    int sync_timeout() default 30;

    @AttributeDefinition(name = "Backoff base (ms)", type = AttributeType.LONG)
    long backoff_base() default 2000L;

    @AttributeDefinition(name = "Backoff cap (ms)", type = AttributeType.LONG)
    long backoff_cap() default 300000L;

    @AttributeDefinition(name = "Reboot after failures", description = "+CFUN=16 after this many consecutive failures (0 never)",
            type = AttributeType.INTEGER)
    int reboot_after_failures() default 3;

    @AttributeDefinition(name = "Max failures", description = "FAILED after this many consecutive failures (0 never)",
            type = AttributeType.INTEGER)
    int max_failures() default 10;

    @AttributeDefinition(name = "Health check interval (s)", type = AttributeType.INTEGER)
    int health_check_interval() default 30;
}
