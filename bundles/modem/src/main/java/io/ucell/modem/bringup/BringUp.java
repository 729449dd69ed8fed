package io.ucell.modem.bringup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemState;
import io.ucell.modem.PdpContextStatus;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;

/**
 * The procedures of section 2, step by step, against one engine. Every wait is bounded; the
 * {@code cancelled} supplier stops long waits when the controller restarts or stops.
 */
public final class BringUp {

    private static final Logger LOG = LoggerFactory.getLogger(BringUp.class);
    /** MNO profiles of the SARA-R5 / SARA-R42 AT manuals, used when +UMNOPROF=? gives no list. */
    public static final List<Integer> KNOWN_MNO_PROFILES = List.of(0, 1, 2, 3, 4, 5, 6, 8, 19, 21, 28, 31, 39, 90, 100, 101, 201);
    private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);
    /** Unanswered probes in a row after which synchronise() reopens a link that looks up. */
    private static final int PROBES_BEFORE_REOPEN = 10;
    /** +CEREG n the service sets; a read showing anything else means the module lost its volatile settings. */
    public static final int CEREG_MODE = 2;
    /**
     * Timeout of the reads of module state (+CEREG?, +CGEREP?, +CGDCONT?): the module answers them from memory at
     * once. The engine's per-name timeouts (30 s for +CEREG and +CGDCONT) are those of the set forms, which wait for
     * the network; a read that a rebooting module swallowed must not hold the worker that long.
     */
    public static final Duration QUERY_TIMEOUT = Duration.ofSeconds(5);

    private final AtEngine at;
    private final ModemSettings settings;
    private final RegistrationTracker registration;
    private final BooleanSupplier cancelled;
    private final Consumer<ModemState> progress;

    private ModemIdentity identity;
    private ModuleCapabilities caps;
    private List<Integer> supportedMnoProfiles;
    private int activeMnoProfile = -1;
    private int cid;
    private Duration queryTimeout = QUERY_TIMEOUT;

    public BringUp(AtEngine at, ModemSettings settings, RegistrationTracker registration, BooleanSupplier cancelled,
            Consumer<ModemState> progress) {
        this.at = at;
        this.settings = settings;
        this.registration = registration;
        this.cancelled = cancelled;
        this.progress = progress;
        this.cid = settings.cid();
    }

    /** Carries over what an earlier bring-up learnt (for re-attach / re-activate without re-init). */
    public BringUp withKnown(ModemIdentity id, ModuleCapabilities c, List<Integer> mno, int activeMno, int effectiveCid) {
        this.identity = id;
        this.caps = c;
        this.supportedMnoProfiles = mno;
        this.activeMnoProfile = activeMno;
        this.cid = effectiveCid;
        return this;
    }

    /** How long each read of module state may take (the health check asks sooner, and asks again). */
    public BringUp withQueryTimeout(Duration timeout) {
        this.queryTimeout = timeout;
        return this;
    }

    public ModemIdentity identity() {
        return identity;
    }

    public ModuleCapabilities capabilities() {
        return caps;
    }

    public List<Integer> supportedMnoProfiles() {
        return supportedMnoProfiles;
    }

    public int activeMnoProfile() {
        return activeMnoProfile;
    }

    public int cid() {
        return cid;
    }

    // ------------------------------------------------------------------ full bring-up

    /** Everything: synchronise, identify, configure, register, activate. */
    public void full() {
        progress.accept(ModemState.INITIALIZING);
        synchronise();
        interfaceSettings();
        identify();
        configureMnoProfile();
        List<String> errors = settings.validateFor(caps, supportedMnoProfiles);
        if (!errors.isEmpty()) {
            throw BringUpException.config(String.join("; ", errors));
        }
        cid = settings.effectiveCid(activeMnoProfile);
        configureDefaultContext();
        enableUrcs();
        defineContext();
        radioOn();
        awaitRegistration();
        activate();
        verifyNoReboot();
    }

    /** Sends AT until the module answers OK (bounded by the sync timeout), as after power-on or a reboot. */
    public void synchronise() {
        long deadline = System.nanoTime() + settings.syncTimeout().toNanos();
        AtException last = null;
        int silentProbes = 0;
        while (System.nanoTime() < deadline) {
            checkCancelled();
            try {
                if (!at.isTransportUp() || silentProbes >= PROBES_BEFORE_REOPEN) {
                    // the link dropped (module reboot on USB, simulator restart, TCP reset), or it is up but nothing
                    // answers (a half-open TCP link to a ser2net port that restarted): open it again
                    silentProbes = 0;
                    at.reopen();
                }
                if (at.execute(AtCommand.basic("").timeout(PROBE_TIMEOUT).build()).isOk()) {
                    return;
                }
            } catch (AtException e) {
                last = e;
                if (e instanceof io.ucell.at.AtTimeoutException) {
                    silentProbes++;
                }
                if (e instanceof io.ucell.at.AtTransportException) {
                    sleep(400); // do not hammer a port that is not there yet
                }
            }
            sleep(100);
        }
        throw BringUpException.retry("module does not answer AT within " + settings.syncTimeout()
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private void interfaceSettings() {
        ok(AtCommand.basic("E0").build());
        ok(AtCommand.set("+CMEE").param(2).build());
    }

    /** +CGMI, +CGMM, ATI0, +CGMR, ATI9, +CGSN, +CIMI, +CCID, then the capability table row. */
    public void identify() {
        String manufacturer = text(AtCommand.action("+CGMI").build()).orElse("");
        String model = text(AtCommand.action("+CGMM").build()).orElse("");
        String typeNumber = text(AtCommand.basic("I0").build()).orElse("");
        String firmware = text(AtCommand.action("+CGMR").build()).orElse("");
        String ati9 = text(AtCommand.basic("I9").build()).orElse("");
        String appVersion = "";
        if (!ati9.isEmpty()) {
            String[] parts = ati9.split(",");
            if (firmware.isEmpty()) {
                firmware = parts[0].trim();
            }
            appVersion = parts.length > 1 ? parts[1].trim() : "";
        }
        String imei = text(AtCommand.action("+CGSN").build()).orElse("");
        String imsi = text(AtCommand.action("+CIMI").build()).orElse("");
        String iccid = "";
        try {
            AtResponse r = at.execute(AtCommand.action("+CCID").build());
            if (r.isOk()) {
                iccid = r.line("+CCID").map(l -> l.param(0).trim()).orElse(r.lines().isEmpty() ? "" : r.firstText());
            }
        } catch (AtException e) {
            LOG.debug("+CCID failed: {}", e.getMessage());
        }
        identity = new ModemIdentity(manufacturer, model, typeNumber, firmware, appVersion, imei, imsi, iccid);
        caps = detect(identity, settings.familyOverride());
        LOG.info("module {} {} firmware {} IMEI {}: {}", manufacturer, model, firmware, imei, caps.describe());
    }

    /** The capability row for an identity, or the override; throws a fatal error for unknown modules. */
    public static ModuleCapabilities detect(ModemIdentity id, String override) {
        Optional<ModuleCapabilities> o = ModuleCapabilities.fromOverride(override);
        if (o.isPresent()) {
            return o.get();
        }
        Optional<ModuleFamily> family = ModuleFamily.fromModel(id.model());
        if (family.isEmpty()) {
            family = ModuleFamily.fromModel(id.typeNumber());
        }
        if (family.isEmpty()) {
            throw BringUpException.fatal("unsupported module '" + id.model() + "' (" + id.typeNumber()
                    + "); set a family override if it is a SARA-R5, LEXI-R520, SARA-R42, LEXI-R422 or SARA-R422");
        }
        Optional<ProductVersion> v = ProductVersion.fromTypeNumber(id.typeNumber());
        if (v.isEmpty()) {
            v = ProductVersion.fromFirmware(family.get(), id.firmware());
        }
        if (v.isEmpty()) {
            throw BringUpException.fatal("cannot tell the product version of " + id.model() + " from '" + id.typeNumber()
                    + "' or firmware '" + id.firmware() + "'; set a family override such as SARA-R5-01B");
        }
        return ModuleCapabilities.of(family.get(), v.get());
    }

    /** +UMNOPROF=? for the list, +UMNOPROF? for the active one; only if it differs: +CFUN=0, +UMNOPROF=n, +CFUN=16. */
    public void configureMnoProfile() {
        supportedMnoProfiles = queryMnoProfiles(at);
        activeMnoProfile = readMnoProfile();
        int wanted = settings.mnoProfile();
        if (wanted < 0 || wanted == activeMnoProfile) {
            return;
        }
        if (!supportedMnoProfiles.contains(wanted)) {
            throw BringUpException.config("MNO profile " + wanted + " not supported by the module (supported: "
                    + supportedMnoProfiles + ")");
        }
        LOG.info("MNO profile {} -> {}: radio off, set, reboot", activeMnoProfile, wanted);
        ok(AtCommand.set("+CFUN").param(0).build());
        ok(AtCommand.set("+UMNOPROF").param(wanted).build());
        reboot();
        activeMnoProfile = readMnoProfile();
        if (activeMnoProfile != wanted) {
            throw BringUpException.retry("MNO profile still " + activeMnoProfile + " after reboot, wanted " + wanted);
        }
    }

    private int readMnoProfile() {
        AtLine l = ok(AtCommand.read("+UMNOPROF").build()).require("+UMNOPROF");
        return l.intParam(0);
    }

    /** The MNO profiles the module lists in +UMNOPROF=?, or {@link #KNOWN_MNO_PROFILES} when it gives no list. */
    public static List<Integer> queryMnoProfiles(AtEngine at) {
        try {
            AtResponse r = at.execute(AtCommand.test("+UMNOPROF").build());
            if (r.isOk()) {
                Optional<AtLine> l = r.line("+UMNOPROF");
                if (l.isPresent()) {
                    List<Integer> parsed = parseRangeList(l.get().text());
                    if (!parsed.isEmpty()) {
                        return parsed;
                    }
                }
            }
        } catch (AtException e) {
            LOG.debug("+UMNOPROF=? failed: {}", e.getMessage());
        }
        return KNOWN_MNO_PROFILES;
    }

    /** "+UMNOPROF: (0,1,2-6,100)" → [0, 1, 2, 3, 4, 5, 6, 100]. */
    static List<Integer> parseRangeList(String text) {
        int open = text.indexOf('(');
        int close = text.indexOf(')', open + 1);
        if (open < 0 || close < 0) {
            return List.of();
        }
        Set<Integer> out = new TreeSet<>();
        for (String item : text.substring(open + 1, close).split(",")) {
            String s = item.trim();
            try {
                int dash = s.indexOf('-');
                if (dash > 0) {
                    int a = Integer.parseInt(s.substring(0, dash).trim());
                    int b = Integer.parseInt(s.substring(dash + 1).trim());
                    for (int i = a; i <= b && i - a < 1000; i++) {
                        out.add(i);
                    }
                } else if (!s.isEmpty()) {
                    out.add(Integer.parseInt(s));
                }
            } catch (NumberFormatException e) {
                return List.of();
            }
        }
        return new ArrayList<>(out);
    }

    /** 2.3.2: default context and preferred IP type through +UDCONF=19, only where supported and when it differs. */
    public void configureDefaultContext() {
        if (!caps.udconf19Supported()) {
            return;
        }
        AtLine l = ok(AtCommand.set("+UDCONF").param(19).build()).require("+UDCONF");
        int curCid = l.paramCount() > 1 ? l.intParam(1) : -1;
        int curType = l.paramCount() > 2 ? l.intParam(2) : -1;
        int wantType = settings.pdpType().udconf19Type();
        if (curCid == cid && curType == wantType) {
            return;
        }
        LOG.info("default context {},{} -> {},{} (+UDCONF=19), reboot", curCid, curType, cid, wantType);
        ok(AtCommand.set("+UDCONF").param(19).param(cid).param(wantType).build());
        reboot();
    }

    /** URCs the service listens to: +CEREG (n=2) and +CGEV (+CGEREP=1). Volatile: after every reboot. */
    public void enableUrcs() {
        ok(AtCommand.set("+CEREG").param(CEREG_MODE).build());
        // +CGEV reports speed up noticing a deactivated context; the health check finds it without them, so a
        // module that refuses +CGEREP (the app note does not name it) is still brought up
        AtResponse cgerep = at.execute(AtCommand.set("+CGEREP").param(1).build());
        if (!cgerep.isOk()) {
            LOG.info("+CGEREP=1 refused ({}): context events are found by polling", cgerep.result().line());
        }
    }

    /** Radio off, then +CGDCONT=cid,type,apn only when the definition differs; PSD authentication where +UPSD exists. */
    public void defineContext() {
        ok(AtCommand.set("+CFUN").param(0).build());
        registration.update(0);
        Optional<AtLine> cur = ok(AtCommand.read("+CGDCONT").timeout(queryTimeout).build()).all("+CGDCONT").stream()
                .filter(x -> x.param(0).trim().equals(Integer.toString(cid))).findFirst();
        boolean same = cur.isPresent() && cur.get().paramCount() > 2
                && cur.get().param(1).equalsIgnoreCase(settings.pdpType().atName()) && cur.get().param(2).equals(settings.apn());
        if (!same) {
            LOG.info("defining context {} as {} \"{}\"", cid, settings.pdpType().atName(), settings.apn());
            ok(AtCommand.set("+CGDCONT").param(cid).param(settings.pdpType().atName()).param(settings.apn()).build());
        }
        if (caps.upsdSupported() && !settings.user().isEmpty()) {
            ok(AtCommand.set("+UPSD").param(0).param(2).param(settings.user()).build());
            ok(AtCommand.set("+UPSD").param(0).param(3).secret(settings.password()).build());
        }
    }

    public void radioOn() {
        ok(AtCommand.set("+CFUN").param(1).build());
        progress.accept(ModemState.SEARCHING);
    }

    /** Waits for +CEREG stat 1 or 5 (URC), polling +CEREG? in case a URC was missed; bounded by the registration timeout. */
    public void awaitRegistration() {
        long deadline = System.nanoTime() + settings.registrationTimeout().toNanos();
        long pollMs = Math.max(100, Math.min(2000, settings.registrationTimeout().toMillis() / 10));
        while (true) {
            checkCancelled();
            int[] r = readCereg();
            registration.update(r[1]);
            if (r[0] != CEREG_MODE) {
                throw BringUpException.retry("+CEREG mode is " + r[0] + ": the module rebooted");
            }
            if (RegistrationTracker.isRegistered(r[1])) {
                progress.accept(ModemState.REGISTERED);
                return;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw BringUpException.retry("not registered within " + settings.registrationTimeout() + " (+CEREG stat "
                        + r[1] + ")");
            }
            try {
                registration.awaitRegistered(Duration.ofMillis(Math.min(pollMs, left / 1_000_000 + 1)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw BringUpException.retry("interrupted");
            }
        }
    }

    /** [n, stat] from +CEREG?. */
    public int[] readCereg() {
        AtLine l = ok(AtCommand.read("+CEREG").timeout(queryTimeout).build()).require("+CEREG");
        return new int[] {l.intParam(0), l.paramCount() > 1 ? l.intParam(1) : 0};
    }

    /** Reads +CEREG? and +CGEREP? and fails when the volatile settings are gone (the module rebooted). */
    public void verifyNoReboot() {
        int[] r = readCereg();
        registration.update(r[1]);
        if (r[0] != CEREG_MODE) {
            throw BringUpException.retry("+CEREG mode is " + r[0] + ": the module rebooted");
        }
        AtResponse cgerep = at.execute(AtCommand.read("+CGEREP").timeout(queryTimeout).build());
        if (!cgerep.isOk()) {
            return; // a module without +CGEREP: the +CEREG mode alone shows a reboot
        }
        AtLine g = cgerep.require("+CGEREP");
        if (g.intParam(0) != 1) {
            throw BringUpException.retry("+CGEREP mode is " + g.intParam(0) + ": the module rebooted");
        }
    }

    // ------------------------------------------------------------------ PS data activation

    /** PS data activation per family (section 2.3), ending with an address on the context. */
    public void activate() {
        if (caps.upsdaSupported()) {
            activateWithUpsda();
        } else if (caps.cgactAfterAttachNeeded()) {
            activateR42();
        } else {
            activateDefaultContext();
        }
    }

    /** SARA-R5 00B/01B: +UPSD=0,0,type (2.3.1 mapping), +UPSD=0,100,cid, +UPSDA=0,3, wait for +UUPSDA. */
    private void activateWithUpsda() {
        AtResponse st = at.execute(AtCommand.set("+UPSND").param(0).param(8).build());
        if (st.isOk() && st.line("+UPSND").map(l -> l.paramCount() > 2 && l.param(2).trim().equals("1")).orElse(false)
                && contextAddress().isPresent()) {
            LOG.debug("PSD profile 0 already active");
            return;
        }
        PdpType type = settings.pdpType();
        if (!caps.mappingUsesDefinedType()) {
            // 01B: the type +CGDCONT? shows (what the network granted) is what the profile must match
            type = contextLine().flatMap(l -> PdpType.parse(l.param(1))).orElse(type);
        }
        ok(AtCommand.set("+UPSD").param(0).param(0).param(type.upsdType()).build());
        ok(AtCommand.set("+UPSD").param(0).param(100).param(cid).build());
        CompletableFuture<String> done = new CompletableFuture<>();
        try (UrcBus.Subscription s1 = at.subscribe("+UUPSDA", u -> upsdaAddress(u.line(), 0).ifPresent(done::complete))) {
            ok(AtCommand.set("+UPSDA").param(0).param(3).build());
            String ip = done.get(settings.registrationTimeout().toMillis(), TimeUnit.MILLISECONDS);
            LOG.info("PSD profile 0 active on cid {}: {}", cid, ip);
        } catch (TimeoutException e) {
            throw BringUpException.retry("no +UUPSDA within " + settings.registrationTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BringUpException.retry("interrupted");
        } catch (ExecutionException e) {
            throw BringUpException.retry("+UPSDA failed: " + e.getCause());
        }
        awaitAddress(settings.registrationTimeout(), false);
    }

    /** The address of "+UUPSDA: 0,"100.108.232.233"" (2.3) for {@code profile}; "" when the URC carries none. */
    static Optional<String> upsdaAddress(AtLine l, int profile) {
        if (!l.param(0).trim().equals(Integer.toString(profile))) {
            return Optional.empty();
        }
        return Optional.of(l.paramCount() > 1 ? l.param(1).trim() : "");
    }

    /** SARA-R42 / LEXI-R422 / SARA-R422: +UPSD mapping once the context has an address, then +CGACT=1,cid. */
    private void activateR42() {
        if (contextAddress().isEmpty()) {
            // cid 1 gets its address with the attach; other cids need +CGACT first
            if (cid != 1 || !waitAddress(Duration.ofMillis(Math.min(2000, settings.registrationTimeout().toMillis())))) {
                ok(AtCommand.set("+CGACT").param(1).param(cid).build());
            }
        }
        awaitAddress(settings.registrationTimeout(), false);
        PdpType type = contextLine().flatMap(l -> PdpType.parse(l.param(1))).orElse(settings.pdpType());
        AtResponse r0 = at.execute(AtCommand.set("+UPSD").param(0).param(0).param(type.upsdType()).build());
        AtResponse r1 = at.execute(AtCommand.set("+UPSD").param(0).param(100).param(cid).build());
        if (!r0.isOk() || !r1.isOk()) {
            LOG.debug("+UPSD mapping answered {} / {} (profile possibly still bound)", r0.result(), r1.result());
        }
        ok(AtCommand.set("+CGACT").param(1).param(cid).build());
        awaitAddress(settings.registrationTimeout(), false);
    }

    /** SARA-R5 02B / LEXI-R520: the context is active after registration; +CGACT only if it is not. */
    private void activateDefaultContext() {
        if (waitAddress(Duration.ofMillis(Math.min(2000, settings.registrationTimeout().toMillis())))) {
            return;
        }
        ok(AtCommand.set("+CGACT").param(1).param(cid).build());
        awaitAddress(settings.registrationTimeout(), true);
    }

    private void awaitAddress(Duration max, boolean afterCgact) {
        if (!waitAddress(max)) {
            throw BringUpException.retry("context " + cid + " has no address within " + max
                    + (afterCgact ? " (after +CGACT)" : ""));
        }
    }

    private boolean waitAddress(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        while (true) {
            checkCancelled();
            if (contextAddress().isPresent()) {
                return true;
            }
            if (System.nanoTime() >= deadline) {
                return false;
            }
            sleep(100);
        }
    }

    private Optional<AtLine> contextLine() {
        return ok(AtCommand.read("+CGDCONT").timeout(queryTimeout).build()).all("+CGDCONT").stream()
                .filter(x -> x.param(0).trim().equals(Integer.toString(cid))).findFirst();
    }

    /** The context's status when it has an address. */
    public Optional<PdpContextStatus> contextAddress() {
        return readContexts(at, -1, Set.of(), queryTimeout).stream().filter(c -> c.cid() == cid && c.hasAddress()).findFirst();
    }

    /** Every defined context from +CGDCONT?; {@code activeCids} marks those considered active ({@code activeCid} too when it has an address). */
    public static List<PdpContextStatus> readContexts(AtEngine at, int activeCid, Set<Integer> activeCids,
            Duration timeout) {
        List<PdpContextStatus> out = new ArrayList<>();
        AtResponse r = at.execute(AtCommand.read("+CGDCONT").timeout(timeout).build()).requireOk();
        for (AtLine l : r.all("+CGDCONT")) {
            PdpContextStatus p = context(l, activeCid, activeCids);
            if (p != null) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * One "+CGDCONT: <cid>,"<type>","<apn>","<addr>",..." line (2.3, 4.1.5: IPv4 and IPv6 in one field separated by
     * a space); null for a line too short to be a definition.
     */
    static PdpContextStatus context(AtLine l, int activeCid, Set<Integer> activeCids) {
        if (l.paramCount() < 3) {
            return null;
        }
        int c = Integer.parseInt(l.param(0).trim());
        String v4 = "";
        String v6 = "";
        if (l.paramCount() > 3) {
            for (String a : l.param(3).trim().split("\\s+")) {
                if (isIpv4(a)) {
                    v4 = a.equals("0.0.0.0") ? "" : a;
                } else if (!a.isEmpty() && !isZeroV6(a)) {
                    v6 = a;
                }
            }
        }
        boolean hasAddr = !v4.isEmpty() || !v6.isEmpty();
        return new PdpContextStatus(c, l.param(2), l.param(1), v4, v6, hasAddr && (c == activeCid || activeCids.contains(c)));
    }

    private static boolean isIpv4(String a) {
        return a.chars().filter(ch -> ch == '.').count() == 3 && a.indexOf(':') < 0;
    }

    private static boolean isZeroV6(String a) {
        return a.chars().allMatch(ch -> ch == '0' || ch == '.' || ch == ':');
    }

    // ------------------------------------------------------------------ helpers

    /** +CFUN=16, then synchronise and set the interface again. */
    public void reboot() {
        ok(AtCommand.set("+CFUN").param(16).build());
        registration.update(0);
        sleep(200);
        synchronise();
        interfaceSettings();
    }

    private AtResponse ok(AtCommand c) {
        checkCancelled();
        try {
            return at.execute(c).requireOk();
        } catch (AtException e) {
            throw BringUpException.retry(c.traceText() + ": " + e.getMessage(), e);
        }
    }

    private Optional<String> text(AtCommand c) {
        checkCancelled();
        try {
            AtResponse r = at.execute(c);
            if (!r.isOk() || r.lines().isEmpty()) {
                return Optional.empty();
            }
            String t = r.firstText().trim();
            int colon = t.indexOf(':');
            if (t.startsWith("+") && colon > 0) {
                t = t.substring(colon + 1).trim();
            }
            return Optional.of(t.replace("\"", ""));
        } catch (AtException e) {
            if (e instanceof io.ucell.at.AtTimeoutException || e instanceof io.ucell.at.AtTransportException) {
                throw BringUpException.retry(c.traceText() + ": " + e.getMessage(), e);
            }
            return Optional.empty();
        }
    }

    private void checkCancelled() {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new CancellationExceptionImpl();
        }
    }

    private void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationExceptionImpl();
        }
    }

    /** Thrown when the controller cancelled the bring-up. */
    public static final class CancellationExceptionImpl extends java.util.concurrent.CancellationException {
        private static final long serialVersionUID = 1L;

        CancellationExceptionImpl() {
            super("bring-up cancelled");
        }
    }
}
