package io.ucell.security.session;

import io.ucell.at.AtEngine;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.security.at.SecurityAt.SessionUrc;
import io.ucell.security.profile.ProfileWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Session resumption of one profile (section 3.4): every secure connection ends in +UUSECPRF: p,13,1,type and
 * +UUSECPRF: p,13,2,id,secret (or 13,12 for data the module encrypted). Data equal to what we gave the
 * module means the server resumed the session; different data means it refused and made a new one, which is
 * stored and given to the module from then on. {@link #restore} puts the stored data back after a reboot.
 */
public final class SessionResumption implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionResumption.class);

    private final int profile;
    private final SessionStore store;
    private final AtomicInteger resumed = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile int reportedType = -1;
    /** A type URC came and no data URC since: the next data belongs to it. */
    private volatile boolean typeFresh;
    /** A data URC came without a type URC before it: the next type URC is its. */
    private volatile boolean dataBeforeType;
    private AtEngine subscribedTo;
    private UrcBus.Subscription subscription;

    public SessionResumption(int profile, SessionStore store) {
        this.profile = profile;
        this.store = store;
    }

    /** Listens for this profile's URCs on {@code at} (again when the engine changed). */
    public synchronized void listen(AtEngine at) {
        if (at == null || at == subscribedTo) {
            return;
        }
        if (subscription != null) {
            subscription.close();
        }
        subscribedTo = at;
        subscription = at.subscribe("+UUSECPRF", this::onUrc);
    }

    void onUrc(Urc urc) {
        SessionUrc u = SessionUrc.parse(urc.line());
        if (u == null || u.profile() != profile) {
            return;
        }
        if (u.sub() == SessionUrc.TYPE) {
            if (u.values().isEmpty()) {
                return;
            }
            int type = Integer.parseInt(u.values().get(0));
            reportedType = type;
            if (dataBeforeType) {
                // the spec's examples (3.4.1) show the type first but promise no order: data that came first was
                // stored with the previous type, which this URC corrects
                dataBeforeType = false;
                SessionStore.Session stored = store.load(profile);
                if (stored != null && stored.type() != type) {
                    store.save(profile, new SessionStore.Session(type, stored.sub(), stored.values()));
                }
            } else {
                typeFresh = true;
            }
            return;
        }
        if (u.sub() != SessionUrc.DATA && u.sub() != SessionUrc.ENCRYPTED_DATA) {
            return;
        }
        dataBeforeType = !typeFresh;
        typeFresh = false;
        SessionStore.Session before = store.load(profile);
        int type = reportedType >= 0 ? reportedType : before == null ? 0 : before.type();
        SessionStore.Session now = new SessionStore.Session(type, u.sub(), u.values());
        if (now.equals(before)) {
            resumed.incrementAndGet();
            LOG.debug("profile {}: session resumed", profile);
            return;
        }
        if (before != null) {
            refused.incrementAndGet();
            LOG.info("profile {}: the server did not resume the session; the new one is stored", profile);
        } else {
            LOG.info("profile {}: session data stored for resumption", profile);
        }
        store.save(profile, now);
    }

    /**
     * Writes op 13 (enable, type) and, when a session is stored and its type is the configured one, its data.
     *
     * @return whether stored data was given to the module
     */
    public boolean restore(AtEngine at, io.ucell.security.profile.ProfileSettings settings) {
        listen(at);
        for (io.ucell.at.AtCommand c : ProfileWriter.sessionCommands(settings)) {
            at.executeOk(c);
        }
        if (!settings.sessionResumption()) {
            return false;
        }
        SessionStore.Session s = store.load(profile);
        if (s == null || s.type() != settings.sessionType()) {
            return false;
        }
        List<String> values = s.values();
        at.executeOk(ProfileWriter.sessionData(profile, s.sub(), values));
        return true;
    }

    /** Handshakes the server resumed, as told by the URCs. */
    public int resumed() {
        return resumed.get();
    }

    /** Handshakes where the server refused the offered session (new data came). */
    public int refused() {
        return refused.get();
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
        subscribedTo = null;
    }
}
