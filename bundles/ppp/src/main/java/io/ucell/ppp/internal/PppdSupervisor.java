package io.ucell.ppp.internal;

import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.pppd.PppdOptions;
import io.ucell.ppp.pppd.PppdSession;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pppd consumer: once the module is registered, dials and runs pppd on the link; after the link or pppd
 * ended (or a dial failed) waits the redial delay and starts again, until stopped.
 */
final class PppdSupervisor {
    private static final Logger LOG = LoggerFactory.getLogger(PppdSupervisor.class);

    private final ModemService modem;
    private final DialUpClient client;
    private final PppdOptions options;
    private final Duration redialDelay;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private volatile PppdSession session;

    PppdSupervisor(ModemService modem, DialUpClient client, PppdOptions options, Duration redialDelay) {
        this.modem = modem;
        this.client = client;
        this.options = options;
        this.redialDelay = redialDelay;
        this.thread = new Thread(this::run, "ucell-ppp-pppd");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private boolean isStopped() {
        return stopped.getCount() == 0;
    }

    /** Waits; false when stopped meanwhile. */
    private boolean pause(Duration d) {
        try {
            return !stopped.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void run() {
        while (!isStopped()) {
            ModemState st = modem.status().state();
            if (st != ModemState.DATA_ACTIVE && st != ModemState.REGISTERED) {
                if (!pause(Duration.ofSeconds(1))) {
                    return;
                }
                continue;
            }
            try {
                PppLink link = client.dial();
                PppdSession s = PppdSession.start(link, options);
                session = s;
                if (isStopped()) {
                    s.close();
                    return;
                }
                while (s.isAlive() && link.isOpen() && pause(Duration.ofMillis(500))) {
                    // the call lasts
                }
                if (isStopped()) {
                    return; // stop() ends pppd and the link
                }
                s.close();
                session = null;
                LOG.info("PPP link on cid {} over; dialling again in {} s", link.cid(), redialDelay.toSeconds());
            } catch (PppException e) {
                LOG.warn("PPP dial-up with pppd failed, again in {} s: {}", redialDelay.toSeconds(), e.getMessage());
                client.link().ifPresent(PppLink::close);
            }
            if (!pause(redialDelay)) {
                return;
            }
        }
    }

    /** SIGTERM to pppd, hang-up, and no more dials. */
    void stop() {
        stopped.countDown();
        try {
            thread.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        PppdSession s = session;
        if (s != null) {
            s.close();
        }
        client.link().ifPresent(PppLink::close);
    }
}
