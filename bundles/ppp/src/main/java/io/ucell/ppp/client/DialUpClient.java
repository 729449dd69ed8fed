package io.ucell.ppp.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtErrorException;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.AtTimeoutException;
import io.ucell.at.DataModeSession;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import io.ucell.ppp.DialUpService;
import io.ucell.ppp.LinkEnd;
import io.ucell.ppp.PortFilter;
import io.ucell.ppp.PppAuthType;
import io.ucell.ppp.PppDialRefusedException;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import io.ucell.ppp.at.PppAt;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dial-up over the modem service's AT engine (app note section 4). One link at a time; dialing and the port
 * filter check run one at a time.
 */
public final class DialUpClient implements DialUpService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DialUpClient.class);
    /** How long a reboot for +UEMBPF may take until the modem service has the module up again. */
    private static final Duration MODEM_RETURN_TIMEOUT = Duration.ofMinutes(3);

    private final ModemService modem;
    private final ReentrantLock lock = new ReentrantLock();
    private final List<BiConsumer<PppLink, LinkEnd>> listeners = new CopyOnWriteArrayList<>();
    private volatile PppSettings settings;
    private volatile ModuleLink link;
    /** The module's +UEMBPF was found equal to (or made) the configured one since the last settings change. */
    private volatile boolean portFilterChecked;
    private volatile Duration modemReturnTimeout = MODEM_RETURN_TIMEOUT;

    public DialUpClient(ModemService modem, PppSettings settings) {
        this.modem = modem;
        this.settings = settings;
    }

    /** New settings for the next dial (a link that is up stays up). */
    public void update(PppSettings next) {
        settings = next;
        portFilterChecked = false;
    }

    public PppSettings settings() {
        return settings;
    }

    /** For tests: how long {@link #applyPortFilter()} waits for the modem service after the reboot. */
    public void modemReturnTimeout(Duration d) {
        modemReturnTimeout = d;
    }

    /** Told once about the end of every link this client dials. */
    public void addLinkListener(BiConsumer<PppLink, LinkEnd> l) {
        listeners.add(l);
    }

    public void removeLinkListener(BiConsumer<PppLink, LinkEnd> l) {
        listeners.remove(l);
    }

    @Override
    public Optional<PppLink> link() {
        ModuleLink l = link;
        return l != null && l.isOpen() ? Optional.of(l) : Optional.empty();
    }

    @Override
    public PppLink dial() throws PppException {
        lock.lock();
        try {
            PppSettings s = settings;
            ModuleCapabilities caps = capabilities();
            List<String> problems = s.validate(caps);
            if (!problems.isEmpty()) {
                throw new PppException("dial-up refused before anything reached the module: " + String.join("; ", problems));
            }
            refuseWhileUp();
            ModemState state = modem.status().state();
            if (state != ModemState.REGISTERED && state != ModemState.DATA_ACTIVE) {
                // the modem service is bringing the module up (or gave up): a dial now would cut into that
                throw new PppException("the module is not registered (modem state " + state + "); dial again once it is");
            }
            if (s.portFilter() != null && !portFilterChecked) {
                applyPortFilter(s, caps);
            }
            AtEngine at = engine();
            prepare(at, s, caps);
            AtResponse contexts = readContexts(at);
            refuseIpv6InRouterMode(contexts, s.cid(), caps);
            return connect(at, s, caps, contexts);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Only ATD*99***cid# and CONNECT, without +UAUTHREQ, +UPORTFWD and +CVHU: for modules set up by other
     * means. {@link #dial()} is what applications want.
     */
    public PppLink dialWithoutPreparation() throws PppException {
        lock.lock();
        try {
            refuseWhileUp();
            AtEngine at = engine();
            ModuleCapabilities caps = capabilities();
            return connect(at, settings, caps, caps.dialUp().mode() == PppMode.BRIDGE ? readContexts(at) : null);
        } finally {
            lock.unlock();
        }
    }

    private void refuseWhileUp() throws PppException {
        ModuleLink l = link;
        if (l != null && l.isOpen()) {
            throw new PppException("a PPP link is already up on cid " + l.cid() + "; hang it up first");
        }
    }

    /**
     * +UAUTHREQ (always: on SARA-R5 it is mandatory, elsewhere it replaces whatever was set), NAT, +CVHU, and the
     * escape guard time the engine's "+++" can meet.
     */
    private void prepare(AtEngine at, PppSettings s, ModuleCapabilities caps) throws PppException {
        boolean authWanted = caps.dialUp().authRequestMandatory() || s.authType() != PppAuthType.NONE;
        if (authWanted) {
            ok(at, PppAt.authRequest(s.cid(), s.authType(), s.user(), s.password()), "+UAUTHREQ");
        } else {
            // "none" where the app note does not ask for +UAUTHREQ: clear an earlier setting, but a module without
            // the command can still dial
            tolerate(at, PppAt.authRequest(s.cid(), s.authType(), s.user(), s.password()), "+UAUTHREQ (none)");
        }
        if (s.fullConeNat()) {
            // not persistent (4.1.3): before every dial
            ok(at, PppAt.fullConeNat(s.cid()), "+UPORTFWD (full-cone NAT)");
        }
        if (caps.dialUp().cvhuForHangUp()) {
            ok(at, PppAt.voiceHangUpControl(), "+CVHU=0");
        }
        tolerate(at, PppAt.escapeGuardTime(at.options().guardTime()),
                "ATS12 (the +++ of a hang-up may then need the module's own guard time)");
    }

    /** A setting that helps but is not needed for the call: a refusal is logged, a silent module is an error. */
    private static void tolerate(AtEngine at, AtCommand cmd, String what) throws PppException {
        try {
            AtResponse r = at.execute(cmd);
            if (!r.isOk()) {
                LOG.info("{} not taken: {}", what, r.result());
            }
        } catch (AtErrorException e) {
            LOG.info("{} not taken: {}", what, e.result());
        } catch (AtException e) {
            throw new PppException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Router mode is IPv4 only (4.1.1): an IPV6 context cannot be dialled there. */
    private static void refuseIpv6InRouterMode(AtResponse contexts, int cid, ModuleCapabilities caps) throws PppException {
        Optional<String> type = contexts == null ? Optional.empty() : PppAt.contextType(contexts, cid);
        if (caps.dialUp().mode() == PppMode.ROUTER && type.filter("IPV6"::equalsIgnoreCase).isPresent()) {
            throw new PppException("cid " + cid + " is an IPV6 context, and the router mode of " + caps.describe()
                    + " is IPv4 only (app note 4.1.1): define it as IP or IPV4V6 (+CGDCONT)");
        }
        if (type.filter("IPV4V6"::equalsIgnoreCase).isPresent()) {
            LOG.info("cid {} is IPV4V6: the DTE's PPP must negotiate IPCP and IPV6CP (app note 4.1.2)", cid);
        }
    }

    /** The +CGDCONT? answer, or null when the module did not give one (the dial goes on: it is only advice). */
    private static AtResponse readContexts(AtEngine at) {
        try {
            AtResponse r = at.execute(PppAt.readContexts());
            return r.isOk() ? r : null;
        } catch (AtException e) {
            LOG.debug("+CGDCONT? before the dial: {}", e.getMessage());
            return null;
        }
    }

    private PppLink connect(AtEngine at, PppSettings s, ModuleCapabilities caps, AtResponse contexts) throws PppException {
        int cid = s.cid();
        PppMode mode = caps.dialUp().mode();
        String host;
        String module;
        if (mode == PppMode.ROUTER) {
            host = PppAt.routerHostAddress(cid);
            module = PppAt.routerModuleAddress(cid);
        } else {
            // bridge mode: the DTE gets the context's network address, known before the dial when it is up
            host = contexts == null ? null : PppAt.contextIpv4(contexts, cid).orElse(null);
            module = null;
        }
        DataModeSession session;
        try {
            session = at.dial(PppAt.dial(cid));
        } catch (AtErrorException e) {
            throw refused(e, s, caps);
        } catch (AtTimeoutException e) {
            throw new PppException("no answer to ATD*99***" + cid + "# within " + PppAt.DIAL_TIMEOUT.toSeconds() + " s", e);
        } catch (AtException e) {
            throw new PppException("dial on cid " + cid + " failed: " + e.getMessage(), e);
        }
        ModuleLink l = new ModuleLink(at, session, cid, mode, host, module);
        link = l;
        LOG.info("PPP link up on cid {} ({} mode{})", cid, mode, host == null ? "" : ", host " + host);
        l.watch(this::ended);
        return l;
    }

    private static PppDialRefusedException refused(AtErrorException e, PppSettings s, ModuleCapabilities caps) {
        String answer = e.result().toString();
        StringBuilder m = new StringBuilder("the module refused the dial on cid ").append(s.cid()).append(" (")
                .append(answer).append(")");
        if (caps != null && caps.dialUp().authRequestMandatory()) {
            m.append(": ").append(caps.describe()).append(" dials only after +UAUTHREQ with a user and password (app note 4.1);");
        } else {
            m.append(":");
        }
        m.append(" the module must be registered and the context's APN right (+CGDCONT)");
        return new PppDialRefusedException(m.toString(), answer);
    }

    private void ended(ModuleLink l, LinkEnd why) {
        for (BiConsumer<PppLink, LinkEnd> listener : listeners) {
            try {
                listener.accept(l, why);
            } catch (RuntimeException e) {
                LOG.warn("PPP link listener failed", e);
            }
        }
    }

    @Override
    public PortFilter storedPortFilter() throws PppException {
        ModuleCapabilities caps = capabilities();
        requirePortFilter(caps);
        return readPortFilter(engine());
    }

    @Override
    public boolean applyPortFilter() throws PppException {
        lock.lock();
        try {
            PppSettings s = settings;
            if (s.portFilter() == null) {
                return false;
            }
            return applyPortFilter(s, capabilities());
        } finally {
            lock.unlock();
        }
    }

    private boolean applyPortFilter(PppSettings s, ModuleCapabilities caps) throws PppException {
        requirePortFilter(caps);
        refuseWhileUp();
        PortFilter wanted = s.portFilter();
        AtEngine at = engine();
        PortFilter stored = readPortFilter(at);
        if (wanted.sameAs(stored)) {
            LOG.debug("+UEMBPF already {}", stored);
            portFilterChecked = true;
            return false;
        }
        ok(at, PppAt.setPortFilter(wanted), "+UEMBPF");
        LOG.info("+UEMBPF {} -> {}: rebooting the module to apply it (app note 4.3)", stored, wanted);
        rebootAndAwaitModem(at);
        PortFilter now = readPortFilter(engine());
        if (!wanted.sameAs(now)) {
            throw new PppException("+UEMBPF reads " + now + " after the reboot, not " + wanted);
        }
        portFilterChecked = true;
        return true;
    }

    private static void requirePortFilter(ModuleCapabilities caps) throws PppException {
        if (!caps.dialUp().portFilterSupported()) {
            throw new PppException("embedded port filtering (+UEMBPF) is not available on " + caps.describe()
                    + " (app note 4.3: SARA-R42 series and LEXI-R422 only)");
        }
    }

    private static PortFilter readPortFilter(AtEngine at) throws PppException {
        try {
            return PppAt.parsePortFilter(at.executeOk(PppAt.readPortFilter()));
        } catch (AtException | IllegalArgumentException e) {
            throw new PppException("reading +UEMBPF failed: " + e.getMessage(), e);
        }
    }

    /** AT+CFUN=16, then the modem service brings the module up again; waits until it is DATA_ACTIVE. */
    private void rebootAndAwaitModem(AtEngine at) throws PppException {
        CountDownLatch left = new CountDownLatch(1);
        CountDownLatch back = new CountDownLatch(1);
        ModemListener watch = (prev, cur) -> {
            if (cur.state() != ModemState.DATA_ACTIVE) {
                left.countDown();
            } else if (left.getCount() == 0) {
                back.countDown();
            }
        };
        modem.addListener(watch);
        try {
            try {
                at.execute(AtCommand.set("+CFUN").param(16).timeout(Duration.ofSeconds(10)).build());
            } catch (AtException e) {
                // the module may reset before its OK gets out
                LOG.debug("+CFUN=16: {}", e.getMessage());
            }
            modem.restart();
            if (!back.await(modemReturnTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PppException("the module did not come back within " + modemReturnTimeout.toSeconds()
                        + " s after the reboot for +UEMBPF (modem state " + modem.status().state() + ")");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PppException("interrupted while waiting for the module to come back");
        } finally {
            modem.removeListener(watch);
        }
    }

    private ModuleCapabilities capabilities() throws PppException {
        ModuleCapabilities caps = modem.capabilities();
        if (caps == null) {
            throw new PppException("the module is not identified yet (modem state " + modem.status().state() + ")");
        }
        return caps;
    }

    private AtEngine engine() throws PppException {
        AtEngine at = modem.at();
        if (at == null) {
            throw new PppException("the modem service is not started");
        }
        return at;
    }

    private static void ok(AtEngine at, AtCommand cmd, String what) throws PppException {
        try {
            at.executeOk(cmd);
        } catch (AtErrorException e) {
            throw new PppException(what + " refused by the module: " + e.result(), e);
        } catch (AtException e) {
            throw new PppException(what + " failed: " + e.getMessage(), e);
        }
    }

    /** Hangs up a link that is still up. */
    @Override
    public void close() {
        ModuleLink l = link;
        if (l != null) {
            l.close();
        }
    }
}
