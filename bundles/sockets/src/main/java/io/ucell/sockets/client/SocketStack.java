package io.ucell.sockets.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.AtTimeoutException;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.sockets.ModuleSocketException;
import io.ucell.sockets.ModuleSockets;
import io.ucell.sockets.SocketOptions;
import io.ucell.sockets.TcpServer;
import io.ucell.sockets.TcpSocket;
import io.ucell.sockets.UdpSocket;
import io.ucell.sockets.at.SocketAt;
import io.ucell.sockets.net.ModuleSocketFactory;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import javax.net.SocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's sockets (section 5) for one modem service. Every socket command runs under one fair lock: it
 * keeps socket ids and the +UDCONF=1 hex switch consistent and gives one TLS handshake at a time (5.11: the
 * module takes no other socket command meanwhile). A pump thread reads on +UUSORD/+UUSORF, on request after
 * each operation, and every poll interval while someone waits, so a lost URC loses no data. URC handlers
 * only record what they saw.
 */
public final class SocketStack implements ModuleSockets, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SocketStack.class);
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    /** How long a +UUSOCL that should follow an ERROR (5.1) may take to be seen. */
    private static final long CLOSE_URC_WAIT_MS = 1000;
    private static final int MAX_IDS = 16;

    private final ModemService modem;
    private volatile StackSettings settings;
    private final ReentrantLock lock = new ReentrantLock(true);
    /** id -> socket; changed under {@link #ids}. */
    private final Map<Integer, Endpoint> table = new ConcurrentHashMap<>();
    private final Object ids = new Object();
    /** +UUSOCL URCs still to come for ids whose socket is already known gone (guarded by ids). */
    private final int[] staleCloses = new int[MAX_IDS];
    private final ConcurrentLinkedQueue<Endpoint> closesToResolve = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Integer> orphans = new ConcurrentLinkedQueue<>();
    private final Object pumpSignal = new Object();
    private boolean pumpDirty;
    private final Thread pump;
    private final ModemListener modemListener = this::modemChanged;
    private volatile boolean closed;
    private volatile boolean forgetHexMode;

    // guarded by lock
    private AtEngine engine;
    private UrcBus.Subscription subscription;
    private Boolean hexMode;

    public SocketStack(ModemService modem, StackSettings settings) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.modem = modem;
        this.settings = settings;
        modem.addListener(modemListener);
        pump = new Thread(this::pumpLoop, "ucell-sockets-pump");
        pump.setDaemon(true);
        pump.start();
    }

    public StackSettings settings() {
        return settings;
    }

    /** New settings for new operations; refused (the old ones stay) when invalid. */
    public void update(StackSettings s) {
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        settings = s;
    }

    @Override
    public SocketOptions defaults() {
        return settings.socketDefaults();
    }

    // ------------------------------------------------------------------ opening sockets

    @Override
    public TcpSocket connect(String host, int port, SocketOptions options) throws IOException {
        checkPort(port);
        ModuleCapabilities caps = capabilities();
        if (options.secure() && !caps.securitySupported()) {
            throw new ModuleSocketException("the " + caps.describe() + " has no TLS (section 5.11)", 0);
        }
        String ip = resolve(host);
        lock();
        try {
            AtEngine at = engine();
            int id = create(at, SocketAt.TCP, 0);
            TcpConnection c = new TcpConnection(this, id, host, ip, port);
            register(c);
            try {
                applyOptions(at, id, options);
                if (options.secure()) {
                    ok(at, SocketAt.secure(id, options.securityProfile()), "+USOSEC");
                }
            } catch (IOException e) {
                closeQuietly(at, c);
                throw e;
            }
            // a TLS peer is named as given, so the module can send SNI and check the certificate's name;
            // +USOCO takes a domain name as well as an address
            String remote = options.secure() ? host : ip;
            AtResponse r = exec(at, SocketAt.connect(id, remote, port, settings.connectTimeout()));
            if (!r.isOk()) {
                int errno = lastErrno(at);
                // 5.1: the module frees the socket and says so with +UUSOCL
                releaseAfterFailedConnect(at, c);
                throw new ConnectException("connect to " + host + ":" + port + " failed"
                        + (errno > 0 ? " (socket error " + errno + ")" : ""));
            }
            c.connected();
            return c;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public TcpServer listen(int port) throws IOException {
        checkPort(port);
        lock();
        try {
            AtEngine at = engine();
            int id = create(at, SocketAt.TCP, 0);
            TcpListener l = new TcpListener(this, id, port);
            register(l);
            AtResponse r = exec(at, SocketAt.listen(id, port));
            if (!r.isOk()) {
                int errno = lastErrno(at);
                closeQuietly(at, l);
                throw new ModuleSocketException("+USOLI on port " + port + " refused", errno);
            }
            return l;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public UdpSocket openUdp(int localPort) throws IOException {
        return openUdp(localPort, SocketOptions.defaults());
    }

    @Override
    public UdpSocket openUdp(int localPort, SocketOptions options) throws IOException {
        if (localPort != 0) {
            checkPort(localPort);
        }
        if (options.secure()) {
            ModuleCapabilities caps = capabilities();
            if (!caps.securitySupported()) {
                throw new ModuleSocketException("the " + caps.describe() + " has no DTLS (section 5.11)", 0);
            }
        }
        lock();
        try {
            AtEngine at = engine();
            int id = create(at, SocketAt.UDP, localPort);
            UdpEndpoint u = new UdpEndpoint(this, id, options.secure());
            register(u);
            if (options.secure()) {
                try {
                    // keepalive, linger and no-delay are TCP options: only the profile applies to UDP
                    ok(at, SocketAt.secure(id, options.securityProfile()), "+USOSEC");
                } catch (IOException e) {
                    closeQuietly(at, u);
                    throw e;
                }
            }
            return u;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public SocketFactory socketFactory() {
        return new ModuleSocketFactory(this, null);
    }

    @Override
    public SocketFactory socketFactory(SocketOptions options) {
        return new ModuleSocketFactory(this, options);
    }

    private static void checkPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
    }

    /** An IP address as is; a name through the module's DNS (+UDNSRN, section 5.1). */
    String resolve(String host) throws IOException {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("host missing");
        }
        if (IPV4.matcher(host).matches() || host.indexOf(':') >= 0) {
            return host;
        }
        try {
            List<String> found = modem.resolve(host);
            if (found.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return found.get(0);
        } catch (RuntimeException e) {
            throw new UnknownHostException(host + ": " + e.getMessage());
        }
    }

    private int create(AtEngine at, int protocol, int localPort) throws IOException {
        AtResponse r = exec(at, SocketAt.create(protocol, localPort));
        if (!r.isOk()) {
            int errno = lastErrno(at);
            throw new ModuleSocketException("+USOCR refused: no free socket (the module has 7) or no data connection",
                    errno);
        }
        return SocketAt.createdId(r);
    }

    private void applyOptions(AtEngine at, int id, SocketOptions o) throws IOException {
        if (o.keepAlive()) {
            ok(at, SocketAt.setOption(id, SocketAt.LEVEL_SOCKET, SocketAt.SO_KEEPALIVE, 1, null), "keepalive");
        }
        if (o.lingerMs() >= 0) {
            ok(at, SocketAt.setOption(id, SocketAt.LEVEL_SOCKET, SocketAt.SO_LINGER, 1, o.lingerMs()), "linger");
        }
        if (o.noDelay()) {
            ok(at, SocketAt.setOption(id, SocketAt.LEVEL_TCP, SocketAt.TCP_NODELAY, 1, null), "no-delay");
        }
    }

    /** After +USOCO ERROR: wait for the +UUSOCL of 5.1; if none comes, close the socket if it still exists. */
    private void releaseAfterFailedConnect(AtEngine at, Endpoint e) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_URC_WAIT_MS);
        synchronized (e) {
            e.closedByUser = true; // no orderly-end decision needed
            while (!e.moduleClosed && System.nanoTime() < deadline) {
                try {
                    e.wait(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (e.moduleClosed) {
                return;
            }
        }
        closeQuietly(at, e);
    }

    /** +USOCL for a socket the caller gives up on; the lock is held. */
    private void closeQuietly(AtEngine at, Endpoint e) {
        synchronized (e) {
            e.closedByUser = true;
        }
        try {
            exec(at, SocketAt.close(e.id));
        } catch (IOException ex) {
            LOG.debug("closing socket {}: {}", e.id, ex.getMessage());
        }
        unregister(e);
    }

    // ------------------------------------------------------------------ the socket table

    private void register(Endpoint e) {
        synchronized (ids) {
            Endpoint old = table.put(e.id, e);
            if (old != null && old != e) {
                // the module reused the id, so it freed the old socket; its +UUSOCL may still be on the way
                staleCloses[e.id]++;
                old.markModuleClosed();
                closesToResolve.add(old);
                signalPump();
            }
        }
    }

    void unregister(Endpoint e) {
        synchronized (ids) {
            table.remove(e.id, e);
        }
    }

    /** Closes a socket on the user's request (+USOCL). */
    void close(Endpoint e, Duration timeout) throws IOException {
        synchronized (e) {
            if (e.closedByUser) {
                return;
            }
            e.closedByUser = true;
            e.notifyAll();
        }
        lock();
        try {
            boolean ours;
            synchronized (ids) {
                ours = table.get(e.id) == e && !e.moduleClosed;
            }
            if (!ours) {
                return; // the module already freed it
            }
            AtEngine at;
            try {
                at = engine();
            } catch (IOException down) {
                unregister(e); // no data connection or a new link: the module's socket is gone with it
                return;
            }
            AtCommand cl = timeout == null ? SocketAt.close(e.id)
                    : AtCommand.set("+USOCL").param(e.id).timeout(timeout).build();
            AtResponse r = exec(at, cl);
            if (!r.isOk()) {
                LOG.debug("+USOCL={} answered {}", e.id, r.result());
            }
            unregister(e);
        } finally {
            lock.unlock();
        }
    }

    // ------------------------------------------------------------------ AT plumbing

    void lock() throws IOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the module");
        }
    }

    void unlock() {
        lock.unlock();
    }

    /** The engine, subscribed; with the lock held. A new engine means the old sockets are gone. */
    AtEngine engine() throws IOException {
        if (closed) {
            throw new IOException("the socket client is closed");
        }
        AtEngine at = modem.at();
        ModemStatus status = modem.status();
        if (at == null || status.state() != ModemState.DATA_ACTIVE) {
            throw new ModuleSocketException("the module has no data connection (modem " + status.state() + ")", 0);
        }
        if (at != engine) {
            if (subscription != null) {
                subscription.close();
                failAll(new ModuleSocketException("the AT link to the module was replaced", 0));
            }
            engine = at;
            hexMode = null;
            subscription = at.subscribe("", this::onUrc);
        }
        if (forgetHexMode) {
            forgetHexMode = false;
            hexMode = null;
        }
        return at;
    }

    ModuleCapabilities capabilities() throws IOException {
        ModuleCapabilities caps = modem.capabilities();
        if (caps == null) {
            throw new ModuleSocketException("the module is not detected yet", 0);
        }
        return caps;
    }

    /** Runs a command; link failures become IOExceptions, ERROR is returned for the caller to judge. */
    AtResponse exec(AtEngine at, AtCommand c) throws IOException {
        try {
            return at.execute(c);
        } catch (AtTimeoutException e) {
            throw new ModuleSocketException("the module did not answer " + c.name() + " in time", e);
        } catch (AtException e) {
            throw new ModuleSocketException("AT link failure on " + c.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a data command for socket {@code e}, but stops waiting as soon as the socket fails elsewhere (the
     * reader saw a reboot, the modem lost its connection): a command the module will never answer must not
     * hold the caller for the command's full timeout.
     */
    AtResponse exec(AtEngine at, AtCommand c, Endpoint e) throws IOException {
        CompletableFuture<AtResponse> f = at.submit(c);
        while (true) {
            try {
                return f.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException t) {
                IOException failure;
                synchronized (e) {
                    failure = e.failure;
                }
                if (failure != null) {
                    f.cancel(false);
                    throw failure;
                }
            } catch (ExecutionException x) {
                Throwable cause = x.getCause();
                if (cause instanceof AtTimeoutException) {
                    throw new ModuleSocketException("the module did not answer " + c.name() + " in time", cause);
                }
                throw new ModuleSocketException("AT link failure on " + c.name() + ": " + cause.getMessage(), cause);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                f.cancel(false);
                throw new InterruptedIOException("interrupted while waiting for the module");
            }
        }
    }

    private void ok(AtEngine at, AtCommand c, String what) throws IOException {
        AtResponse r = exec(at, c);
        if (!r.isOk()) {
            throw new ModuleSocketException(what + " refused by the module (" + c.name() + ")", lastErrno(at));
        }
    }

    /** +USOER: the last socket error, 0 if unknown. */
    int lastErrno(AtEngine at) {
        try {
            AtResponse r = at.execute(SocketAt.lastError());
            return r.isOk() ? r.require("+USOER").intParam(0) : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Whether hex mode (+UDCONF=1) is on; asks the module once. With the lock held. */
    boolean hexMode(AtEngine at) throws IOException {
        if (hexMode == null) {
            AtResponse r = exec(at, SocketAt.readHexMode());
            if (r.isOk()) {
                AtLine l = r.require("+UDCONF");
                hexMode = l.paramCount() > 1 && l.intParam(1) == 1;
            } else {
                hexMode = false;
            }
        }
        return hexMode;
    }

    /** Sets hex mode; with the lock held. */
    void hexMode(AtEngine at, boolean on) throws IOException {
        if (hexMode(at) != on) {
            AtResponse r = exec(at, SocketAt.setHexMode(on));
            if (!r.isOk()) {
                hexMode = null;
                throw new ModuleSocketException("+UDCONF=1," + (on ? 1 : 0) + " refused", 0);
            }
            hexMode = on;
        }
    }

    WritePlanner planner(int extraCommandBytes) {
        StackSettings s = settings;
        ModuleCapabilities caps = modem.capabilities();
        long gap = caps == null ? TimeUnit.MILLISECONDS.toNanos(20) : caps.minCommandGap().toNanos();
        // the module loses data sent sooner than 50 ms after '@' (5.3.1): the engine waits exactly that
        long prompt = TimeUnit.MILLISECONDS.toNanos(50);
        return new WritePlanner(s.baud(), gap, prompt, s.writeMode(), extraCommandBytes);
    }

    /**
     * After an ERROR on socket {@code e}: if the socket no longer exists, either its +UUSOCL is on the way (then
     * it is an orderly close) or the module lost it (reboot): the socket fails. Returns true when it exists.
     */
    boolean stillExists(AtEngine at, Endpoint e) throws IOException {
        AtResponse r = exec(at, SocketAt.control(e.id, SocketAt.CTL_TYPE));
        if (r.isOk()) {
            return true;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_URC_WAIT_MS);
        boolean announced;
        synchronized (e) {
            while (!e.moduleClosed && System.nanoTime() < deadline) {
                try {
                    e.wait(50);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            announced = e.moduleClosed;
        }
        if (!announced) {
            // gone without +UUSOCL: the module restarted behind our back, and with it +UDCONF=1 went back to 0
            hexMode = null;
            int errno = lastErrno(at);
            e.fail(new ModuleSocketException("socket " + e.id + " no longer exists on the module (rebooted?)", errno));
            unregister(e);
        }
        return false;
    }

    /** Asks the module for +UDCONF=1 again before the next data command (after an ERROR or an odd answer). */
    void forgetHexMode() {
        hexMode = null;
    }

    // ------------------------------------------------------------------ URCs

    private void onUrc(Urc urc) {
        AtLine l = urc.line();
        String p = l.prefix();
        if (p == null || !p.startsWith("+UUSO")) {
            return;
        }
        try {
            switch (p) {
                case "+UUSORD":
                case "+UUSORF": {
                    // SARA-R5 announces UDP data with +UUSORD, SARA-R42 with +UUSORF (5.7): both mean data
                    Endpoint e = table.get(l.intParam(0));
                    if (e != null) {
                        e.announce(l.intParam(1));
                        signalPump();
                    }
                    break;
                }
                case "+UUSOCL": {
                    int id = l.intParam(0);
                    Endpoint e;
                    synchronized (ids) {
                        if (id >= 0 && id < MAX_IDS && staleCloses[id] > 0) {
                            staleCloses[id]--;
                            return;
                        }
                        e = table.remove(id);
                    }
                    if (e != null) {
                        e.markModuleClosed();
                        closesToResolve.add(e);
                        signalPump();
                    }
                    break;
                }
                case "+UUSOLI": {
                    // +UUSOLI: new id,"remote ip",remote port,listening id,"module ip",listening port (5.2)
                    int id = l.intParam(0);
                    Endpoint listener = table.get(l.intParam(3));
                    TcpConnection c = new TcpConnection(this, id, l.param(1), l.param(1), l.intParam(2));
                    c.connected();
                    register(c);
                    if (listener instanceof TcpListener tl && tl.offer(c)) {
                        break;
                    }
                    // nobody listens any more: close it
                    unregister(c);
                    orphans.add(id);
                    signalPump();
                    break;
                }
                default:
                    break;
            }
        } catch (RuntimeException e) {
            LOG.warn("socket URC not understood: {}", l.text(), e);
        }
    }

    void signalPump() {
        synchronized (pumpSignal) {
            pumpDirty = true;
            pumpSignal.notifyAll();
        }
    }

    // ------------------------------------------------------------------ the pump

    private void pumpLoop() {
        int cursor = 0;
        while (!closed) {
            try {
                Endpoint resolve = closesToResolve.poll();
                if (resolve != null) {
                    resolve.resolveModuleClose();
                    continue;
                }
                Integer orphan = orphans.poll();
                if (orphan != null) {
                    closeOrphan(orphan);
                    continue;
                }
                long now = System.nanoTime();
                long poll = settings.pollInterval().toNanos();
                List<Endpoint> all = new ArrayList<>(table.values());
                Endpoint work = null;
                for (int i = 0; i < all.size() && work == null; i++) {
                    Endpoint e = all.get((cursor + i) % all.size());
                    if (e.wantsFetch(now, poll)) {
                        work = e;
                        cursor = (cursor + i + 1) % Math.max(1, all.size());
                    }
                }
                if (work == null) {
                    synchronized (pumpSignal) {
                        if (!pumpDirty) {
                            pumpSignal.wait(50);
                        }
                        pumpDirty = false;
                    }
                    continue;
                }
                fetch(work);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.warn("socket pump: {}", e.toString(), e);
            }
        }
    }

    private void fetch(Endpoint e) {
        try {
            lock();
            try {
                if (!e.usable() || table.get(e.id) != e) {
                    return;
                }
                e.fetch();
            } finally {
                lock.unlock();
            }
        } catch (IOException ex) {
            e.fail(ex);
            if (!(ex instanceof InterruptedIOException)) {
                LOG.debug("socket {}: {}", e.id, ex.getMessage());
            }
        }
    }

    private void closeOrphan(int id) {
        try {
            lock();
            try {
                synchronized (ids) {
                    if (table.containsKey(id)) {
                        return; // reused meanwhile
                    }
                }
                exec(engine(), SocketAt.close(id));
            } finally {
                lock.unlock();
            }
        } catch (IOException ex) {
            LOG.debug("closing unclaimed socket {}: {}", id, ex.getMessage());
        }
    }

    /**
     * Whether the module still has its network: +CEREG? registered (1 or 5) and the modem service in
     * DATA_ACTIVE. A +UUSOCL without it is a lost connection, not the peer's orderly close.
     */
    boolean networkUp() {
        if (modem.status().state() != ModemState.DATA_ACTIVE) {
            return false;
        }
        try {
            lock();
            try {
                AtEngine at = engine();
                AtResponse r = exec(at, AtCommand.read("+CEREG").build());
                if (!r.isOk()) {
                    return false;
                }
                int stat = r.require("+CEREG").intParam(1);
                return (stat == 1 || stat == 5) && modem.status().state() == ModemState.DATA_ACTIVE;
            } finally {
                lock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ modem events

    private void modemChanged(ModemStatus previous, ModemStatus current) {
        if (current.state() != ModemState.DATA_ACTIVE) {
            forgetHexMode = true; // a reboot resets +UDCONF=1
            if (!table.isEmpty()) {
                failAll(new ModuleSocketException("the module lost its data connection (modem " + current.state()
                        + (current.failureReason() == null || current.failureReason().isEmpty() ? "" : ": " + current.failureReason()) + ")", 0));
            }
        }
    }

    private void failAll(IOException why) {
        List<Endpoint> all;
        synchronized (ids) {
            all = new ArrayList<>(table.values());
            table.clear();
            Arrays.fill(staleCloses, 0);
        }
        for (Endpoint e : all) {
            e.fail(why);
        }
    }

    @Override
    public void close() {
        modem.removeListener(modemListener);
        List<Endpoint> all = new ArrayList<>(table.values());
        for (Endpoint e : all) {
            try {
                close(e, Duration.ofSeconds(5));
            } catch (IOException ex) {
                // closing anyway
            }
        }
        closed = true;
        pump.interrupt();
        failAll(new IOException("the socket client is closed"));
        try {
            lock.lock();
            if (subscription != null) {
                subscription.close();
            }
        } finally {
            lock.unlock();
        }
    }

    private final AtomicLong queueFullRetries = new AtomicLong();

    /** Writes refused because the module's queue was full and retried after a pause (5.3.3). */
    public long queueFullRetries() {
        return queueFullRetries.get();
    }

    private final AtomicInteger writers = new AtomicInteger();

    /** Writes in progress: while one runs, reads keep the hex mode it chose instead of flipping it back and forth. */
    int writersActive() {
        return writers.get();
    }

    void writerStarted() {
        writers.incrementAndGet();
    }

    void writerDone() {
        writers.decrementAndGet();
    }

    void countQueueFull() {
        queueFullRetries.incrementAndGet();
    }

    /** Sockets open now (for status pages and tests). */
    public int openSockets() {
        return table.size();
    }

    static InetAddress literal(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (IOException e) {
            return null;
        }
    }
}
