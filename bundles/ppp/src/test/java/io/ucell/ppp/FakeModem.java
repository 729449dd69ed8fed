package io.ucell.ppp;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtEngineOptions;
import io.ucell.at.AtResponse;
import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.PingResult;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A modem service over a {@link ScriptedModule}: capabilities of one family, the engine, states on demand. */
final class FakeModem implements ModemService, AutoCloseable {
    final ScriptedModule module = new ScriptedModule();
    final AtEngine engine;
    final ModuleCapabilities caps;
    final AtomicInteger restarts = new AtomicInteger();
    private final List<ModemListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ModemStatus status = ModemStatus.off().withState(ModemState.DATA_ACTIVE, "");

    FakeModem(ModuleFamily family, ProductVersion version) {
        caps = ModuleCapabilities.of(family, version);
        engine = new AtEngine(module, AtEngineOptions.defaults().withGuardTime(Duration.ofMillis(100))
                .withMinCommandGap(Duration.ofMillis(1))).start();
    }

    void state(ModemState s) {
        ModemStatus prev = status;
        status = prev.withState(s, "");
        for (ModemListener l : listeners) {
            l.statusChanged(prev, status);
        }
    }

    @Override
    public ModemStatus status() {
        return status;
    }

    @Override
    public ModemStatus refreshStatus() {
        return status;
    }

    @Override
    public ModemIdentity identity() {
        return null;
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
        return engine.execute(command);
    }

    @Override
    public PingResult ping(String host, int count, Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<String> resolve(String name) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String reverseResolve(String ip) {
        throw new UnsupportedOperationException();
    }

    /** Like the modem service after a reboot: re-initialises, then the module is up again. */
    @Override
    public void restart() {
        restarts.incrementAndGet();
        new Thread(() -> {
            state(ModemState.INITIALIZING);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                return;
            }
            state(ModemState.DATA_ACTIVE);
        }).start();
    }

    @Override
    public void addListener(ModemListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ModemListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        engine.close();
    }
}
