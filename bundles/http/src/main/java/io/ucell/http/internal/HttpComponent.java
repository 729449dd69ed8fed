package io.ucell.http.internal;

import io.ucell.http.HttpException;
import io.ucell.http.HttpRequest;
import io.ucell.http.HttpStreamResponse;
import io.ucell.http.HttpService;
import io.ucell.http.client.HttpSettings;
import io.ucell.http.client.ModuleHttpClient;
import io.ucell.files.ModuleFiles;
import io.ucell.modem.ModemService;
import io.ucell.modem.config.KuraPasswords;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP client as a Kura-configurable DS component and an {@link HttpService}; the work is in {@link ModuleHttpClient}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = HttpComponent.PID,
        service = {HttpService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + HttpComponent.PID)
@Designate(ocd = HttpConfig.class)
public final class HttpComponent implements HttpService, ConfigurableComponent {
    public static final String PID = "io.ucell.http";
    private static final Logger LOG = LoggerFactory.getLogger(HttpComponent.class);

    @Reference
    private ModemService modem;

    /** The module's file system (io.ucell.files): request bodies and responses travel through its files. */
    @Reference
    private ModuleFiles files;

    private volatile CryptoService crypto;
    private volatile ModuleHttpClient client;
    private volatile String configError;
    /** A valid configuration has been applied (a refused one later leaves it in force). */
    private volatile boolean configured;

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
    void activate(HttpConfig config, Map<String, Object> properties) {
        HttpSettings s = toSettings(config, KuraPasswords.reveal(properties.get("password"), crypto));
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            // refused: requests fail with the reason until a valid configuration arrives
            configError = String.join("; ", errors);
            LOG.error("HTTP configuration refused: {}", configError);
            client = new ModuleHttpClient(modem, files, HttpSettings.defaults());
            return;
        }
        configError = null;
        configured = true;
        client = new ModuleHttpClient(modem, files, s);
    }

    @Modified
    void modified(HttpConfig config, Map<String, Object> properties) {
        HttpSettings s = toSettings(config, KuraPasswords.reveal(properties.get("password"), crypto));
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("HTTP configuration refused, the previous one stays: {}", configError);
            return;
        }
        configError = null;
        configured = true;
        client.update(s);
    }

    static HttpSettings toSettings(HttpConfig c, String password) {
        return new HttpSettings(c.profile(), c.server(), c.username(), password, c.security_profile(),
                Duration.ofSeconds(c.timeout()), c.linger(), c.pdp_cid(), c.pdp_ip_type(),
                Duration.ofSeconds(Math.max(0, c.queue_timeout())));
    }

    /** Everything wrong with a configuration, independent of the module (empty when valid). */
    static List<String> problems(HttpConfig c, String password) {
        return toSettings(c, password).validate();
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    /** The settings in force. */
    public HttpSettings settings() {
        return client.settings();
    }

    @Override
    public HttpStreamResponse open(HttpRequest request) throws HttpException {
        String err = configError;
        if (err != null && !configured) {
            throw new HttpException("HTTP configuration refused: " + err);
        }
        return client.open(request);
    }
}
