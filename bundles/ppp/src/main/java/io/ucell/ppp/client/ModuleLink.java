package io.ucell.ppp.client;

import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.DataModeSession;
import io.ucell.at.FinalResult;
import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import io.ucell.ppp.LinkEnd;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import io.ucell.ppp.at.PppAt;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A PPP call on the module's AT port: the engine's data phase after CONNECT, watched until it ends. */
final class ModuleLink implements PppLink {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleLink.class);

    private final AtEngine at;
    private final DataModeSession session;
    private final int cid;
    private final PppMode mode;
    private final String hostAddress;
    private final String moduleAddress;
    private final CompletableFuture<LinkEnd> end = new CompletableFuture<>();
    private final Object hangUpLock = new Object();
    private volatile boolean hangingUp;

    ModuleLink(AtEngine at, DataModeSession session, int cid, PppMode mode, String hostAddress, String moduleAddress) {
        this.at = at;
        this.session = session;
        this.cid = cid;
        this.mode = mode;
        this.hostAddress = hostAddress;
        this.moduleAddress = moduleAddress;
    }

    /** Starts watching for the end; {@code onEnd} runs once with the reason. */
    void watch(BiConsumer<ModuleLink, LinkEnd> onEnd) {
        end.whenComplete((reason, e) -> onEnd.accept(this, reason));
        Thread t = new Thread(this::awaitSessionEnd, "ucell-ppp-link-cid" + cid);
        t.setDaemon(true);
        t.start();
    }

    private void awaitSessionEnd() {
        try {
            while (!session.awaitEnd(Duration.ofSeconds(1))) {
                // keep waiting: the call lasts as long as it lasts
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (hangingUp) {
            return; // hangUp() completes the end once ATH was answered
        }
        String reason = session.endReason();
        LinkEnd why = "NO CARRIER".equals(reason) ? LinkEnd.NO_CARRIER
                : "OK".equals(reason) ? LinkEnd.HUNG_UP : LinkEnd.TRANSPORT_DOWN;
        LOG.info("PPP link on cid {} ended: {} ({})", cid, why, reason);
        end.complete(why);
    }

    @Override
    public InputStream input() {
        return session.input();
    }

    @Override
    public OutputStream output() {
        return session.output();
    }

    @Override
    public int cid() {
        return cid;
    }

    @Override
    public PppMode mode() {
        return mode;
    }

    @Override
    public Optional<String> expectedHostAddress() {
        return Optional.ofNullable(hostAddress);
    }

    @Override
    public Optional<String> expectedModuleAddress() {
        return Optional.ofNullable(moduleAddress);
    }

    @Override
    public boolean isOpen() {
        return !end.isDone();
    }

    @Override
    public CompletionStage<LinkEnd> ended() {
        return end.minimalCompletionStage();
    }

    @Override
    public Optional<LinkEnd> awaitEnd(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(end.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            return Optional.of(LinkEnd.TRANSPORT_DOWN);
        }
    }

    @Override
    public void hangUp() throws PppException {
        synchronized (hangUpLock) {
            if (end.isDone()) {
                return;
            }
            hangingUp = true;
            try {
                escape();
                String reason = session.endReason();
                if ("OK".equals(reason)) {
                    // online command mode: the call is still up until ATH (SARA-R42 needs +CVHU=0 for that)
                    endCallFromCommandMode();
                } else if (reason != null && !"NO CARRIER".equals(reason)) {
                    end.complete(LinkEnd.TRANSPORT_DOWN);
                    return;
                }
                LOG.info("PPP link on cid {} hung up ({})", cid, reason);
                end.complete(LinkEnd.HUNG_UP);
            } finally {
                if (!end.isDone() && !session.isOpen()) {
                    // the data phase is over whatever ATH said: tell the waiters
                    end.complete(LinkEnd.HUNG_UP);
                }
            }
        }
    }

    private void escape() throws PppException {
        try {
            for (int attempt = 1; attempt <= 2 && session.isOpen(); attempt++) {
                try {
                    session.escape();
                } catch (AtException e) {
                    LOG.warn("PPP link on cid {}: +++ attempt {} unanswered: {}", cid, attempt, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PppException("interrupted while hanging up");
        }
        if (session.isOpen()) {
            throw new PppException("the module did not leave the PPP call after +++ (twice)");
        }
    }

    private void endCallFromCommandMode() throws PppException {
        AtResponse r;
        try {
            r = at.execute(PppAt.hangUp());
        } catch (AtException e) {
            throw new PppException("ATH after +++ failed: " + e.getMessage(), e);
        }
        FinalResult.Kind k = r.result().kind();
        if (k != FinalResult.Kind.OK && k != FinalResult.Kind.NO_CARRIER) {
            throw new PppException("the module stays in online command mode: ATH answered " + r.result());
        }
    }

    @Override
    public void close() {
        try {
            hangUp();
        } catch (PppException e) {
            LOG.warn("PPP link on cid {}: {}", cid, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "PPP link cid " + cid + " (" + mode + (hostAddress == null ? "" : ", host " + hostAddress)
                + (isOpen() ? ", up)" : ", ended)");
    }
}
