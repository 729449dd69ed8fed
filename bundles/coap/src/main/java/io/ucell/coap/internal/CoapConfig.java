package io.ucell.coap.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of the CoAP client (PID io.ucell.coap; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = CoapComponent.PID, name = "ucell CoAP",
        description = "CoAP requests through the module's embedded CoAP client (u-blox app note section 8)")
public @interface CoapConfig {

    @AttributeDefinition(name = "Profile", description = "Stored profile slot 0-3 (+UCOAP=6/5)", type = AttributeType.INTEGER,
            min = "0", max = "3")
    int profile() default 0;

    @AttributeDefinition(name = "Base URI", description = "coap://, coaps:// (DTLS), coap+tcp:// or coaps+tcp:// (TLS); "
            + "at most 783 characters, host, path and query at most 255 each; relative request URIs resolve against it",
            required = false)
    String uri() default "";

    @AttributeDefinition(name = "Uri-Host option", description = "Send the URI's host as an option")
    boolean uri_host() default true;

    @AttributeDefinition(name = "Uri-Port option", description = "Send the URI's port as an option")
    boolean uri_port() default true;

    @AttributeDefinition(name = "Uri-Path option", description = "Send the URI's path as options")
    boolean uri_path() default true;

    @AttributeDefinition(name = "Uri-Query option", description = "Send the URI's query as options")
    boolean uri_query() default true;

    @AttributeDefinition(name = "Content format", description = "Content-Format of PUT/POST: -1 none, 0 text/plain, "
            + "40 link-format, 41 xml, 42 octet-stream, 50 json, 60 cbor", type = AttributeType.INTEGER, min = "-1",
            max = "65535")
    int content_format() default 0;

    @AttributeDefinition(name = "Confirmable", description = "CON messages (acknowledged, retransmitted); off for NON")
    boolean confirmable() default true;

    @AttributeDefinition(name = "Security profile", description = "+USECMNG security profile (0-4) for coaps:// and coaps+tcp://",
            type = AttributeType.INTEGER, min = "0", max = "4")
    int security_profile() default 0;

    @AttributeDefinition(name = "RAI flag", description = "Release Assistance Indication (not on SARA-R5 00B)", options = {
            @Option(label = "0: no indication", value = "0"), @Option(label = "1: no further uplink/downlink data", value = "1"),
            @Option(label = "2: only one downlink message expected", value = "2") })
    int rai() default 0;

    @AttributeDefinition(name = "PDP context", description = "Context id the CoAP client uses, -1 for the default "
            + "(mapping only on SARA-R5 02B and LEXI-R520)", type = AttributeType.INTEGER, min = "-1", max = "11")
    int pdp_cid() default -1;

    @AttributeDefinition(name = "PDP protocol type", options = {@Option(label = "IPv4", value = "0"),
            @Option(label = "IPv6", value = "1") })
    int pdp_ip_type() default 0;

    @AttributeDefinition(name = "Store profile", description = "Write these settings into the profile slot when applied "
            + "(needs a base URI)")
    boolean store_profile() default false;

    @AttributeDefinition(name = "Response timeout (s)", type = AttributeType.INTEGER, min = "1")
    int response_timeout() default 60;

    @AttributeDefinition(name = "Queue timeout (s)", description = "How long a request waits for another one to finish",
            type = AttributeType.INTEGER, min = "0")
    int queue_timeout() default 120;
}
