package io.ucell.ftp.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the FTP client (PID io.ucell.ftp; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = FtpComponent.PID, name = "ucell FTP",
        description = "FTP and explicit FTPS through the module's embedded FTP client (u-blox app note section 9)")
public @interface FtpConfig {

    @AttributeDefinition(name = "Server", description = "Host name or IP address (at most 128 characters)", required = false)
    String server() default "";

    @AttributeDefinition(name = "Port", type = AttributeType.INTEGER, min = "1", max = "65535")
    int port() default 21;

    @AttributeDefinition(name = "User", description = "At most 30 characters", required = false)
    String user() default "anonymous";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Account", description = "ACCT, usually empty", required = false)
    String account() default "";

    @AttributeDefinition(name = "Passive mode", description = "Most servers want passive mode")
    boolean passive() default true;

    @AttributeDefinition(name = "Timeout (s)", description = "Inactivity timeout, 0 for none (+UFTP=5)",
            type = AttributeType.INTEGER, min = "0", max = "86400")
    int timeout() default 30;

    @AttributeDefinition(name = "Linger, control (s)", description = "0-120; -1 leaves the module's value "
            + "(not on SARA-R5 00B)", type = AttributeType.INTEGER, min = "-1", max = "120")
    int linger_command() default -1;

    @AttributeDefinition(name = "Linger, data (s)", description = "0-120; -1 leaves the module's value",
            type = AttributeType.INTEGER, min = "-1", max = "120")
    int linger_data() default -1;

    @AttributeDefinition(name = "Secure control channel", description = "Explicit FTPS (AUTH TLS on the control port)")
    boolean secure_control() default false;

    @AttributeDefinition(name = "Secure data channel", description = "TLS on the data channel too (needs the secure control channel)")
    boolean secure_data() default false;

    @AttributeDefinition(name = "Security profile", description = "+USECPRF profile (0-4): its validation level decides "
            + "which servers are trusted", type = AttributeType.INTEGER, min = "0", max = "4")
    int security_profile() default 0;

    @AttributeDefinition(name = "PDP context", description = "Context id the FTP client uses, -1 for the default "
            + "(mapping only on SARA-R5 02B and LEXI-R520)", type = AttributeType.INTEGER, min = "-1", max = "11")
    int pdp_cid() default -1;

    @AttributeDefinition(name = "PDP protocol type", options = {@Option(label = "IPv4", value = "0"),
            @Option(label = "IPv6", value = "1") })
    int pdp_ip_type() default 0;

    @AttributeDefinition(name = "Operation timeout (s)", description = "How long one operation may take",
            type = AttributeType.INTEGER, min = "1")
    int operation_timeout() default 180;

    @AttributeDefinition(name = "Direct link idle (ms)", description = "A direct retrieve of unknown length ends "
            + "after this much silence", type = AttributeType.INTEGER, min = "1")
    int direct_idle() default 3000;
}
