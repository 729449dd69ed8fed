package io.ucell.ppp.internal;

import io.ucell.ppp.pppd.PppdOptions;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of PPP dial-up (PID io.ucell.ppp; the OCD id equals the PID, as Kura needs). */
@ObjectClassDefinition(id = PppComponent.PID, name = "ucell PPP dial-up",
        description = "PPP dial-up through the module (u-blox app note section 4): ATD*99***cid#, router mode on "
                + "SARA-R5/LEXI-R520, bridge mode on SARA-R42/LEXI-R422; pppd on the link, or the DialUpService API")
public @interface PppConfig {

    @AttributeDefinition(name = "Enabled", description = "Allow dial-up (with the pppd consumer: keep a link up)")
    boolean enabled() default false;

    @AttributeDefinition(name = "PDP context", description = "cid dialled (ATD*99***cid#); the context must be defined "
            + "with its APN (+CGDCONT); router mode gives the host 192.168.(200+cid).1", type = AttributeType.INTEGER,
            min = "0", max = "11")
    int cid() default 1;

    @AttributeDefinition(name = "Authentication", description = "What the module asks the DTE for (+UAUTHREQ); "
            + "SARA-R5 and LEXI-R520 need +UAUTHREQ with a (dummy) user and password before any dial-up", options = {
                @Option(label = "none", value = "none"), @Option(label = "PAP", value = "pap"),
                @Option(label = "CHAP", value = "chap"), @Option(label = "automatic", value = "auto") })
    String auth_type() default "none";

    @AttributeDefinition(name = "User", description = "PPP user name (at most 64 characters)", required = false)
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false)
    String password() default "";

    @AttributeDefinition(name = "Full-cone NAT", description = "+UPORTFWD=100,cid before each dial: everything "
            + "received on the public address goes to the host (router mode; not on SARA-R5 00B nor SARA-R42/LEXI-R422)")
    boolean full_cone_nat() default false;

    @AttributeDefinition(name = "Embedded port filter", description = "+UEMBPF (SARA-R42/LEXI-R422 only): incoming "
            + "packets to ports in the range go to the module's own applications (LwM2M, BIP), not to PPP. Applied "
            + "before the first dial when the module's stored value differs; the module then reboots once", options = {
                @Option(label = "leave the module's setting", value = "unchanged"),
                @Option(label = "disabled", value = "disabled"), @Option(label = "enabled", value = "enabled") })
    String port_filter() default "unchanged";

    @AttributeDefinition(name = "Port filter range", description = "\"low-high\", e.g. 6000-6050 (at least 50 ports "
            + "advised, outside the ports the host uses)", required = false)
    String port_filter_range() default "";

    @AttributeDefinition(name = "PPP consumer", description = "pppd: the component dials and runs pppd on the link "
            + "(the gateway's network interface); none: other bundles dial through DialUpService", options = {
                @Option(label = "none (DialUpService API)", value = "none"), @Option(label = "pppd", value = "pppd") })
    String consumer() default "none";

    @AttributeDefinition(name = "pppd path", description = "Absolute path of pppd")
    String pppd_path() default PppdOptions.DEFAULT_EXECUTABLE;

    @AttributeDefinition(name = "pppd options", description = "Added after 'notty nodetach' (user and password are "
            + "passed through an owner-only options file, not here)", required = false)
    String pppd_options() default PppdOptions.DEFAULT_EXTRA;

    @AttributeDefinition(name = "Redial delay (s)", description = "pppd consumer: wait before dialling again after "
            + "a link ended or a dial failed", type = AttributeType.INTEGER, min = "1")
    int redial_delay() default 30;
}
