package io.ucell.security.internal;

import io.ucell.modem.ModemService;
import io.ucell.modem.config.KuraPasswords;
import io.ucell.security.client.ProfileController;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.security.session.SessionStore;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.configuration.ConfigurableComponent;
import org.eclipse.kura.crypto.CryptoService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * One security profile as a Kura factory component (factory PID {@value #FACTORY_PID}: in Kura's UI,
 * Services, "+", this factory). The work is {@link ProfileController}'s. Password-typed values (key, key
 * password, PSK) arrive encrypted by Kura and are revealed through its CryptoService; they are never logged.
 */
@Component(configurationPid = SecurityProfileComponent.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = {SecurityProfileComponent.class, ConfigurableComponent.class})
@Designate(ocd = SecurityProfileConfig.class, factory = true)
public final class SecurityProfileComponent implements ConfigurableComponent {
    public static final String FACTORY_PID = "io.ucell.security.profile";

    @Reference
    private ModemService modem;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile CryptoService crypto;

    private ProfileController controller;

    @Activate
    void activate(BundleContext context, SecurityProfileConfig config, Map<String, Object> properties) {
        File data = context.getDataFile("sessions");
        Path dir = data != null ? data.toPath() : Path.of(System.getProperty("java.io.tmpdir"), "ucell-security-sessions");
        String pid = String.valueOf(properties.getOrDefault("kura.service.pid",
                properties.getOrDefault("service.pid", FACTORY_PID)));
        controller = new ProfileController(pid, modem, new SessionStore(dir, () -> crypto), Clock.systemUTC());
        controller.configure(toSettings(config, properties, crypto));
    }

    @Modified
    void modified(SecurityProfileConfig config, Map<String, Object> properties) {
        controller.configure(toSettings(config, properties, crypto));
    }

    @Deactivate
    void deactivate() {
        controller.close();
    }

    ProfileController controller() {
        return controller;
    }

    /** Config to settings; passwords revealed from the raw properties (Kura may hand a Password object). */
    static ProfileSettings toSettings(SecurityProfileConfig c, Map<String, Object> props, CryptoService crypto) {
        List<String> servers = new ArrayList<>();
        for (String s : c.servers() == null ? new String[0] : c.servers().split(",")) {
            if (!s.isBlank()) {
                servers.add(s.trim());
            }
        }
        return new ProfileSettings(c.profile_id(), servers, c.validation_level(), c.tls_version(), c.cipher_suites(),
                c.ca_certificate_name(), c.ca_certificate(), c.hostname(), c.client_certificate_name(),
                c.client_certificate(), c.client_key_name(), secret(props, "client.key", crypto),
                secret(props, "client.key.password", crypto), secret(props, "psk", crypto), c.psk_hex(),
                c.psk_identity(), c.rot_psk(), c.sni(), c.pinned_certificate_name(), c.pinned_certificate(),
                c.session_resumption(), c.session_type());
    }

    private static String secret(Map<String, Object> props, String key, CryptoService crypto) {
        return props == null ? "" : KuraPasswords.reveal(props.get(key), crypto);
    }
}
