package io.ucell.coap.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.at.AtException;
import io.ucell.at.UrcBus;
import io.ucell.at.Urc;
import io.ucell.coap.CoapBusyException;
import io.ucell.coap.CoapException;
import io.ucell.coap.CoapOptions;
import io.ucell.coap.CoapRequest;
import io.ucell.coap.CoapResponse;
import io.ucell.coap.CoapServerException;
import io.ucell.coap.CoapService;
import io.ucell.coap.at.CoapData;
import io.ucell.coap.at.CoapErrors;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.capability.ModuleCapabilities;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CoAP requests through the module's client (section 8). Each request writes the current profile (only the
 * +UCOAP settings that changed since the last request; a modem status change forgets what was written, as a
 * module reboot resets the current profile), sends +UCOAPC and gathers the +UCOAPCD URCs until +UCOAPCR.
 * Payloads over 512 bytes go block-wise (Block1, 512-byte blocks, section 8.3.3). One transmission at a time:
 * callers queue on a fair lock.
 */
public final class CoapClient implements CoapService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CoapClient.class);

    /** Uplink limit per +UCOAPC (section 8); also the block size of uploads. */
    public static final int MAX_PAYLOAD = 512;
    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(5);
    /** (D)TLS: OK comes only after the handshake (section 8). */
    private static final Duration UCOAPC_TIMEOUT = Duration.ofSeconds(45);
    private static final int ERR_BUSY = 10;

    private final ModemService modem;
    private final ReentrantLock transmission = new ReentrantLock(true);
    private final ModemListener forgetOnStatusChange = (prev, cur) -> forgetApplied();
    private volatile CoapSettings settings;
    /** +UCOAP setting key ("1", "2,0", "20"...) to the command text last written with success. */
    private final Map<String, String> applied = new HashMap<>();
    private boolean raiWritten;
    private boolean pdpMappingWritten;

    public CoapClient(ModemService modem, CoapSettings settings) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.modem = modem;
        this.settings = settings;
        modem.addListener(forgetOnStatusChange);
    }

    /** New settings; refused (the old ones stay) when invalid. */
    public void update(CoapSettings s) {
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.settings = s;
    }

    public CoapSettings settings() {
        return settings;
    }

    private synchronized void forgetApplied() {
        applied.clear();
    }

    @Override
    public CoapResponse send(CoapRequest request) throws CoapException {
        CoapSettings s = settings;
        CoapOptions options = request.options() != null ? request.options() : s.options();
        String uri = CoapUris.resolve(s.baseUri(), request.uri());
        String problem = CoapUris.problem(uri);
        if (problem != null) {
            throw new CoapException(problem);
        }
        ModuleCapabilities caps = modem.capabilities();
        AtEngine at = modem.at();
        if (caps == null || at == null) {
            throw new CoapException("the modem is not ready (module not detected yet)");
        }
        List<String> capErrors = new CoapSettings(s.profile(), s.baseUri(), options, s.pdpCid(), s.pdpIpType(),
                s.responseTimeout(), s.queueTimeout()).validate(caps);
        if (!capErrors.isEmpty()) {
            throw new CoapException(String.join("; ", capErrors));
        }
        if (CoapUris.secure(uri) && !caps.securitySupported()) {
            throw new CoapException("the " + caps.describe() + " has no (D)TLS");
        }
        lock(s.queueTimeout());
        try {
            applyProfile(at, caps, s, uri, options);
            return transmit(at, request, s);
        } catch (CoapException e) {
            forgetApplied();
            throw e;
        } catch (AtException e) {
            forgetApplied();
            throw new CoapException("AT link failure: " + e.getMessage(), e);
        } finally {
            transmission.unlock();
        }
    }

    private void lock(Duration wait) throws CoapException {
        try {
            if (!transmission.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CoapBusyException("another CoAP transmission is still running after " + wait.toSeconds()
                        + " s (the module does one at a time)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoapBusyException("interrupted while waiting for the CoAP client");
        }
    }

    // ------------------------------------------------------------------ profile

    /** The +UCOAP commands for this request, keyed by what they set. */
    static Map<String, AtCommand> profileCommands(ModuleCapabilities caps, CoapSettings s, String uri, CoapOptions o) {
        Map<String, AtCommand> c = new java.util.LinkedHashMap<>();
        c.put("1", ucoap(1).param(uri).build());
        boolean[] parts = {o.uriHost(), o.uriPort(), o.uriPath(), o.uriQuery()};
        for (int i = 0; i < parts.length; i++) {
            c.put("2," + i, ucoap(2).param(i).param(parts[i] ? 1 : 0).build());
        }
        if (o.contentFormat() < 0) {
            c.put("2,4", ucoap(2).param(4).param(0).build());
        } else if (o.contentFormat() == CoapOptions.TEXT_PLAIN) {
            // "AT+UCOAP=2,4,1: set content format for PUT/POST as Plain/Text" (8.2.1)
            c.put("2,4", ucoap(2).param(4).param(1).build());
        } else {
            c.put("2,4", ucoap(2).param(4).param(1).param(o.contentFormat()).build());
        }
        c.put("2,5", ucoap(2).param(5).param(o.confirmable() ? 0 : 1).build());
        // the op codes for the security profile and the RAI flag are the simulator's reading (the app note shows
        // +UCOAP=8,0 only, and no RAI command): written only when a request needs them, so a module that reads
        // the spec otherwise still serves every other request
        if (caps.securitySupported() && (CoapUris.secure(uri) || o.securityProfile() != 0)) {
            c.put("8", ucoap(8).param(o.securityProfile()).build());
        }
        if (caps.raiSupported() && o.rai() != 0) {
            c.put("9", ucoap(9).param(o.rai()).build());
        }
        if (s.pdpCid() >= 0) {
            c.put("20", ucoap(20).param(s.pdpCid()).param(s.pdpIpType()).build());
        }
        c.put("4", ucoap(4).param(1).build());
        return c;
    }

    private static AtCommand.Builder ucoap(int op) {
        return AtCommand.set("+UCOAP").param(op).timeout(CONFIG_TIMEOUT);
    }

    private void applyProfile(AtEngine at, ModuleCapabilities caps, CoapSettings s, String uri, CoapOptions o)
            throws CoapException {
        Map<String, AtCommand> wanted = profileCommands(caps, s, uri, o);
        synchronized (this) {
            // a RAI flag or PDP mapping written for an earlier request is taken back (remembered across
            // forgetApplied(): a failed request does not undo what the module already took)
            if (!wanted.containsKey("9") && raiWritten) {
                wanted.put("9", ucoap(9).param(0).build());
            }
            if (!wanted.containsKey("20") && pdpMappingWritten) {
                // back to the default: "a PDP context different than default CID 1" (8.2.3)
                wanted.put("20", ucoap(20).param(1).param(0).build());
            }
        }
        for (Map.Entry<String, AtCommand> e : wanted.entrySet()) {
            String text = e.getValue().text();
            synchronized (this) {
                if (text.equals(applied.get(e.getKey()))) {
                    continue;
                }
            }
            AtResponse r = at.execute(e.getValue());
            if (!r.isOk()) {
                throw moduleError(at, "AT+UCOAP=" + e.getKey().replace(',', ' ') + " refused: " + r.result());
            }
            synchronized (this) {
                applied.put(e.getKey(), text);
                if (e.getKey().equals("9")) {
                    raiWritten = !text.endsWith("=9,0");
                }
                if (e.getKey().equals("20")) {
                    pdpMappingWritten = !text.endsWith("=20,1,0");
                }
            }
        }
    }

    /** Writes the current profile into the configured slot (+UCOAP=6), after writing the configured settings. */
    public void storeProfile() throws CoapException {
        CoapSettings s = settings;
        if (s.baseUri().isEmpty()) {
            throw new CoapException("a base URI is needed to store a profile");
        }
        withLock(at -> {
            applyProfile(at, modem.capabilities(), s, s.baseUri(), s.options());
            AtResponse r = at.execute(ucoap(6).param(s.profile()).build());
            if (!r.isOk()) {
                throw moduleError(at, "storing CoAP profile " + s.profile() + " failed: " + r.result());
            }
        });
    }

    /** Makes the stored profile of the configured slot the current one (+UCOAP=5). */
    public void restoreProfile() throws CoapException {
        CoapSettings s = settings;
        withLock(at -> {
            forgetApplied();
            AtResponse r = at.execute(ucoap(5).param(s.profile()).build());
            if (!r.isOk()) {
                throw moduleError(at, "restoring CoAP profile " + s.profile() + " failed: " + r.result());
            }
        });
    }

    /** The module's listing of the stored profiles (+UCOAP=7), one "key=value" or "INVALID PROFILE NUMBER n" per line. */
    public List<String> listProfiles() throws CoapException {
        List<String> out = new ArrayList<>();
        withLock(at -> {
            AtResponse r = at.execute(AtCommand.set("+UCOAP").param(7).timeout(CONFIG_TIMEOUT).build());
            if (!r.isOk()) {
                throw moduleError(at, "listing CoAP profiles failed: " + r.result());
            }
            r.all("+UCOAP").forEach(l -> out.add(l.text().substring(l.text().indexOf(':') + 1).trim()));
        });
        return out;
    }

    /**
     * The current profile as the module reports it (AT+UCOAP?), keys normalised: the app note spells them with
     * underscores in one table and spaces in the other ("OPT_MASK" / "OPT MASK"), so both become "OPT_MASK".
     */
    public Map<String, String> currentProfile() throws CoapException {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        withLock(at -> {
            AtResponse r = at.execute(AtCommand.read("+UCOAP").timeout(CONFIG_TIMEOUT).build());
            if (!r.isOk()) {
                throw moduleError(at, "reading the CoAP profile failed: " + r.result());
            }
            r.all("+UCOAP").forEach(l -> {
                List<String> p = l.params();
                if (p.size() >= 2) {
                    out.put(p.get(0).trim().replace(' ', '_').toUpperCase(java.util.Locale.ROOT), p.get(1).trim());
                }
            });
        });
        return out;
    }

    private interface AtWork {
        void run(AtEngine at) throws CoapException;
    }

    private void withLock(AtWork work) throws CoapException {
        AtEngine at = modem.at();
        if (at == null || modem.capabilities() == null) {
            throw new CoapException("the modem is not ready (module not detected yet)");
        }
        if (!modem.capabilities().coapSupported()) {
            throw new CoapException("the " + modem.capabilities().describe() + " has no CoAP client (section 8)");
        }
        lock(settings.queueTimeout());
        try {
            work.run(at);
        } catch (AtException e) {
            throw new CoapException("AT link failure: " + e.getMessage(), e);
        } finally {
            transmission.unlock();
        }
    }

    // ------------------------------------------------------------------ transmission

    private CoapResponse transmit(AtEngine at, CoapRequest request, CoapSettings s) throws CoapException {
        byte[] payload = request.payload();
        int method = request.method().atCode();
        if (payload.length <= MAX_PAYLOAD) {
            AtCommand.Builder b = AtCommand.set("+UCOAPC").param(method);
            if (payload.length > 0) {
                b.hex(payload).param(0);
            }
            return finish(exchange(at, b.timeout(UCOAPC_TIMEOUT).build(), method, s, false));
        }
        // block-wise upload: 512-byte blocks, the server answers 2.31 Continue to all but the last (RFC 7959)
        int blocks = (payload.length + MAX_PAYLOAD - 1) / MAX_PAYLOAD;
        CoapResponse last = null;
        for (int n = 0; n < blocks; n++) {
            byte[] block = Arrays.copyOfRange(payload, n * MAX_PAYLOAD, Math.min(payload.length, (n + 1) * MAX_PAYLOAD));
            boolean more = n < blocks - 1;
            AtCommand c = AtCommand.set("+UCOAPC").param(method).hex(block).param(0).param(n).param(more ? 1 : 0)
                    .timeout(UCOAPC_TIMEOUT).build();
            last = exchange(at, c, method, s, more);
            // 2.31 Continue; detail 0 (no 2.00 exists) is a module that reports the class only: "2,0" (8.3.1)
            if (more && !(last.codeClass() == 2 && (last.codeDetail() == 31 || last.codeDetail() == 0))) {
                // the server ended the transfer early (an error, or a final answer before the last block)
                return finish(last);
            }
        }
        return finish(last);
    }

    /** What an intermediate block without a +UCOAPCD got: 2.31 Continue (RFC 7959). */
    private static final CoapResponse CONTINUE = new CoapResponse(2, 31, -1, new byte[0]);

    private static CoapResponse finish(CoapResponse r) throws CoapServerException {
        if (r.codeClass() >= 4) {
            throw new CoapServerException(r);
        }
        return r;
    }

    /**
     * One +UCOAPC: OK, then +UCOAPCD (any number) and +UCOAPCR. For a block with more to come ({@code intermediate})
     * the app note's 8.3.3 shows no answer at all: a +UCOAPCR without +UCOAPCD, or nothing within the response
     * timeout, is then the server's Continue.
     */
    private CoapResponse exchange(AtEngine at, AtCommand command, int method, CoapSettings s, boolean intermediate)
            throws CoapException {
        BlockingQueue<Urc> inbox = new LinkedBlockingQueue<>();
        // one subscription for both URCs: each subscription has its own queue, so two would not keep their order
        try (UrcBus.Subscription sub = at.subscribe("", u -> {
            if (u.line().hasPrefix("+UCOAPCD") || u.line().hasPrefix("+UCOAPCR")) {
                inbox.add(u);
            }
        })) {
            AtResponse ok = at.execute(command);
            if (!ok.isOk()) {
                throw moduleError(at, "+UCOAPC refused: " + ok.result());
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            CoapData first = null;
            long deadline = System.nanoTime() + s.responseTimeout().toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Urc u = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (u == null) {
                    if (intermediate && first == null) {
                        LOG.debug("no answer to an intermediate block within {}: taken as Continue", s.responseTimeout());
                        return CONTINUE;
                    }
                    throw new CoapException("no +UCOAPCR within " + s.responseTimeout().toSeconds() + " s");
                }
                if (u.line().hasPrefix("+UCOAPCD")) {
                    CoapData data;
                    try {
                        data = CoapData.parse(u.line());
                    } catch (RuntimeException e) {
                        throw new CoapException("unreadable +UCOAPCD: " + u.line().text(), e);
                    }
                    if (first == null) {
                        first = data;
                    }
                    body.writeBytes(data.payload());
                    continue;
                }
                List<String> p = u.line().params();
                if (p.size() >= 2 && !p.get(0).trim().equals(Integer.toString(method))) {
                    LOG.debug("ignoring {} (not this request's)", u.line().text());
                    continue;
                }
                boolean success = p.size() >= 2 ? p.get(p.size() - 1).trim().equals("1") : first != null;
                if (!success) {
                    throw moduleError(at, "the CoAP request failed (+UCOAPCR " + u.line().text() + ")");
                }
                if (first == null) {
                    if (intermediate) {
                        return CONTINUE;
                    }
                    throw new CoapException("+UCOAPCR reported success without any +UCOAPCD");
                }
                return new CoapResponse(first.codeClass(), first.codeDetail(), first.contentFormat(), body.toByteArray());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoapException("interrupted while waiting for the CoAP response");
        }
    }

    /** Asks +UCOAPER and turns the answer into the exception to throw. */
    private CoapException moduleError(AtEngine at, String what) {
        int[] err = {-1, -1};
        try {
            AtResponse r = at.execute(AtCommand.action("+UCOAPER").timeout(CONFIG_TIMEOUT).build());
            if (r.isOk() && r.line("+UCOAPER").isPresent()) {
                err = CoapErrors.parse(r.line("+UCOAPER").get());
            }
        } catch (AtException e) {
            LOG.debug("+UCOAPER not readable", e);
        }
        String msg = what + (err[0] >= 0 ? ": " + CoapErrors.describe(err[0], err[1]) : "");
        if (err[0] == 15 && err[1] == ERR_BUSY) {
            return new CoapBusyException(msg);
        }
        return new CoapException(msg, err[0], err[1], null);
    }

    @Override
    public void close() {
        modem.removeListener(forgetOnStatusChange);
    }
}
