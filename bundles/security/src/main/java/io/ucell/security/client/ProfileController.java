package io.ucell.security.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.security.CredentialException;
import io.ucell.security.CredentialType;
import io.ucell.security.SecurityProfile;
import io.ucell.security.credentials.CredentialManager;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.security.profile.ProfileWriter;
import io.ucell.security.profile.SecurityRules;
import io.ucell.security.session.SessionResumption;
import io.ucell.security.session.SessionStore;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one security profile in the module. {@link #configure} refuses settings with problems (the previous
 * ones stay in force); accepted settings are applied once the module is up: capability checks, certificate
 * and key imports (skipped when the module has them), +USECPRF, then session resumption with the stored
 * session. After the module comes back from a reboot (or PSM, or lost coverage) all of it is written again.
 */
public final class ProfileController implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileController.class);

    private final ModemService modem;
    private final CredentialManager credentials;
    private final SessionStore sessions;
    private final Clock clock;
    private final String pid;
    private final ExecutorService worker;
    private final ModemListener listener = this::statusChanged;

    private volatile ProfileSettings settings;
    private volatile SessionResumption resumption;
    private volatile boolean applied;
    private final java.util.concurrent.atomic.AtomicInteger applications = new java.util.concurrent.atomic.AtomicInteger();
    /** The module came back and the profile is to be written again. */
    private volatile boolean reapplyPending;
    private volatile String error;

    public ProfileController(String pid, ModemService modem, SessionStore sessions, Clock clock) {
        this.pid = pid;
        this.modem = modem;
        this.credentials = new CredentialManager(modem, clock);
        this.sessions = sessions;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "ucell-security-" + pid);
            t.setDaemon(true);
            return t;
        });
        modem.addListener(listener);
    }

    /**
     * Takes new settings: refused (and returned) problems leave the previous settings in force; accepted ones
     * are applied now when the module is up, else when it comes up.
     */
    public synchronized List<String> configure(ProfileSettings s) {
        List<String> problems = s.problems(clock.instant());
        if (!problems.isEmpty()) {
            error = String.join("; ", problems);
            LOG.error("security profile {} refused, the previous configuration stays: {}", pid, error);
            return problems;
        }
        ProfileSettings previous = settings;
        settings = s;
        applied = false;
        error = null;
        if (previous == null || previous.profile() != s.profile()) {
            if (resumption != null) {
                resumption.close();
            }
            resumption = new SessionResumption(s.profile(), sessions);
        }
        if (ready(modem.status())) {
            try {
                apply();
            } catch (RuntimeException e) {
                // error already recorded; retried when the module comes back
            }
        }
        return List.of();
    }

    private static boolean ready(ModemStatus s) {
        return s != null && (s.state() == ModemState.REGISTERED || s.state() == ModemState.DATA_ACTIVE);
    }

    private void statusChanged(ModemStatus previous, ModemStatus current) {
        if (ready(current) && (previous == null || !ready(previous))) {
            // the module (re)started or came back: write the profile again (whether the module keeps +USECPRF
            // in NVM is not said; imports are skipped by MD5) and, above all, the volatile session part
            reapplyPending = true;
            worker.execute(this::reapplyIfPending);
        }
    }

    /** Runs a re-application the module's return asked for, unless someone ran it already. */
    private synchronized void reapplyIfPending() {
        if (!reapplyPending || settings == null) {
            return;
        }
        reapplyPending = false;
        try {
            apply();
        } catch (RuntimeException e) {
            LOG.debug("security profile {} not re-applied: {}", pid, e.toString());
        }
    }

    /**
     * Before a connection: a re-application still pending after the module came back runs now (so it cannot
     * reset the profile under the connection), else the session data is written again (PSM clears it without
     * the modem service noticing).
     */
    public synchronized void prepareForConnection() {
        if (reapplyPending) {
            reapplyIfPending();
        } else if (settings != null && settings.sessionResumption()) {
            restoreSession();
        }
    }

    /**
     * Applies the current settings to the module now.
     *
     * @throws IllegalStateException with the reason when they cannot be (also kept as {@link #error()})
     */
    public synchronized void apply() {
        ProfileSettings s = settings;
        if (s == null) {
            throw new IllegalStateException("not configured");
        }
        ModuleCapabilities caps = modem.capabilities();
        AtEngine at = modem.at();
        if (caps == null || at == null) {
            throw fail("the module is not ready");
        }
        List<String> problems = s.problemsFor(SecurityRules.of(caps));
        if (!problems.isEmpty()) {
            throw fail(String.join("; ", problems));
        }
        try {
            importItem(CredentialType.CA_CERTIFICATE, s.caName(), s.caCertificate(), null);
            importItem(CredentialType.CLIENT_CERTIFICATE, s.clientCertName(), s.clientCertificate(), null);
            importItem(CredentialType.PRIVATE_KEY, s.clientKeyName(), s.clientKey(), s.clientKeyPassword());
            importItem(CredentialType.SERVER_CERTIFICATE, s.pinnedName(), s.pinnedCertificate(), null);
            for (AtCommand c : ProfileWriter.commands(s)) {
                at.executeOk(c);
            }
            resumption.restore(at, s);
        } catch (CredentialException e) {
            throw fail(e.getMessage());
        } catch (AtException e) {
            throw fail("the module refused the profile: " + e.getMessage());
        }
        applied = true;
        error = null;
        applications.incrementAndGet();
        LOG.info("security profile {} applied as module profile {}", pid, s.profile());
    }

    private void importItem(CredentialType t, String name, String material, String password)
            throws CredentialException {
        byte[] data = ProfileSettings.load(material);
        if (data != null) {
            credentials.importCredential(t, name, data, password);
        }
    }

    private IllegalStateException fail(String why) {
        applied = false;
        error = why;
        LOG.error("security profile {} not applied: {}", pid, why);
        return new IllegalStateException(why);
    }

    /** Writes op 13 and the stored session data again (a reboot or PSM cleared them). */
    public synchronized boolean restoreSession() {
        ProfileSettings s = settings;
        AtEngine at = modem.at();
        if (s == null || !applied || at == null) {
            return false;
        }
        return resumption.restore(at, s);
    }

    public ProfileSettings settings() {
        return settings;
    }

    public boolean applied() {
        return applied;
    }

    /** How many times the profile was written to the module (once per configuration and module start). */
    public int applications() {
        return applications.get();
    }

    public String error() {
        return error;
    }

    public SessionResumption resumption() {
        return resumption;
    }

    public CredentialManager credentials() {
        return credentials;
    }

    /** What other bundles see. */
    public SecurityProfile describe() {
        ProfileSettings s = settings;
        if (s == null) {
            return new SecurityProfile(-1, pid, List.of(), 0, false, false, error);
        }
        return new SecurityProfile(s.profile(), pid, s.servers(), s.validationLevel(), s.sessionResumption(), applied,
                error);
    }

    @Override
    public void close() {
        modem.removeListener(listener);
        worker.shutdownNow();
        if (resumption != null) {
            resumption.close();
        }
    }
}
