package io.ucell.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Metatype of a security profile (factory PID io.ucell.security.profile; the OCD id equals it, as Kura needs). */
@ObjectClassDefinition(id = SecurityProfileComponent.FACTORY_PID, name = "ucell security profile",
        description = "A +USECPRF security profile of the module, with its certificates and keys (u-blox app note section 3)")
public @interface SecurityProfileConfig {

    @AttributeDefinition(name = "Module profile", description = "Security profile number in the module (0-4); what "
            + "sockets, MQTT, HTTP, FTP and CoAP refer to", type = AttributeType.INTEGER, min = "0", max = "4")
    int profile_id() default 0;

    @AttributeDefinition(name = "Servers", description = "Host names or *.domain patterns this profile is for, "
            + "separated by commas; empty: any server", required = false)
    String servers() default "";

    @AttributeDefinition(name = "Certificate validation", description = "op 0", options = {
            @Option(label = "0 - none", value = "0"),
            @Option(label = "1 - trusted root certificate", value = "1"),
            @Option(label = "2 - trusted root and host name", value = "2"),
            @Option(label = "3 - trusted root, host name and validity dates", value = "3")})
    int validation_level() default 0;

    @AttributeDefinition(name = "Minimum TLS version", description = "op 1 (TLS 1.3 not on SARA-R5 00B nor SARA-R422S)",
            options = {@Option(label = "any", value = "0"), @Option(label = "TLS 1.0", value = "1"),
                    @Option(label = "TLS 1.1", value = "2"), @Option(label = "TLS 1.2", value = "3"),
                    @Option(label = "TLS 1.3", value = "4")})
    int tls_version() default 0;

    @AttributeDefinition(name = "Cipher suites", description = "op 2: empty for automatic; a legacy u-blox number "
            + "(1-33); an IANA name such as TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256; or several IANA names separated by "
            + "commas (a list; not on SARA-R422S)", required = false)
    String cipher_suites() default "";

    @AttributeDefinition(name = "CA certificate name", description = "op 3: internal name of the trusted root "
            + "certificate (empty with validation: any imported root)", required = false)
    String ca_certificate_name() default "";

    @AttributeDefinition(name = "CA certificate", description = "PEM text or a PEM/DER file path, imported under the "
            + "name above (skipped when the module already has it); empty: already in the module", required = false)
    String ca_certificate() default "";

    @AttributeDefinition(name = "Expected host name", description = "op 4: server host name checked at validation "
            + "level 2 and 3", required = false)
    String hostname() default "";

    @AttributeDefinition(name = "Client certificate name", description = "op 5 (mutual authentication)", required = false)
    String client_certificate_name() default "";

    @AttributeDefinition(name = "Client certificate", description = "PEM text or a file path", required = false)
    String client_certificate() default "";

    @AttributeDefinition(name = "Client key name", description = "op 6", required = false)
    String client_key_name() default "";

    @AttributeDefinition(name = "Client key", description = "PEM text (PKCS#8, PKCS#1 or SEC1) or a file path",
            type = AttributeType.PASSWORD, required = false)
    String client_key() default "";

    @AttributeDefinition(name = "Client key password", description = "op 7, for an encrypted key",
            type = AttributeType.PASSWORD, required = false)
    String client_key_password() default "";

    @AttributeDefinition(name = "Pre-shared key", description = "op 8 (1-64 bytes)", type = AttributeType.PASSWORD,
            required = false)
    String psk() default "";

    @AttributeDefinition(name = "PSK in hex", description = "The pre-shared key is given in hexadecimal")
    boolean psk_hex() default false;

    @AttributeDefinition(name = "PSK identity", description = "op 9", required = false)
    String psk_identity() default "";

    @AttributeDefinition(name = "PSK from root of trust", description = "op 11: the module generates the PSK "
            + "(not on SARA-R422S)")
    boolean rot_psk() default false;

    @AttributeDefinition(name = "SNI", description = "op 10: server name indication", required = false)
    String sni() default "";

    @AttributeDefinition(name = "Pinned certificate name", description = "op 12: server certificate pinning "
            + "(not on SARA-R422S)", required = false)
    String pinned_certificate_name() default "";

    @AttributeDefinition(name = "Pinned certificate", description = "The server's certificate, PEM text or a file path",
            required = false)
    String pinned_certificate() default "";

    @AttributeDefinition(name = "Session resumption", description = "op 13: resume (D)TLS sessions, also after a "
            + "module reboot or PSM (the session data is kept encrypted on the gateway)")
    boolean session_resumption() default false;

    @AttributeDefinition(name = "Session resumption type", description = "op 13,1", options = {
            @Option(label = "0 - session id", value = "0"),
            @Option(label = "1 - session ticket (not SARA-R5, not SARA-R422S)", value = "1"),
            @Option(label = "10 - session id, data encrypted by the module", value = "10"),
            @Option(label = "11 - session ticket, data encrypted by the module", value = "11")})
    int session_type() default 0;
}
