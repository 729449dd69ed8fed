package io.ucell.ppp.internal;

import io.ucell.modem.ModemService;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.config.KuraPasswords;
import io.ucell.ppp.DialUpService;
import io.ucell.ppp.PortFilter;
import io.ucell.ppp.PppAuthType;
import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import io.ucell.ppp.pppd.PppdOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PPP dial-up as a Kura-configurable DS component and a {@link DialUpService}; the work is in {@link DialUpClient}
 * and, with the pppd consumer, {@link PppdSupervisor}.
 */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = PppComponent.PID,
        service = {DialUpService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + PppComponent.PID)
@Designate(ocd = PppConfig.class)
public final class PppComponent implements DialUpService, ConfigurableComponent {
    public static final String PID = "io.ucell.ppp";
    private static final Logger LOG = LoggerFactory.getLogger(PppComponent.class);

    /** A checked configuration. */
    record Accepted(boolean enabled, PppSettings settings, boolean pppd, PppdOptions pppdOptions, Duration redialDelay) {
    }

    @Reference
    private ModemService modem;

    private volatile CryptoService crypto;
    private volatile DialUpClient client;
    private volatile Accepted accepted;
    private volatile String configError;
    private PppdSupervisor supervisor;

    /** Kura's CryptoService decrypts the password Kura stores encrypted; absent in the standalone runtime. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setCryptoService(CryptoService c) {
        this.crypto = c;
    }

    void unsetCryptoService(CryptoService c) {
        if (this.crypto == c) {
            this.crypto = null;
        }
    }

    @Activate
    void activate(PppConfig config, Map<String, Object> properties) {
        client = new DialUpClient(modem, PppSettings.defaults());
        apply(config, properties);
    }

    @Modified
    void modified(PppConfig config, Map<String, Object> properties) {
        apply(config, properties);
    }

    @Deactivate
    synchronized void deactivate() {
        stopSupervisor();
        client.close();
    }

    private synchronized void apply(PppConfig config, Map<String, Object> properties) {
        String password = KuraPasswords.reveal(properties.get("password"), crypto);
        List<String> errors = new ArrayList<>();
        Accepted a = check(config, password, modem.capabilities(), errors);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("PPP configuration refused{}: {}", accepted == null ? "" : ", the previous one stays", configError);
            return;
        }
        configError = null;
        if (a.equals(accepted)) {
            return; // the same configuration again (Kura re-applies it): keep the link
        }
        stopSupervisor();
        accepted = a;
        client.update(a.settings());
        LOG.info("PPP dial-up {}: {}{}", a.enabled() ? "enabled" : "disabled", a.settings(),
                a.pppd() ? ", pppd " + a.pppdOptions().executable() : ", consumer none (DialUpService)");
        if (a.enabled() && a.pppd()) {
            supervisor = new PppdSupervisor(modem, client, a.pppdOptions(), a.redialDelay());
            supervisor.start();
        }
    }

    private void stopSupervisor() {
        if (supervisor != null) {
            supervisor.stop();
            supervisor = null;
        }
    }

    /**
     * Everything wrong with a configuration (into {@code errors}), checked against the module's family when it
     * is known (at dial time otherwise); the accepted form when nothing is wrong.
     */
    static Accepted check(PppConfig c, String password, ModuleCapabilities caps, List<String> errors) {
        PppAuthType auth = PppAuthType.parse(c.auth_type()).orElse(null);
        if (auth == null) {
            errors.add("authentication must be none, pap, chap or auto, not '" + c.auth_type() + "'");
        }
        PortFilter filter = null;
        String pf = c.port_filter() == null ? "unchanged" : c.port_filter().trim();
        if (pf.equals("enabled") || pf.equals("disabled")) {
            try {
                filter = PortFilter.of(pf.equals("enabled"), c.port_filter_range());
            } catch (IllegalArgumentException e) {
                errors.add(e.getMessage());
            }
        } else if (!pf.equals("unchanged")) {
            errors.add("port filter must be unchanged, disabled or enabled, not '" + pf + "'");
        }
        PppSettings s = new PppSettings(c.cid(), auth, c.user(), password, c.full_cone_nat(), filter);
        for (String e : s.validate(caps)) {
            if (!errors.contains(e)) {
                errors.add(e);
            }
        }
        String consumer = c.consumer() == null ? "none" : c.consumer().trim();
        boolean pppd = consumer.equals("pppd");
        if (!pppd && !consumer.equals("none")) {
            errors.add("PPP consumer must be pppd or none, not '" + consumer + "'");
        }
        PppdOptions opts = null;
        try {
            opts = new PppdOptions(Path.of(c.pppd_path() == null ? "" : c.pppd_path().trim()),
                    PppdOptions.split(c.pppd_options()), s.user(), s.password(),
                    Path.of(System.getProperty("java.io.tmpdir")));
            if (pppd) {
                errors.addAll(opts.validate());
            }
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (c.redial_delay() < 1) {
            errors.add("redial delay must be at least 1 s");
        }
        return errors.isEmpty() ? new Accepted(c.enabled(), s, pppd, opts, Duration.ofSeconds(c.redial_delay())) : null;
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    private DialUpClient ready() throws PppException {
        Accepted a = accepted;
        if (a == null) {
            throw new PppException("PPP configuration refused: " + configError);
        }
        if (!a.enabled()) {
            throw new PppException("PPP dial-up is disabled (" + PID + ": enabled)");
        }
        return client;
    }

    @Override
    public PppLink dial() throws PppException {
        Accepted a = accepted;
        if (a != null && a.pppd()) {
            throw new PppException("the pppd consumer owns the dial-up (" + PID + ": consumer=pppd)");
        }
        return ready().dial();
    }

    @Override
    public Optional<PppLink> link() {
        return client.link();
    }

    @Override
    public boolean applyPortFilter() throws PppException {
        return ready().applyPortFilter();
    }

    @Override
    public io.ucell.ppp.PortFilter storedPortFilter() throws PppException {
        return client.storedPortFilter();
    }
}
