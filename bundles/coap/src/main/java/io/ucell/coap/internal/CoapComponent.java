package io.ucell.coap.internal;

import io.ucell.coap.CoapException;
import io.ucell.coap.CoapOptions;
import io.ucell.coap.CoapRequest;
import io.ucell.coap.CoapResponse;
import io.ucell.coap.CoapService;
import io.ucell.coap.client.CoapClient;
import io.ucell.coap.client.CoapSettings;
import io.ucell.modem.ModemService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The CoAP client as a Kura-configurable DS component and a {@link CoapService}; the work is in {@link CoapClient}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = CoapComponent.PID,
        service = {CoapService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + CoapComponent.PID)
@Designate(ocd = CoapConfig.class)
public final class CoapComponent implements CoapService, ConfigurableComponent {
    public static final String PID = "io.ucell.coap";
    private static final Logger LOG = LoggerFactory.getLogger(CoapComponent.class);

    @Reference
    private ModemService modem;

    private volatile CoapClient client;
    private volatile String configError;
    /** A valid configuration has been applied (a refused one later leaves it in force). */
    private volatile boolean configured;

    @Activate
    void activate(CoapConfig config) {
        CoapSettings s = toSettings(config);
        List<String> errors = problems(config);
        if (!errors.isEmpty()) {
            // refused: requests fail with the reason until a valid configuration arrives
            configError = String.join("; ", errors);
            LOG.error("CoAP configuration refused: {}", configError);
            client = new CoapClient(modem, CoapSettings.defaults());
            return;
        }
        configError = null;
        configured = true;
        client = new CoapClient(modem, s);
        storeIfAsked(config);
    }

    @Modified
    void modified(CoapConfig config) {
        CoapSettings s = toSettings(config);
        List<String> errors = problems(config);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("CoAP configuration refused, the previous one stays: {}", configError);
            return;
        }
        configError = null;
        configured = true;
        client.update(s);
        storeIfAsked(config);
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    private void storeIfAsked(CoapConfig config) {
        if (!config.store_profile()) {
            return;
        }
        try {
            client.storeProfile();
            LOG.info("CoAP profile {} stored", config.profile());
        } catch (CoapException | RuntimeException e) {
            LOG.warn("CoAP profile {} not stored: {}", config.profile(), e.getMessage());
        }
    }

    /** Config to settings; problems are in {@link #problems(CoapConfig)}. */
    static CoapSettings toSettings(CoapConfig c) {
        CoapOptions o;
        try {
            o = new CoapOptions(c.uri_host(), c.uri_port(), c.uri_path(), c.uri_query(), c.content_format(),
                    c.confirmable(), c.security_profile(), c.rai());
        } catch (IllegalArgumentException e) {
            o = null;
        }
        return new CoapSettings(c.profile(), c.uri() == null ? "" : c.uri().trim(), o, c.pdp_cid(), c.pdp_ip_type(),
                Duration.ofSeconds(c.response_timeout()), Duration.ofSeconds(Math.max(0, c.queue_timeout())));
    }

    /** Everything wrong with a configuration, independent of the module (empty when valid). */
    static List<String> problems(CoapConfig c) {
        List<String> errors = new ArrayList<>();
        try {
            new CoapOptions(c.uri_host(), c.uri_port(), c.uri_path(), c.uri_query(), c.content_format(),
                    c.confirmable(), c.security_profile(), c.rai());
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (c.response_timeout() <= 0) {
            errors.add("response timeout must be positive");
        }
        CoapSettings s = toSettings(c);
        s.validate().stream().filter(e -> !e.equals("options missing") && !errors.contains(e)).forEach(errors::add);
        return errors;
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    @Override
    public CoapResponse send(CoapRequest request) throws CoapException {
        String err = configError;
        if (err != null && !configured) {
            throw new CoapException("CoAP configuration refused: " + err);
        }
        return client.send(request);
    }
}
