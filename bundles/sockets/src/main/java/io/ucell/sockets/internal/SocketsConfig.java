package io.ucell.sockets.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the socket client (PID io.ucell.sockets; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = SocketsComponent.PID, name = "ucell sockets",
        description = "TCP/UDP sockets over the module's internal stack (u-blox app note section 5)")
public @interface SocketsConfig {

    @AttributeDefinition(name = "Keepalive", description = "SO_KEEPALIVE on new TCP sockets (+USOSO=s,65535,8,1; section 5.4)")
    boolean keepalive() default false;

    @AttributeDefinition(name = "Linger (ms)", description = "SO_LINGER time of new TCP sockets, 0-32767 ms, -1 off "
            + "(+USOSO=s,65535,128,1,ms; appendix A.1)", type = AttributeType.INTEGER, min = "-1", max = "32767")
    int linger() default -1;

    @AttributeDefinition(name = "No delay", description = "TCP_NODELAY on new TCP sockets (+USOSO=s,6,1,1)")
    boolean no_delay() default false;

    @AttributeDefinition(name = "Write mode", description = "auto: per write the fastest of binary, hex and base "
            + "syntax at the link's baud rate; binary: '@' prompt, 1024 bytes a command; hex: +UDCONF=1,1, 512 bytes",
            options = {@Option(label = "auto", value = "auto"), @Option(label = "binary", value = "binary"),
                @Option(label = "hex", value = "hex")})
    String write_mode() default "auto";

    @AttributeDefinition(name = "Link baud rate", description = "UART rate for the write cost model; 0 takes the "
            + "modem service's baud", type = AttributeType.INTEGER, min = "0", max = "4000000")
    int baud() default 0;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often a waiting reader asks the module for "
            + "data without a URC (a URC can be lost)", type = AttributeType.INTEGER, min = "50")
    int poll_interval() default 1000;

    @AttributeDefinition(name = "Write timeout (s)", description = "How long a write retries while the module's "
            + "socket queue is full (section 5.3.3)", type = AttributeType.INTEGER, min = "1")
    int write_timeout() default 60;

    @AttributeDefinition(name = "Connect timeout (s)", description = "Longest TCP connect and TLS handshake (+USOCO)",
            type = AttributeType.INTEGER, min = "1")
    int connect_timeout() default 120;
}
