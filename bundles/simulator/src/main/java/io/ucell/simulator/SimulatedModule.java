package io.ucell.simulator;

import io.ucell.simulator.commands.AtInterpreter;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.FrameSink;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Session;
import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.model.Capabilities;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.Dns;
import io.ucell.simulator.network.HostPing;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.RadioEnvironment;
import io.ucell.simulator.nvm.Nvm;
import io.ucell.simulator.model.SecurityCapabilities;
import io.ucell.simulator.security.CredentialStore;
import io.ucell.simulator.security.SecurityProfiles;
import io.ucell.simulator.security.TlsSessionVault;
import io.ucell.simulator.sockets.SocketStack;
import io.ucell.simulator.uart.LineFaults;
import io.ucell.simulator.uart.PacedInput;
import io.ucell.simulator.uart.PacedOutput;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated u-blox cellular module. It powers on when constructed (quiet for the boot time, like the real
 * one), then serves AT commands on whatever byte streams are attached: a TCP connection
 * ({@link SimulatorTcpServer}), a serial device ({@link Main} --serial), or any pair of streams in a test.
 * Bytes are paced at the configured baud rate in both directions. Faults can be injected through the
 * methods in the "fault injection" section.
 */
public final class SimulatedModule implements ModuleContext, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimulatedModule.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private record Frame(byte[] bytes, Runnable afterSent, int generation) {
    }

    private final SimulatorConfig config;
    private final ModuleModel model;
    private final Capabilities caps;
    private final CommandRegistry registry;
    private final RadioEnvironment env = new RadioEnvironment();
    private final Nvm nvm;
    private final ModuleFileSystem files;
    private final LineFaults faults;
    private final Dns dns;
    private final HostPing hostPing;
    private final Object stateLock = new Object();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService background;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final Thread writer;
    private final AtInterpreter interpreter;
    private final String name;

    private volatile Network network;
    private volatile SocketStack sockets;
    private volatile SecurityProfiles securityProfiles;
    /** +USECMNG items live in NVM; the session vault outlives reboots like a server's session cache. */
    private final CredentialStore credentials;
    private final TlsSessionVault sessionVault = new TlsSessionVault();
    private final InetAddress listenAddress;
    private volatile Session session = new Session();
    private volatile int generation;
    private volatile boolean booting;
    private volatile boolean unresponsive;
    private volatile boolean closed;
    private volatile long responseDelayNanos;
    private volatile long lastSentNanos;
    private volatile CountDownLatch ready = new CountDownLatch(1);
    private volatile Attachment current;

    public SimulatedModule(SimulatorConfig config) {
        this(config, new HostPing());
    }

    /** @param hostPing how echoes are sent (tests may pass one without the system ping binary) */
    public SimulatedModule(SimulatorConfig config, HostPing hostPing) {
        this.config = config;
        this.model = config.model();
        this.caps = model.capabilities();
        this.registry = CommandRegistry.standard();
        this.nvm = new Nvm(config.nvmFile());
        this.files = ModuleFileSystem.forModel(model);
        this.credentials = new CredentialStore(nvm);
        this.faults = new LineFaults(config.faultSeed());
        this.dns = new Dns(env);
        this.hostPing = hostPing;
        try {
            this.listenAddress = InetAddress.getByName(config.socketListenAddress());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad socket listen address " + config.socketListenAddress(), e);
        }
        this.name = "ucell-sim-" + INSTANCES.incrementAndGet() + "-" + model.cliName();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(daemon(name + "-timer"));
        this.background = Executors.newCachedThreadPool(daemon(name + "-bg"));
        this.interpreter = new AtInterpreter(registry, this, stateLock, new FrameSink() {
            @Override
            public void send(byte[] frame, Runnable afterSent) {
                enqueue(frame, afterSent);
            }

            @Override
            public long lastSentNanos() {
                return lastSentNanos;
            }
        }, () -> responseDelayNanos);
        this.writer = daemon(name + "-tx").newThread(this::writeLoop);
        writer.start();
        boot();
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    // ------------------------------------------------------------------ boot

    private void boot() {
        synchronized (stateLock) {
            generation++;
            int gen = generation;
            booting = true;
            if (ready.getCount() == 0) {
                ready = new CountDownLatch(1);
            }
            if (network != null) {
                network.dispose();
            }
            if (sockets != null) {
                sockets.dispose(); // a reboot drops every socket without a URC
            }
            // volatile state is rebuilt from NVM; the interface settings go back to their defaults
            session = new Session();
            network = new Network(caps, config, env, nvm, scheduler, this::emitUrc);
            SocketStack stack = new SocketStack(caps, background, scheduler, this::emitUrc, listenAddress);
            sockets = stack;
            securityProfiles = new SecurityProfiles(credentials, SecurityCapabilities.of(model), nvm, sessionVault,
                    this::emitUrc);
            // context deactivated, registration lost, radio off: every socket closes with +UUSOCL
            network.onRouteLost(stack::closeAllByNetwork);
            LOG.info("{} booting ({} ms)", name, config.bootTime().toMillis());
            scheduler.schedule(() -> bootComplete(gen), config.bootTime().toNanos(), TimeUnit.NANOSECONDS);
        }
        // outside the state lock: the receive thread holds the interpreter's lock while it waits for the
        // state lock to run a command, so taking them in the other order here deadlocked a reboot
        interpreter.reset();
    }

    private void bootComplete(int gen) {
        synchronized (stateLock) {
            if (gen != generation || closed) {
                return;
            }
            booting = false;
            if (config.greeting() != null) {
                emitUrc(config.greeting());
            }
            network.powerOn();
            ready.countDown();
            LOG.info("{} ready", name);
        }
    }

    /** Waits until the module has finished booting; false on timeout. */
    public boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    public boolean isBooting() {
        return booting;
    }

    // ------------------------------------------------------------------ transmit side

    private void enqueue(byte[] frame, Runnable afterSent) {
        frames.add(new Frame(frame, afterSent, generation));
    }

    private void writeLoop() {
        while (!closed) {
            Frame f;
            try {
                f = frames.take();
            } catch (InterruptedException e) {
                return;
            }
            if (f.generation() != generation) {
                continue; // queued before a reboot
            }
            Attachment a = current;
            long sentAt = 0;
            if (a != null && !quiet() && f.bytes().length > 0) {
                try {
                    a.out.write(f.bytes());
                    sentAt = a.out.lastByteAt();
                } catch (IOException e) {
                    LOG.debug("{} port write failed: {}", name, e.toString());
                    a.close();
                }
            }
            // when the last byte left the wire (UART model), so a late-scheduled thread does not shift it
            lastSentNanos = sentAt != 0 ? sentAt : System.nanoTime();
            if (f.afterSent() != null) {
                try {
                    f.afterSent().run();
                } catch (RuntimeException e) {
                    LOG.warn("{} post-send action failed", name, e);
                }
            }
        }
    }

    private boolean quiet() {
        return booting || unresponsive || closed;
    }

    // ------------------------------------------------------------------ attaching ports

    /** A pair of streams the module is serving; closing it detaches them (and closes them). */
    public final class Attachment implements Closeable {
        private final InputStream inStream;
        private final OutputStream outStream;
        private final PacedInput in;
        private final PacedOutput out;
        private final Thread reader;
        private volatile boolean open = true;

        private Attachment(InputStream in, OutputStream out) {
            this.inStream = in;
            this.outStream = out;
            this.in = new PacedInput(in, config.baud());
            this.out = new PacedOutput(out, config.baud(), faults);
            this.reader = new Thread(this::readLoop, name + "-rx");
            reader.setDaemon(true);
        }

        private void readLoop() {
            try {
                while (open && !closed) {
                    int n = in.read();
                    if (n < 0) {
                        break;
                    }
                    for (int i = 0; i < n; i++) {
                        if (current != this) {
                            return;
                        }
                        if (quiet()) {
                            continue; // a booting or hung module drops what it receives
                        }
                        interpreter.onByte(in.byteAt(i), in.arrivalAt(i));
                    }
                }
            } catch (IOException e) {
                if (open) {
                    LOG.debug("{} port read ended: {}", name, e.toString());
                }
            } finally {
                close();
            }
        }

        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            if (!open) {
                return;
            }
            open = false;
            synchronized (SimulatedModule.this) {
                if (current == this) {
                    current = null;
                }
            }
            try {
                inStream.close();
            } catch (IOException e) {
                // closing anyway
            }
            try {
                outStream.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /**
     * Serves the module on these streams, like plugging a cable in. A previous attachment is closed: the
     * module has one AT interface.
     */
    public Attachment attach(InputStream in, OutputStream out) {
        Attachment a = new Attachment(in, out);
        Attachment old;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("module closed");
            }
            old = current;
            current = a;
        }
        if (old != null) {
            old.close();
        }
        a.reader.start();
        return a;
    }

    /** Closes the current attachment, if any. */
    public void detach() {
        Attachment a = current;
        if (a != null) {
            a.close();
        }
    }

    // ------------------------------------------------------------------ fault injection

    /** Reboots now, as +CFUN=16 or a watchdog would: quiet for the boot time, volatile state lost. */
    @Override
    public void reboot() {
        boot();
    }

    /** Coverage lost: +CEREG: 2 (searching); on SARA-R42 the contexts go down with the attach. */
    public void loseRegistration() {
        env.setCoverage(false);
        network.coverageLost();
    }

    /** Coverage back: the module registers again after the registration delay. */
    public void regainRegistration() {
        env.setCoverage(true);
        network.coverageRegained();
    }

    /** Network-initiated deactivation of a context (+CGEV: NW PDN DEACT, +UUPSDD for a profile on it). */
    public void deactivateContext(int cid) {
        deactivateContext(cid, true);
    }

    /** Deactivation by the network ({@code byNetwork}) or by the module itself (+CGEV: ME PDN DEACT). */
    public void deactivateContext(int cid, boolean byNetwork) {
        network.deactivate(cid, byNetwork);
    }

    /** The next {@code n} bytes the module sends are lost. */
    public void dropNextBytes(int n) {
        faults.dropNext(n);
    }

    /** The next {@code n} bytes the module sends get one bit flipped. */
    public void corruptNextBytes(int n) {
        faults.corruptNext(n);
    }

    public void setDropProbability(double p) {
        faults.setDropProbability(p);
    }

    public void setCorruptProbability(double p) {
        faults.setCorruptProbability(p);
    }

    public void clearLineFaults() {
        faults.clear();
    }

    /** Extra time before every answer (on top of the processing delay). */
    public void setResponseDelay(Duration d) {
        responseDelayNanos = d.toNanos();
    }

    /** A hung module: it ignores input and sends nothing (no URCs either) until set back. */
    public void setUnresponsive(boolean hung) {
        unresponsive = hung;
    }

    public boolean isUnresponsive() {
        return unresponsive;
    }

    /** Signal levels reported by +CSQ / +CESQ. */
    public void setSignal(int rssiDbm, int rsrpDbm, int rsrqDb) {
        env.setSignal(rssiDbm, rsrpDbm, rsrqDb);
    }

    /** DNS answer for +UDNSRN and +UPING, both directions, without asking the host resolver. */
    public void setDnsOverride(String hostName, String ip) {
        env.setDnsOverride(hostName, ip);
    }

    /** Sends any URC line (framed with CR LF) unless the module is booting or hung; held during a data phase. */
    @Override
    public void emitUrc(String text) {
        if (quiet() || interpreter.holdUrc(text)) {
            return;
        }
        enqueue(("\r\n" + text + "\r\n").getBytes(StandardCharsets.ISO_8859_1), null);
    }

    /** Commands whose first byte came sooner than the module's minimum command gap after its last output. */
    public long commandGapViolations() {
        return interpreter.commandGapViolations();
    }

    /** Bytes garbled because they came sooner than 50 ms after an '@' prompt. */
    public long corruptedPromptBytes() {
        return interpreter.corruptedPromptBytes();
    }

    /** The command table; features add their commands here. */
    public CommandRegistry commands() {
        return registry;
    }

    /** The module's file system: survives reboots, kept by this object (not in the NVM file). */
    @Override
    public ModuleFileSystem files() {
        return files;
    }

    @Override
    public Nvm nvm() {
        return nvm;
    }

    // ------------------------------------------------------------------ ModuleContext

    @Override
    public SimulatorConfig config() {
        return config;
    }

    @Override
    public ModuleModel model() {
        return model;
    }

    @Override
    public Capabilities capabilities() {
        return caps;
    }

    @Override
    public Network network() {
        return network;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public Dns dns() {
        return dns;
    }

    @Override
    public HostPing hostPing() {
        return hostPing;
    }

    @Override
    public SocketStack sockets() {
        return sockets;
    }

    @Override
    public SecurityProfiles securityProfiles() {
        return securityProfiles;
    }

    /**
     * Fault injection: the remote end of TCP socket {@code id} closes the connection (buffered data stays
     * readable, then +UUSOCL). False when {@code id} is not a connected TCP socket.
     */
    public boolean remoteCloseSocket(int id) {
        return sockets.remoteClose(id);
    }

    @Override
    public ExecutorService background() {
        return background;
    }

    @Override
    public void close() {
        synchronized (this) {
            // under the lock attach() takes, so no attachment can slip in after the detach below
            if (closed) {
                return;
            }
            closed = true;
        }
        detach();
        synchronized (stateLock) {
            network.dispose();
            sockets.dispose();
        }
        registry.close();
        writer.interrupt();
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    @Override
    public String toString() {
        return name;
    }
}
