package io.ucell.at;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.transport.Transport;

/**
 * Runs AT commands against a module, one at a time, and dispatches its URCs.
 *
 * <p>Threads: one reader thread turns bytes into lines ({@link AtFramer}) and only enqueues; a
 * command runs on the caller's thread ({@link #execute}) or on the command thread ({@link #submit},
 * {@link #dial}), one at a time under a fair lock; URC handlers and event listeners run on a small
 * pool, never on the reader thread.
 *
 * <p>Usable without OSGi: {@code new AtEngine(transport, AtEngineOptions.defaults()).start()}.
 */
public final class AtEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AtEngine.class);
    /** AT traffic at DEBUG, secrets masked; enable with the logger "io.ucell.at.trace". */
    private static final Logger TRACE = LoggerFactory.getLogger("io.ucell.at.trace");
    private static final byte[] ABORT_CHAR = {0x1B};
    private static final AtomicInteger ENGINE_IDS = new AtomicInteger();

    private final Transport transport;
    private final AtEngineOptions options;
    private final AtFramer framer;
    private final UrcBus urcBus;
    private final ExecutorService commandThread;
    private final ExecutorService callbackPool;
    private final ExecutorService eventThread;
    private final List<Consumer<AtEngineEvent>> listeners = new CopyOnWriteArrayList<>();
    private final Object writeLock = new Object();
    /** Held by whoever runs a command (the caller of execute, or the command thread for submit and dial). */
    private final ReentrantLock linkLock = new ReentrantLock(true);
    private final String name;

    private volatile boolean closed;
    private volatile boolean transportUp;
    private volatile Thread reader;
    private volatile Exchange current;
    private volatile DataModeSession session;
    private long lastFinalNanos;
    private int consecutiveTimeouts;

    public AtEngine(Transport transport, AtEngineOptions options) {
        this.transport = transport;
        this.options = options;
        this.name = "ucell-at-" + ENGINE_IDS.incrementAndGet();
        this.framer = new AtFramer(new FramerEvents(), options.payloadRules());
        this.commandThread = Executors.newSingleThreadExecutor(daemon(name + "-cmd"));
        this.callbackPool = Executors.newCachedThreadPool(daemon(name + "-urc"));
        this.eventThread = Executors.newSingleThreadExecutor(daemon(name + "-event"));
        this.urcBus = new UrcBus(callbackPool);
    }

    /** Opens the transport and starts reading. */
    public AtEngine start() {
        openTransport();
        return this;
    }

    /** Closes and opens the transport again, e.g. after USB re-enumeration; nothing else restarts. */
    public synchronized void reopen() {
        if (closed) {
            throw new AtTransportException("engine is closed");
        }
        // fail the command in flight now rather than at its timeout
        transportFailed("reopened on request");
        transport.close();
        Thread r = reader;
        if (r != null && r != Thread.currentThread()) {
            try {
                r.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        openTransport();
    }

    private synchronized void openTransport() {
        try {
            transport.open();
        } catch (IOException e) {
            throw new AtTransportException("cannot open " + transport.describe() + ": " + e.getMessage(), e);
        }
        framer.reset();
        transportUp = true;
        Thread r = daemon(name + "-reader").newThread(this::readLoop);
        reader = r;
        r.start();
        LOG.info("AT link open on {}", transport.describe());
        fire(AtEngineEvent.Type.TRANSPORT_UP, transport.describe());
    }

    public boolean isTransportUp() {
        return transportUp;
    }

    /**
     * True while a data phase (FTP direct link, PPP dial-up) holds the link: commands submitted now wait for
     * it to end, so a supervisor should not read their silence as an unresponsive module.
     */
    public boolean isInDataMode() {
        DataModeSession s = session;
        return s != null && s.isOpen();
    }

    /** The options the engine runs with (guard time of the +++ escape, timeouts...). */
    public AtEngineOptions options() {
        return options;
    }

    public UrcBus urcs() {
        return urcBus;
    }

    /** Shorthand for {@code urcs().subscribe(prefix, handler)}. */
    public UrcBus.Subscription subscribe(String prefix, Consumer<Urc> handler) {
        return urcBus.subscribe(prefix, handler);
    }

    public void addListener(Consumer<AtEngineEvent> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<AtEngineEvent> listener) {
        listeners.remove(listener);
    }

    /** Queues the command; the future completes with the response, or fails with an {@link AtException}. */
    public CompletableFuture<AtResponse> submit(AtCommand command) {
        Exchange ex = new Exchange(command, false);
        if (closed) {
            ex.future.completeExceptionally(new AtTransportException("engine is closed"));
            return ex.future;
        }
        commandThread.execute(() -> runExclusive(ex));
        return ex.future;
    }

    /**
     * Runs the command and waits for its final result code, which the command's timeout bounds.
     * Returns ERROR answers as a response too; use {@link #executeOk} to have them thrown.
     */
    public AtResponse execute(AtCommand command) {
        // run on the caller's thread: one thread hand-off less per command than submit()
        Exchange ex = new Exchange(command, false);
        if (closed) {
            throw new AtTransportException("engine is closed");
        }
        runExclusive(ex);
        return await(ex.future, null);
    }

    /** Like {@link #execute(AtCommand)} but waits at most {@code maxWait}, queue time included. */
    public AtResponse execute(AtCommand command, Duration maxWait) {
        return await(submit(command), maxWait);
    }

    /** Runs the command and throws {@link AtErrorException} unless it answers OK. */
    public AtResponse executeOk(AtCommand command) {
        return execute(command).requireOk();
    }

    /**
     * Runs a command that answers CONNECT (FTP direct link, dial-up) and returns its data phase.
     * Commands submitted meanwhile wait until the data phase ends.
     */
    public DataModeSession dial(AtCommand command) {
        if (!command.expectsConnect()) {
            throw new IllegalArgumentException(command + " is not built with expectConnect()");
        }
        Exchange ex = new Exchange(command, true);
        if (closed) {
            throw new AtTransportException("engine is closed");
        }
        commandThread.execute(() -> runExclusive(ex));
        AtResponse response = await(ex.future, null);
        if (response.result().kind() != FinalResult.Kind.CONNECT) {
            throw new AtErrorException(command.traceText(), response);
        }
        return ex.session;
    }

    /**
     * Aborts the command in progress: the module stops an abortable command when any character arrives
     * and answers ABORTED. Queued commands are not affected; cancel their futures to drop them.
     */
    public void abortCurrent() {
        Exchange ex = current;
        if (ex == null) {
            return;
        }
        ex.abortRequested = true;
        try {
            writeRaw(ABORT_CHAR, 0, 1);
        } catch (IOException e) {
            transportFailed(e.getMessage());
        }
    }

    private AtResponse await(CompletableFuture<AtResponse> future, Duration maxWait) {
        try {
            return maxWait == null ? future.get() : future.get(maxWait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AtException) {
                throw (AtException) cause;
            }
            throw new AtException("command failed: " + cause, cause);
        } catch (TimeoutException e) {
            future.cancel(false);
            throw new AtTimeoutException("command (waited in queue)", maxWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(false);
            throw new AtException("interrupted while waiting for the module", e);
        }
    }

    // ---- command execution ----

    /** Runs one exchange while holding the link; the fair lock keeps commands in arrival order. */
    private void runExclusive(Exchange ex) {
        linkLock.lock();
        try {
            run(ex);
        } finally {
            linkLock.unlock();
        }
    }

    private void run(Exchange ex) {
        if (ex.future.isDone()) {
            return; // cancelled while queued
        }
        AtCommand cmd = ex.command;
        if (!transportUp) {
            ex.future.completeExceptionally(new AtTransportException("link to the module is down (" + transport.describe() + ")"));
            return;
        }
        waitForGap();
        current = ex;
        framer.expectPrompt(cmd.prompt() != AtCommand.Prompt.NONE);
        framer.armConnect(cmd.expectsConnect());
        Duration timeout = options.timeouts().forCommand(cmd);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            TRACE.debug("AT> {}", cmd.traceText());
            writeRaw(cmd.wireBytes(), 0, cmd.wireBytes().length);
            FinalResult result = awaitFinal(ex, deadline, timeout);
            noteAnswered();
            AtResponse response = new AtResponse(cmd.traceText(), ex.lines, result);
            if (result.kind() == FinalResult.Kind.ABORTED && ex.abortRequested) {
                ex.future.completeExceptionally(new AtAbortedException(cmd.traceText() + " aborted"));
                return;
            }
            if (result.kind() == FinalResult.Kind.CONNECT && ex.dial) {
                runDataPhase(ex, response);
                return;
            }
            ex.future.complete(response);
        } catch (AtTimeoutException e) {
            noteTimeout();
            ex.future.completeExceptionally(e);
        } catch (AtException e) {
            ex.future.completeExceptionally(e);
        } catch (IOException e) {
            transportFailed(e.getMessage());
            ex.future.completeExceptionally(new AtTransportException("writing " + cmd.traceText() + " failed: " + e.getMessage(), e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            ex.future.completeExceptionally(new AtException("interrupted", e));
        } finally {
            current = null;
            framer.expectPrompt(false);
            framer.armConnect(false);
            lastFinalNanos = System.nanoTime();
        }
    }

    private FinalResult awaitFinal(Exchange ex, long deadline, Duration timeout) throws IOException, InterruptedException {
        AtCommand cmd = ex.command;
        boolean abortNoted = false;
        while (true) {
            long now = System.nanoTime();
            long remaining = deadline - now;
            if (ex.abortRequested && !abortNoted) {
                // an aborted command gets abortWait to answer ABORTED, not its full network timeout
                abortNoted = true;
                deadline = Math.min(deadline, now + options.abortWait().toNanos());
                remaining = deadline - now;
            }
            Object event = remaining <= 0 ? null : ex.events.poll(Math.min(remaining, 50_000_000L), TimeUnit.NANOSECONDS);
            if (event == null) {
                if (System.nanoTime() - deadline >= 0) {
                    if (ex.abortRequested) {
                        throw new AtAbortedException(cmd.traceText() + " aborted; the module did not confirm");
                    }
                    throw new AtTimeoutException(cmd.traceText(), timeout);
                }
                continue;
            }
            if (event instanceof FinalResult) {
                return (FinalResult) event;
            }
            if (event instanceof AtException) {
                throw (AtException) event;
            }
            if (event instanceof Character) {
                sendPromptData(cmd, (Character) event);
            }
        }
    }

    private void sendPromptData(AtCommand cmd, char prompt) throws IOException {
        byte[] data = cmd.dataUnsafe();
        if (data == null) {
            LOG.warn("prompt '{}' for {}, which has no data", prompt, cmd.traceText());
            return;
        }
        if (prompt == '@') {
            // data that reaches the module sooner than 50 ms after '@' is lost or corrupted
            sleepNanos(options.promptDelay().toNanos());
        }
        TRACE.debug("AT> <{} bytes after '{}'>", data.length, prompt);
        writeRaw(data, 0, data.length);
        byte[] terminator = cmd.terminator();
        if (terminator != null && terminator.length > 0) {
            writeRaw(terminator, 0, terminator.length);
        }
    }

    private void runDataPhase(Exchange ex, AtResponse response) throws InterruptedException {
        DataModeSession s = ex.session;
        TRACE.debug("AT  data mode begins");
        ex.future.complete(response);
        // the command thread owns the link until the data phase ends; later commands wait their turn
        while (s.isOpen() && transportUp && !closed) {
            s.awaitEnd(Duration.ofMillis(200));
        }
        if (s.isOpen()) {
            s.end(closed ? "engine closed" : "transport down");
        }
        session = null;
        TRACE.debug("AT  data mode ended: {}", s.endReason());
    }

    void escapeDataMode(DataModeSession s) throws InterruptedException {
        long guard = options.guardTime().toNanos();
        framer.escapePending(true);
        try {
            sleepNanos(guard);
            TRACE.debug("AT> +++");
            writeRaw(DataModeSession.escapeSequence(), 0, 3);
            sleepNanos(guard);
            if (!s.awaitEnd(Duration.ofNanos(guard).plusSeconds(5))) {
                throw new AtTimeoutException("+++ escape", Duration.ofNanos(guard).plusSeconds(5));
            }
        } catch (IOException e) {
            transportFailed(e.getMessage());
            throw new AtTransportException("writing +++ failed: " + e.getMessage(), e);
        } finally {
            framer.escapePending(false);
        }
    }

    void writeData(byte[] b, int off, int len) throws IOException {
        writeRaw(b, off, len);
    }

    private void writeRaw(byte[] b, int off, int len) throws IOException {
        synchronized (writeLock) {
            transport.write(b, off, len);
        }
    }

    private void waitForGap() {
        long due = lastFinalNanos + options.minCommandGap().toNanos();
        long wait = due - System.nanoTime();
        if (lastFinalNanos != 0 && wait > 0) {
            sleepNanos(wait);
        }
    }

    private static void sleepNanos(long nanos) {
        long end = System.nanoTime() + nanos;
        long left;
        while ((left = end - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private void noteAnswered() {
        if (consecutiveTimeouts >= options.unresponsiveThreshold()) {
            fire(AtEngineEvent.Type.RESPONSIVE, "module answers again");
        }
        consecutiveTimeouts = 0;
    }

    private void noteTimeout() {
        consecutiveTimeouts++;
        if (consecutiveTimeouts == options.unresponsiveThreshold()) {
            LOG.warn("module on {} did not answer {} commands in a row", transport.describe(), consecutiveTimeouts);
            fire(AtEngineEvent.Type.UNRESPONSIVE, consecutiveTimeouts + " consecutive timeouts");
        }
    }

    // ---- reader thread ----

    private void readLoop() {
        byte[] buf = new byte[8192];
        try {
            while (transportUp && !closed) {
                int n = transport.read(buf, 0, buf.length);
                if (n < 0) {
                    transportFailed("closed by the other end");
                    return;
                }
                if (n == 0) {
                    framer.idle();
                    continue;
                }
                framer.feed(buf, 0, n);
            }
        } catch (IOException e) {
            if (transportUp && !closed) {
                transportFailed(e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("AT reader failed", e);
            transportFailed("reader failed: " + e);
        }
    }

    private void transportFailed(String reason) {
        synchronized (this) {
            if (!transportUp) {
                return;
            }
            transportUp = false;
        }
        LOG.warn("AT link {} is down: {}", transport.describe(), reason);
        transport.close();
        Exchange ex = current;
        if (ex != null) {
            ex.events.add(new AtTransportException("link to the module went down: " + reason));
        }
        DataModeSession s = session;
        if (s != null) {
            s.end("transport down: " + reason);
        }
        fire(AtEngineEvent.Type.TRANSPORT_DOWN, reason);
    }

    private boolean belongsToResponse(Exchange ex, AtLine line) {
        if (line.prefix() != null) {
            return ex.command.responsePrefixes().contains(line.prefix());
        }
        // unprefixed text (ATI, +CGSN, +USECMNG=3 listings) belongs to the command; RING never does
        return !line.text().equals("RING");
    }

    private final class FramerEvents implements AtFramer.Listener {
        @Override
        public void onLine(AtLine line) {
            Exchange ex = current;
            if (TRACE.isDebugEnabled()) {
                boolean masked = ex != null && ex.command.masksResponse() && line.prefix() != null
                        && ex.command.responsePrefixes().contains(line.prefix());
                TRACE.debug("AT< {}", masked ? line.prefix() + ": ****" : printable(line.text()));
            }
            FinalResult result = FinalResult.parse(line.text());
            if (ex != null) {
                if (line.text().equals(ex.command.text())) {
                    return; // echo (ATE1)
                }
                if (result != null) {
                    if (result.kind() == FinalResult.Kind.CONNECT && ex.dial) {
                        // the framer switches to data mode when this returns: the session must exist by then
                        DataModeSession s = new DataModeSession(AtEngine.this);
                        ex.session = s;
                        session = s;
                    }
                    ex.events.add(result);
                    return;
                }
                if (belongsToResponse(ex, line)) {
                    ex.lines.add(line);
                    return;
                }
            } else if (result != null && result.kind() != FinalResult.Kind.NO_CARRIER) {
                LOG.debug("final result code without a command: {}", line.text());
                return;
            }
            urcBus.publish(new Urc(line, Instant.now()));
        }

        @Override
        public void onPrompt(char prompt) {
            TRACE.debug("AT< {}", prompt);
            Exchange ex = current;
            if (ex != null) {
                ex.events.add(prompt);
            }
        }

        @Override
        public void onData(byte[] buf, int off, int len) {
            DataModeSession s = session;
            if (s != null) {
                s.deliver(buf, off, len);
            } else {
                LOG.warn("{} data-mode bytes without a session dropped", len);
            }
        }

        @Override
        public void onDataModeEnded(String marker) {
            TRACE.debug("AT< {} (data mode ends)", marker);
            DataModeSession s = session;
            if (s != null) {
                s.end(marker);
            }
        }
    }

    private static String printable(String text) {
        StringBuilder sb = new StringBuilder(Math.min(text.length(), 300));
        for (int i = 0; i < text.length() && sb.length() < 300; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                sb.append(c);
            } else {
                sb.append(String.format("\\x%02X", (int) c));
            }
        }
        if (sb.length() >= 300) {
            sb.append("...(").append(text.length()).append(" chars)");
        }
        return sb.toString();
    }

    private void fire(AtEngineEvent.Type type, String detail) {
        AtEngineEvent event = new AtEngineEvent(type, detail);
        for (Consumer<AtEngineEvent> l : listeners) {
            eventThread.execute(() -> {
                try {
                    l.accept(event);
                } catch (RuntimeException e) {
                    LOG.warn("engine listener failed on {}", event, e);
                }
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        transportUp = false;
        transport.close();
        DataModeSession s = session;
        if (s != null) {
            s.end("engine closed");
        }
        Exchange ex = current;
        if (ex != null) {
            ex.events.add(new AtTransportException("engine closed"));
        }
        commandThread.shutdown();
        try {
            if (!commandThread.awaitTermination(2, TimeUnit.SECONDS)) {
                commandThread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        callbackPool.shutdown();
        eventThread.shutdown();
    }

    private static ThreadFactory daemon(String threadName) {
        return r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        };
    }

    /** One command in flight: its lines, and the events the reader thread hands to the command thread. */
    private static final class Exchange {
        final AtCommand command;
        final boolean dial;
        final CompletableFuture<AtResponse> future = new CompletableFuture<>();
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final List<AtLine> lines = new CopyOnWriteArrayList<>();
        volatile boolean abortRequested;
        volatile DataModeSession session;

        Exchange(AtCommand command, boolean dial) {
            this.command = command;
            this.dial = dial;
        }
    }
}
