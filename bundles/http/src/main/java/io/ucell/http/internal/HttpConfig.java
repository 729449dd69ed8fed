package io.ucell.http.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the HTTP client (PID io.ucell.http; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = HttpComponent.PID, name = "ucell HTTP",
        description = "HTTP requests through the module's embedded HTTP client (u-blox app note section 10)")
public @interface HttpConfig {

    @AttributeDefinition(name = "Profile", description = "The module's HTTP profile (0-3) this service uses",
            type = AttributeType.INTEGER, min = "0", max = "3")
    int profile() default 0;

    @AttributeDefinition(name = "Server", description = "Base URL for requests that give only a path: http://host[:port] "
            + "or https://host[:port] (host by name or IP)", required = false)
    String server() default "";

    @AttributeDefinition(name = "Username", description = "Basic authentication user (at most 30 characters; empty: none)",
            required = false)
    String username() default "";

    @AttributeDefinition(name = "Password", description = "Basic authentication password (at most 30 characters)",
            type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Security profile", description = "+USECPRF security profile (0-4) used for https",
            type = AttributeType.INTEGER, min = "0", max = "4")
    int security_profile() default 0;

    @AttributeDefinition(name = "Timeout (s)", description = "The module's HTTP request timeout, 30-180 s",
            type = AttributeType.INTEGER, min = "30", max = "180")
    int timeout() default 60;

    @AttributeDefinition(name = "Linger (s)", description = "Linger time of the module's HTTP socket, 0-120 s; -1 leaves "
            + "the module's default (not on SARA-R5 00B)", type = AttributeType.INTEGER, min = "-1", max = "120")
    int linger() default -1;

    @AttributeDefinition(name = "PDP context", description = "Context id the HTTP client uses, -1 for the default "
            + "(mapping only on SARA-R5 02B and LEXI-R520)", type = AttributeType.INTEGER, min = "-1", max = "11")
    int pdp_cid() default -1;

    @AttributeDefinition(name = "PDP protocol type", options = {@Option(label = "IPv4", value = "0"),
            @Option(label = "IPv6", value = "1") })
    int pdp_ip_type() default 0;

    @AttributeDefinition(name = "Queue timeout (s)", description = "How long a request waits for another one on the same "
            + "profile to finish", type = AttributeType.INTEGER, min = "0")
    int queue_timeout() default 120;
}
