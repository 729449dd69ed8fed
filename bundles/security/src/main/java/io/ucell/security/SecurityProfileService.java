package io.ucell.security;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The security profiles configured on this gateway (one Kura factory component each, factory PID
 * {@code io.ucell.security.profile}). Sockets, MQTT, MQTT-SN, CoAP, HTTP and FTP ask it which profile to use.
 */
@ProviderType
public interface SecurityProfileService {

    /**
     * The applied profile for a server: one whose server list matches {@code host} (exact name, or
     * {@code *.domain}), else one with an empty server list. Before returning it, the profile's session
     * resumption data is put back into the module if a reboot or PSM lost it.
     */
    Optional<SecurityProfile> profileFor(String host);

    /** Every configured profile, applied or not. */
    List<SecurityProfile> profiles();

    /** The module's certificate store. */
    CredentialService credentials();
}
