package io.ucell.modem.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineEvent;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.AtTimeoutException;
import io.ucell.at.AtTransportException;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.at.transport.SerialSettings;
import io.ucell.at.transport.Transports;
import io.ucell.modem.ModemException;
import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.PdpContextStatus;
import io.ucell.modem.PingResult;
import io.ucell.modem.SignalQuality;
import io.ucell.modem.bringup.BringUp;
import io.ucell.modem.bringup.BringUpException;
import io.ucell.modem.bringup.RegistrationTracker;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.recovery.Backoff;
import io.ucell.modem.recovery.RecoveryLevel;
import io.ucell.modem.recovery.RecoveryPolicy;

/**
 * The modem service without OSGi: owns the AT engine, brings the module up, watches URCs and engine
 * events, recovers with capped exponential backoff, and keeps a {@link ModemStatus}. All module-changing
 * work runs on one worker thread; every wait is bounded.
 */
public final class ModemController implements ModemService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModemController.class);
    /**
     * Timeout of each health-check read. A module that reboots drops what it receives while it boots, so a read
     * sent then never gets an answer: a short timeout and a second question find the lost settings in seconds.
     */
    static final Duration HEALTH_QUERY_TIMEOUT = Duration.ofSeconds(2);
    /** How often one health check asks a module that does not answer before it is re-initialised. */
    static final int HEALTH_TRIES = 3;

    /** Creates the (not yet started) engine for some settings. */
    @FunctionalInterface
    public interface EngineFactory {
        AtEngine create(ModemSettings settings);
    }

    /** Serial port or tcp://host:port with the u-blox timeouts. */
    public static EngineFactory defaultEngineFactory() {
        return s -> new AtEngine(Transports.create(s.endpoint(), SerialSettings.of(s.endpoint(), s.baudRate(), s.flowControl())),
                AtEngineOptions.defaults());
    }

    private final EngineFactory engineFactory;
    private final List<ModemListener> listeners = new CopyOnWriteArrayList<>();
    private final RegistrationTracker registration = new RegistrationTracker();
    private final AtomicInteger generation = new AtomicInteger();
    private final Object pingLock = new Object();

    private volatile ModemSettings settings;
    private volatile ModemSettings lastGood;
    private volatile AtEngine engine;
    private volatile ModemStatus status = ModemStatus.off();
    private volatile boolean inAttempt;
    private volatile boolean started;
    private ScheduledExecutorService worker;
    private final List<UrcBus.Subscription> subscriptions = new ArrayList<>();
    private final java.util.function.Consumer<AtEngineEvent> engineListener = this::onEngineEvent;

    // what the last bring-up learnt (worker thread; volatile for readers)
    private volatile ModemIdentity identity;
    private volatile ModuleCapabilities caps;
    private volatile List<Integer> mnoProfiles;
    private volatile int activeMno = -1;
    private volatile int cid;

    // recovery (guarded by this)
    private int failures;
    private RecoveryLevel pendingLevel;
    private ScheduledFuture<?> pendingTask;
    private ScheduledFuture<?> healthTask;

    public ModemController(ModemSettings settings, EngineFactory engineFactory) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid modem settings: " + String.join("; ", errors));
        }
        this.settings = settings;
        this.engineFactory = engineFactory;
        this.cid = settings.cid();
    }

    public ModemController(ModemSettings settings) {
        this(settings, defaultEngineFactory());
    }

    public ModemSettings settings() {
        return settings;
    }

    // ------------------------------------------------------------------ lifecycle

    /** Opens the link and starts the bring-up in the background. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        worker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ucell-modem");
            t.setDaemon(true);
            return t;
        });
        openEngine();
        failures = 0;
        request(RecoveryLevel.REINIT, "starting", Duration.ZERO);
        scheduleHealth();
    }

    /** Stops everything and closes the link; the status becomes OFF. */
    public void stop() {
        ScheduledExecutorService w;
        synchronized (this) {
            if (!started) {
                return;
            }
            started = false;
            generation.incrementAndGet();
            w = worker;
            worker = null;
            pendingLevel = null;
        }
        w.shutdownNow();
        closeEngine();
        try {
            w.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        publish(ModemStatus.off().withConfigError(status.configError()));
    }

    @Override
    public void close() {
        stop();
    }

    /**
     * Applies new settings. Refused (returned errors, logged, put in {@link ModemStatus#configError()})
     * when invalid; the settings in force stay. Otherwise the module is brought up again with them.
     */
    public List<String> update(ModemSettings next) {
        List<String> errors = new ArrayList<>(next.validate());
        if (errors.isEmpty()) {
            errors.addAll(next.validateFor(caps, mnoProfiles));
        }
        if (!errors.isEmpty()) {
            String msg = "configuration refused, previous one stays in force: " + String.join("; ", errors);
            LOG.warn(msg);
            publish(status.withConfigError(msg));
            return errors;
        }
        boolean relink;
        synchronized (this) {
            relink = !next.sameLink(settings);
            settings = next;
        }
        publish(status.withConfigError(""));
        if (started) {
            if (relink) {
                synchronized (this) {
                    generation.incrementAndGet();
                }
                closeEngine();
                openEngine();
            }
            restart();
        }
        return List.of();
    }

    @Override
    public synchronized void restart() {
        if (!started) {
            return;
        }
        generation.incrementAndGet();
        if (pendingTask != null) {
            pendingTask.cancel(false);
            pendingTask = null;
        }
        pendingLevel = null;
        failures = 0;
        request(RecoveryLevel.REINIT, "restart", Duration.ZERO);
    }

    private synchronized void openEngine() {
        AtEngine e = engineFactory.create(settings);
        e.addListener(engineListener);
        subscriptions.add(e.subscribe("+CEREG", this::onCereg));
        subscriptions.add(e.subscribe("+CGEV", this::onCgev));
        subscriptions.add(e.subscribe("+UUPSDD", this::onUupsdd));
        engine = e;
        try {
            e.start();
        } catch (AtException ex) {
            // the worker reopens it; the first attempt fails and backs off
            LOG.warn("cannot open {}: {}", settings.endpoint(), ex.getMessage());
        }
    }

    private void closeEngine() {
        AtEngine e;
        synchronized (this) {
            e = engine;
            engine = null;
            subscriptions.forEach(UrcBus.Subscription::close);
            subscriptions.clear();
        }
        if (e != null) {
            e.removeListener(engineListener);
            e.close();
        }
    }

    // ------------------------------------------------------------------ recovery machinery

    /** Asks the worker to redo at least {@code level} after {@code delay}. */
    private synchronized void request(RecoveryLevel level, String reason, Duration delay) {
        if (!started || worker == null) {
            return;
        }
        pendingLevel = level.max(pendingLevel);
        if (pendingTask == null || pendingTask.isDone()) {
            LOG.debug("{} in {} ms: {}", pendingLevel, delay.toMillis(), reason);
            pendingTask = worker.schedule(this::attempt, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean steady() {
        ModemState s = status.state();
        return started && !inAttempt && (s == ModemState.DATA_ACTIVE || s == ModemState.REGISTERED);
    }

    private void attempt() {
        RecoveryLevel level;
        int gen;
        ModemSettings s;
        synchronized (this) {
            level = pendingLevel;
            pendingLevel = null;
            pendingTask = null; // this task: a request made from here schedules the next attempt
            gen = generation.get();
            s = settings;
            if (level == null || !started) {
                return;
            }
            inAttempt = true;
        }
        BooleanSupplier cancelled = () -> generation.get() != gen || !started;
        try {
            AtEngine e = engine;
            if (e == null) {
                throw BringUpException.retry("no link");
            }
            if (!e.isTransportUp()) {
                level = RecoveryLevel.REINIT;
                e.reopen();
            }
            BringUp bu = new BringUp(e, s, registration, cancelled, st -> {
                if (!cancelled.getAsBoolean()) {
                    // past INITIALIZING the module answers: the last failure no longer describes it
                    publish(status.withState(st, st == ModemState.INITIALIZING ? status.failureReason() : ""));
                }
            });
            if (level == RecoveryLevel.REINIT || caps == null) {
                bu.full();
                identity = bu.identity();
                caps = bu.capabilities();
                mnoProfiles = bu.supportedMnoProfiles();
                activeMno = bu.activeMnoProfile();
            } else {
                bu.withKnown(identity, caps, mnoProfiles, activeMno, cid);
                if (level == RecoveryLevel.REATTACH) {
                    publish(status.withState(ModemState.SEARCHING, status.failureReason()));
                }
                bu.awaitRegistration();
                bu.activate();
                bu.verifyNoReboot();
            }
            cid = bu.cid();
            if (cancelled.getAsBoolean()) {
                return;
            }
            synchronized (this) {
                failures = 0;
                lastGood = s;
            }
            // strict: DATA_ACTIVE only once the module answered after the bring-up (it may have rebooted since)
            ModemStatus fresh = readStatus(ModemState.DATA_ACTIVE, "", BringUp.QUERY_TIMEOUT, true);
            publish(fresh);
            LOG.info("data active on cid {}: {} {}", cid, fresh.ipv4(), fresh.ipv6());
        } catch (CancellationException ce) {
            LOG.debug("attempt cancelled");
        } catch (BringUpException be) {
            if (cancelled.getAsBoolean()) {
                return;
            }
            if (be.configError()) {
                configRejected(be.getMessage());
            } else if (be.fatal()) {
                LOG.error("modem failed: {}", be.getMessage());
                publish(status.withState(ModemState.FAILED, be.getMessage()));
            } else {
                failed(be.getMessage());
            }
        } catch (RuntimeException re) {
            if (!cancelled.getAsBoolean()) {
                failed(String.valueOf(re.getMessage() == null ? re : re.getMessage()));
            }
        } finally {
            inAttempt = false;
        }
        // engine events are ignored while an attempt runs (its own commands fail instead); a link that dropped
        // after its last command would go unnoticed until the next health check
        AtEngine after = engine;
        if (after != null && !after.isTransportUp() && steady()) {
            lost(ModemState.RECOVERING, RecoveryLevel.REINIT, "link dropped at the end of the bring-up");
        }
    }

    private void configRejected(String message) {
        ModemSettings good = lastGood;
        String msg = "configuration refused: " + message;
        if (good != null && !good.equals(settings)) {
            LOG.warn("{}; back to the previous configuration", msg);
            synchronized (this) {
                settings = good;
            }
            publish(status.withState(ModemState.RECOVERING, msg).withConfigError(msg));
            request(RecoveryLevel.REINIT, msg, Duration.ZERO);
        } else {
            LOG.error(msg);
            publish(status.withState(ModemState.FAILED, msg).withConfigError(msg));
        }
    }

    private void failed(String reason) {
        int n;
        RecoveryPolicy policy = new RecoveryPolicy(settings.rebootAfterFailures(), settings.maxFailures(),
                new Backoff(settings.backoffBase(), settings.backoffCap()));
        synchronized (this) {
            n = ++failures;
        }
        if (policy.shouldGiveUp(n)) {
            String msg = "gave up after " + n + " failures: " + reason;
            LOG.error(msg);
            publish(status.withState(ModemState.FAILED, msg).withFailures(n));
            return;
        }
        if (policy.shouldReboot(n)) {
            LOG.warn("{} failures, rebooting the module (+CFUN=16)", n);
            AtEngine e = engine;
            if (e != null && e.isTransportUp()) {
                try {
                    e.execute(AtCommand.set("+CFUN").param(16).timeout(Duration.ofSeconds(5)).build());
                } catch (AtException ex) {
                    LOG.debug("reboot failed: {}", ex.getMessage());
                }
            }
        }
        Duration delay = policy.backoff().delay(n);
        LOG.warn("modem failure {} ({}), retrying in {} ms", n, reason, delay.toMillis());
        publish(status.withState(ModemState.RECOVERING, reason).withFailures(n));
        request(RecoveryLevel.REINIT, reason, delay);
    }

    private synchronized void scheduleHealth() {
        long ms = settings.healthCheckInterval().toMillis();
        healthTask = worker.scheduleWithFixedDelay(this::healthCheckGuarded, ms, ms, TimeUnit.MILLISECONDS);
    }

    /** A periodic task that throws is never run again: nothing may leave the health check. */
    private void healthCheckGuarded() {
        try {
            healthCheck();
        } catch (Throwable t) {
            LOG.error("health check failed", t);
        }
    }

    /**
     * Steady state only: reboot (volatile settings gone), registration and context checks, signal refresh.
     * Every read is bounded by {@link #HEALTH_QUERY_TIMEOUT}; an unanswered check is asked again at once, since
     * a module that rebooted answers the next question (and shows its lost settings) while a hung one does not.
     */
    private void healthCheck() {
        if (!steady()) {
            return;
        }
        synchronized (this) {
            if (pendingTask != null && !pendingTask.isDone()) {
                return;
            }
        }
        AtEngine e = engine;
        if (e == null || e.isInDataMode()) {
            // a data phase (direct link, PPP) owns the link; its end (NO CARRIER, transport down) is seen anyway
            return;
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= HEALTH_TRIES; attempt++) {
            try {
                checkHealth(e);
                return;
            } catch (RuntimeException ex) {
                failure = ex;
                if (!unanswered(ex) || !steady()) {
                    break;
                }
                LOG.debug("health check {} of {} unanswered: {}", attempt, HEALTH_TRIES, ex.getMessage());
            }
        }
        if (steady()) {
            lost(ModemState.RECOVERING, RecoveryLevel.REINIT, "health check: " + failure.getMessage());
        }
    }

    private void checkHealth(AtEngine e) {
        BringUp bu = new BringUp(e, settings, registration, () -> !started, st -> { })
                .withKnown(identity, caps, mnoProfiles, activeMno, cid).withQueryTimeout(HEALTH_QUERY_TIMEOUT);
        bu.verifyNoReboot();
        if (!registration.registered()) {
            lost(ModemState.SEARCHING, RecoveryLevel.REATTACH, "registration lost");
        } else if (bu.contextAddress().isEmpty()) {
            lost(ModemState.RECOVERING, RecoveryLevel.REACTIVATE, "context " + cid + " lost its address");
        } else if (steady()) {
            publish(readStatus(status.state(), status.failureReason(), HEALTH_QUERY_TIMEOUT, true));
        }
    }

    /** The module gave no answer (as opposed to an answer showing a problem). */
    private static boolean unanswered(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof AtTimeoutException) {
                return true;
            }
        }
        return false;
    }

    private void lost(ModemState state, RecoveryLevel level, String reason) {
        LOG.warn("{}: {}", reason, level);
        publish(status.withState(state, reason));
        request(level, reason, Duration.ZERO);
    }

    // ------------------------------------------------------------------ URCs and engine events

    private void onCereg(Urc u) {
        AtLine l = u.line();
        try {
            // URC: +CEREG: <stat>[,...]; (a read answer would be +CEREG: <n>,<stat>, but those are not URCs)
            int stat = l.intParam(0);
            registration.update(stat);
            if (!RegistrationTracker.isRegistered(stat) && steady()) {
                lost(ModemState.SEARCHING, RecoveryLevel.REATTACH, "registration lost (+CEREG: " + stat + ")");
            }
        } catch (RuntimeException e) {
            LOG.debug("unparsed {}", l.text());
        }
    }

    private void onCgev(Urc u) {
        String t = u.text();
        if (!steady()) {
            return;
        }
        if (t.contains("DETACH")) {
            lost(ModemState.SEARCHING, RecoveryLevel.REATTACH, t);
            return;
        }
        if (t.contains("PDN DEACT") || t.contains(" DEACT")) {
            String[] parts = t.trim().split("[\\s,]+");
            String last = parts[parts.length - 1];
            if (last.equals(Integer.toString(cid))) {
                lost(ModemState.RECOVERING, RecoveryLevel.REACTIVATE, t);
            }
        }
    }

    private void onUupsdd(Urc u) {
        if (steady() && u.line().param(0).trim().equals("0")) {
            lost(ModemState.RECOVERING, RecoveryLevel.REACTIVATE, u.text());
        }
    }

    private void onEngineEvent(AtEngineEvent ev) {
        switch (ev.type()) {
            case TRANSPORT_DOWN:
            case UNRESPONSIVE:
                if (steady()) {
                    lost(ModemState.RECOVERING, RecoveryLevel.REINIT, ev.type() + " " + ev.detail());
                }
                break;
            default:
                break;
        }
    }

    // ------------------------------------------------------------------ status

    private void publish(ModemStatus next) {
        ModemStatus prev;
        synchronized (listeners) {
            prev = status;
            if (sameContent(prev, next)) {
                return;
            }
            status = next;
        }
        if (prev.state() != next.state()) {
            LOG.info("modem {} -> {}{}", prev.state(), next.state(),
                    next.failureReason().isEmpty() ? "" : " (" + next.failureReason() + ")");
        }
        for (ModemListener l : listeners) {
            try {
                l.statusChanged(prev, next);
            } catch (RuntimeException | LinkageError | AssertionError e) {
                // a listener that throws must not stop the recovery that published the status (lost() requests it next)
                LOG.warn("modem listener failed", e);
            }
        }
    }

    private static boolean sameContent(ModemStatus a, ModemStatus b) {
        return a.state() == b.state() && a.family().equals(b.family()) && a.productVersion().equals(b.productVersion())
                && Objects.equals(a.identity(), b.identity()) && a.operator().equals(b.operator()) && a.rat().equals(b.rat())
                && a.signal().equals(b.signal()) && a.cid() == b.cid() && a.contexts().equals(b.contexts())
                && Objects.equals(a.mtu(), b.mtu()) && a.failureReason().equals(b.failureReason())
                && a.configError().equals(b.configError()) && a.failures() == b.failures();
    }

    /**
     * Reads contexts, MTU, operator and signal from the module, each read bounded by {@code timeout}: the
     * engine's timeouts by name (3 min for +COPS and +CGACT) are those of the set forms. With {@code strict}, a
     * read left unanswered or a dropped link is thrown rather than giving a partial status.
     */
    private ModemStatus readStatus(ModemState state, String reason, Duration timeout, boolean strict) {
        AtEngine e = requireEngine();
        ModuleCapabilities c = caps;
        List<PdpContextStatus> contexts = List.of();
        Integer mtu = null;
        String operator = "";
        String rat = "";
        SignalQuality signal = SignalQuality.UNKNOWN;
        try {
            Set<Integer> active = new HashSet<>();
            AtResponse act = e.execute(AtCommand.read("+CGACT").timeout(timeout).build());
            if (act.isOk()) {
                for (AtLine l : act.all("+CGACT")) {
                    if (l.paramCount() > 1 && l.param(1).trim().equals("1")) {
                        active.add(Integer.parseInt(l.param(0).trim()));
                    }
                }
            }
            contexts = BringUp.readContexts(e, state == ModemState.DATA_ACTIVE ? cid : -1, active, timeout);
            AtResponse rdp = e.execute(AtCommand.set("+CGCONTRDP").param(cid).timeout(timeout).build());
            if (rdp.isOk()) {
                for (AtLine l : rdp.all("+CGCONTRDP")) {
                    String last = l.param(l.paramCount() - 1).trim();
                    if (mtu == null && last.matches("\\d+") && l.param(3).chars().filter(ch -> ch == '.').count() == 7) {
                        mtu = Integer.valueOf(last);
                    }
                }
            }
            AtResponse cops = e.execute(AtCommand.read("+COPS").timeout(timeout).build());
            if (cops.isOk() && cops.line("+COPS").isPresent()) {
                String[] opRat = operatorAndRat(cops.line("+COPS").get());
                operator = opRat[0];
                rat = opRat[1];
            }
            signal = readSignal(e, timeout);
        } catch (AtTimeoutException | AtTransportException ex) {
            if (strict) {
                throw ex;
            }
            LOG.debug("status read incomplete: {}", ex.getMessage());
        } catch (AtException | IllegalArgumentException ex) {
            LOG.debug("status read incomplete: {}", ex.getMessage());
        }
        ModemIdentity id = identity;
        return new ModemStatus(state, c == null ? "" : c.family().displayName(),
                c == null ? "" : c.productVersion().code(), id, operator, rat, signal, cid, contexts, mtu, reason,
                status.configError(), failures, Instant.now());
    }

    private static SignalQuality readSignal(AtEngine e, Duration timeout) {
        Integer csq = null;
        Integer rssi = null;
        Integer rsrp = null;
        Double rsrq = null;
        AtResponse r = e.execute(AtCommand.action("+CSQ").timeout(timeout).build());
        if (r.isOk() && r.line("+CSQ").isPresent()) {
            csq = r.line("+CSQ").get().intParam(0);
            rssi = csq == 99 ? null : -113 + 2 * csq;
        }
        AtResponse q = e.execute(AtCommand.action("+CESQ").timeout(timeout).build());
        if (q.isOk() && q.line("+CESQ").isPresent() && q.line("+CESQ").get().paramCount() >= 6) {
            AtLine l = q.line("+CESQ").get();
            int rq = l.intParam(4);
            int rp = l.intParam(5);
            rsrq = rq == 255 ? null : rq * 0.5 - 20;
            rsrp = rp == 255 ? null : rp - 141;
        }
        return new SignalQuality(csq, rssi, rsrp, rsrq);
    }

    /** {operator, RAT name} from "+COPS: 0,0,"Nutaq Network",3" (2.3); empty strings for "+COPS: 2" or "+COPS: 0". */
    static String[] operatorAndRat(AtLine l) {
        return new String[] {l.paramCount() > 2 ? l.param(2) : "", l.paramCount() > 3 ? ratName(l.param(3).trim()) : ""};
    }

    /** One "+UUPING: <seq>,<size>,"<host>","<ip>",<ttl>,<rtt>" (2.4.1); rtt -1 is a timeout, -2 a too low TTL. */
    static PingResult.Reply pingReply(AtLine l) {
        return new PingResult.Reply(l.intParam(0), l.intParam(1), l.intParam(4), Long.parseLong(l.param(5).trim()));
    }

    static String ratName(String act) {
        switch (act) {
            case "0":
            case "1":
                return "GSM";
            case "3":
                return "EGPRS";
            case "7":
                return "LTE-M";
            case "8":
            case "9":
                return "NB-IoT";
            default:
                return act;
        }
    }

    // ------------------------------------------------------------------ ModemService

    @Override
    public ModemStatus status() {
        return status;
    }

    @Override
    public ModemStatus refreshStatus() {
        ModemStatus s = status;
        if (engine != null && (s.state() == ModemState.DATA_ACTIVE || s.state() == ModemState.REGISTERED) && !inAttempt) {
            publish(readStatus(s.state(), s.failureReason(), BringUp.QUERY_TIMEOUT, false));
        }
        return status;
    }

    @Override
    public ModemIdentity identity() {
        return identity;
    }

    @Override
    public ModuleCapabilities capabilities() {
        return caps;
    }

    @Override
    public AtEngine at() {
        return engine;
    }

    @Override
    public AtResponse execute(AtCommand command) {
        return requireEngine().execute(command);
    }

    private AtEngine requireEngine() {
        AtEngine e = engine;
        if (e == null) {
            throw new ModemException("modem service not started");
        }
        return e;
    }

    @Override
    public PingResult ping(String host, int count, Duration timeout) {
        if (count < 1 || count > 64) {
            throw new IllegalArgumentException("count must be 1..64: " + count);
        }
        long timeoutMs = Math.max(10, Math.min(60000, timeout.toMillis()));
        AtEngine e = requireEngine();
        synchronized (pingLock) {
            List<PingResult.Reply> replies = new CopyOnWriteArrayList<>();
            String[] address = {""};
            CompletableFuture<Integer> done = new CompletableFuture<>();
            try (UrcBus.Subscription s1 = e.subscribe("+UUPING", u -> {
                    AtLine l = u.line();
                    try {
                        replies.add(pingReply(l));
                        address[0] = l.param(3);
                    } catch (RuntimeException ex) {
                        LOG.debug("unparsed {}", l.text());
                    }
                    if (replies.size() >= count) {
                        done.complete(null);
                    }
                });
                    UrcBus.Subscription s2 = e.subscribe("+UUPINGER", u -> {
                        try {
                            done.complete(u.line().intParam(0));
                        } catch (RuntimeException ex) {
                            done.complete(-1);
                        }
                    })) {
                AtResponse r = e.execute(AtCommand.set("+UPING").param(host).param(count).param(32).param(timeoutMs)
                        .param(64).build());
                if (!r.isOk()) {
                    throw new ModemException("+UPING failed: " + r.result());
                }
                Integer err;
                try {
                    err = done.get(count * (timeoutMs + 1000) + 10_000, TimeUnit.MILLISECONDS);
                } catch (java.util.concurrent.TimeoutException te) {
                    err = null; // partial result
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new ModemException("interrupted");
                } catch (java.util.concurrent.ExecutionException ee) {
                    throw new ModemException("ping failed", ee.getCause());
                }
                return new PingResult(host, address[0], replies, err);
            } catch (AtException ex) {
                throw new ModemException("+UPING failed: " + ex.getMessage(), ex);
            }
        }
    }

    @Override
    public List<String> resolve(String name) {
        AtResponse r = dns(0, name);
        List<String> out = new ArrayList<>();
        for (AtLine l : r.all("+UDNSRN")) {
            out.addAll(l.params());
        }
        return out;
    }

    @Override
    public String reverseResolve(String ip) {
        return dns(1, ip).require("+UDNSRN").param(0);
    }

    private AtResponse dns(int type, String value) {
        try {
            AtResponse r = requireEngine().execute(AtCommand.set("+UDNSRN").param(type).param(value).build());
            if (!r.isOk()) {
                throw new ModemException("DNS " + (type == 0 ? "resolution of " : "reverse resolution of ") + value
                        + " failed: " + r.result());
            }
            return r;
        } catch (AtException ex) {
            throw new ModemException("+UDNSRN failed: " + ex.getMessage(), ex);
        }
    }

    @Override
    public void addListener(ModemListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ModemListener listener) {
        listeners.remove(listener);
    }
}
