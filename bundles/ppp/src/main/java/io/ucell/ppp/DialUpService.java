package io.ucell.ppp;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * PPP dial-up through the module (app note section 4), configured by PID {@code io.ucell.ppp}. Hand the link's
 * streams to a PPP stack; on a gateway the component can run pppd on it by itself.
 */
@ProviderType
public interface DialUpService {

    /**
     * Dials: applies the configured +UAUTHREQ, +UPORTFWD=100,cid (full-cone NAT, before every dial since the
     * module forgets it), +CVHU=0 on SARA-R42, checks the embedded port filter once per configuration (which may
     * reboot the module, see {@link #applyPortFilter()}), sets ATS12 for the "+++" of the hang-up, reads +CGDCONT?
     * (router mode refuses an IPV6 context; bridge mode learns the address), then ATD*99***cid# and CONNECT.
     *
     * @throws PppException when the configuration does not fit the module, a link is already up, or the module
     *                      refused (NO CARRIER / ERROR; the message says what the module needs)
     */
    PppLink dial() throws PppException;

    /** The link that is up, if any. */
    Optional<PppLink> link();

    /**
     * Makes the module's +UEMBPF the configured one: reads it (AT+UEMBPF?), and only when it differs writes it
     * and reboots the module (AT+CFUN=16, the setting applies from the next boot) through the modem service,
     * then waits for the modem service to have the module up again.
     *
     * @return true when the module was rebooted; false when it already had the value or none is configured
     * @throws PppException on a module without +UEMBPF (SARA-R5 series, LEXI-R520), while a link is up, or when
     *                      the module does not come back
     */
    boolean applyPortFilter() throws PppException;

    /** The module's stored +UEMBPF value (what applies after the next boot). */
    PortFilter storedPortFilter() throws PppException;
}
