package io.ucell.modem.internal;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtResponse;
import io.ucell.modem.ModemIdentity;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemStatus;
import io.ucell.modem.PingResult;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.config.KuraPasswords;
import io.ucell.modem.core.ModemController;
import io.ucell.modem.core.ModemSettings;
import io.ucell.modem.core.PdpType;

/** The modem service as a Kura-configurable DS component; the work is in {@link ModemController}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = ModemComponent.PID,
        service = {ModemService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + ModemComponent.PID)
@Designate(ocd = ModemConfig.class)
public final class ModemComponent implements ModemService, ConfigurableComponent {

    public static final String PID = "io.ucell.modem";
    private static final Logger LOG = LoggerFactory.getLogger(ModemComponent.class);

    private volatile EventAdmin eventAdmin;
    private volatile CryptoService crypto;
    private ModemController controller;
    private final ModemListener eventPoster = this::post;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    void setEventAdmin(EventAdmin ea) {
        this.eventAdmin = ea;
    }

    void unsetEventAdmin(EventAdmin ea) {
        if (this.eventAdmin == ea) {
            this.eventAdmin = null;
        }
    }

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
    void activate(ModemConfig config, Map<String, Object> properties) {
        ModemSettings s = toSettings(config, properties);
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            LOG.error("modem configuration refused: {}; using the defaults", String.join("; ", errors));
            s = ModemSettings.defaults();
        }
        controller = new ModemController(s);
        controller.addListener(eventPoster);
        controller.start();
        if (!errors.isEmpty()) {
            controller.update(toSettings(config, properties)); // records the configError in the status
        }
    }

    @Modified
    void modified(ModemConfig config, Map<String, Object> properties) {
        controller.update(toSettings(config, properties));
    }

    @Deactivate
    void deactivate() {
        controller.removeListener(eventPoster);
        controller.stop();
    }

    /** Config → settings; the password property is decrypted when Kura stored it encrypted. */
    ModemSettings toSettings(ModemConfig c, Map<String, Object> properties) {
        String password = KuraPasswords.reveal(properties.get("password"), crypto);
        return new ModemSettings(c.endpoint(), c.baud(), c.flow_control(), c.apn(),
                PdpType.parse(c.pdp_type()).orElse(null), c.cid(), c.mno_profile(), c.user(), password,
                c.family_override(), Duration.ofSeconds(c.registration_timeout()), Duration.ofSeconds(c.sync_timeout()),
                Duration.ofMillis(c.backoff_base()), Duration.ofMillis(c.backoff_cap()), c.reboot_after_failures(),
                c.max_failures(), Duration.ofSeconds(c.health_check_interval()));
    }

    private void post(ModemStatus prev, ModemStatus cur) {
        EventAdmin ea = eventAdmin;
        if (ea == null) {
            return;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("state", cur.state().name());
        p.put("previousState", prev.state().name());
        p.put("family", cur.family());
        p.put("productVersion", cur.productVersion());
        p.put("operator", cur.operator());
        p.put("rat", cur.rat());
        p.put("ipv4", cur.ipv4());
        p.put("ipv6", cur.ipv6());
        p.put("cid", cur.cid());
        p.put("failureReason", cur.failureReason());
        p.put("configError", cur.configError());
        ea.postEvent(new Event(STATUS_TOPIC, p));
    }

    @Override
    public ModemStatus status() {
        return controller.status();
    }

    @Override
    public ModemStatus refreshStatus() {
        return controller.refreshStatus();
    }

    @Override
    public ModemIdentity identity() {
        return controller.identity();
    }

    @Override
    public ModuleCapabilities capabilities() {
        return controller.capabilities();
    }

    @Override
    public AtEngine at() {
        return controller.at();
    }

    @Override
    public AtResponse execute(AtCommand command) {
        return controller.execute(command);
    }

    @Override
    public PingResult ping(String host, int count, Duration timeout) {
        return controller.ping(host, count, timeout);
    }

    @Override
    public List<String> resolve(String name) {
        return controller.resolve(name);
    }

    @Override
    public String reverseResolve(String ip) {
        return controller.reverseResolve(ip);
    }

    @Override
    public void restart() {
        controller.restart();
    }

    @Override
    public void addListener(ModemListener listener) {
        controller.addListener(listener);
    }

    @Override
    public void removeListener(ModemListener listener) {
        controller.removeListener(listener);
    }
}
