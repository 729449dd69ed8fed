package io.ucell.ppp;

import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One PPP data call: after CONNECT the streams carry PPP frames (RFC 1661/1662, HDLC-like framing) between the
 * caller's PPP stack (pppd, or a Java one) and the module's PPP server. The AT port belongs to the link until it
 * ends; other AT commands wait.
 */
@ProviderType
public interface PppLink extends AutoCloseable {

    /** PPP frames from the module; -1 once the link ended. */
    InputStream input();

    /** PPP frames to the module. */
    OutputStream output();

    /** The context the call runs on (ATD*99***cid#). */
    int cid();

    /** Router (SARA-R5, LEXI-R520: a private network per cid) or bridge (SARA-R42, LEXI-R422). */
    PppMode mode();

    /**
     * The address the DTE should get in IPCP: router mode 192.168.(200+cid).1; bridge mode the address the
     * network assigned to the context (the +CGDCONT read address before the dial), empty when the context was
     * not active yet (the dial activates it and IPCP tells it).
     */
    Optional<String> expectedHostAddress();

    /** The module's address on the link: router mode 192.168.(200+cid).2; empty in bridge mode (a pipe). */
    Optional<String> expectedModuleAddress();

    boolean isOpen();

    /** How the link ended; completes once (also for links that ended before the caller asked). */
    CompletionStage<LinkEnd> ended();

    /** Waits for the end; the reason, or empty when it is still up after {@code timeout}. */
    Optional<LinkEnd> awaitEnd(Duration timeout) throws InterruptedException;

    /**
     * Ends the call from the AT side: "+++" with guard times, then either ATH when the module went to online
     * command mode (it answered OK) or nothing when it answered NO CARRIER. Nothing happens when the link has
     * already ended. A clean PPP end is an LCP Terminate-Request from the DTE's stack, after which the module
     * sends NO CARRIER by itself.
     */
    void hangUp() throws PppException;

    /** {@link #hangUp()}, logging instead of throwing. */
    @Override
    void close();
}
