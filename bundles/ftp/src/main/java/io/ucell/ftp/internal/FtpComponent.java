package io.ucell.ftp.internal;

import io.ucell.files.ModuleFiles;
import io.ucell.ftp.FtpException;
import io.ucell.ftp.FtpProgress;
import io.ucell.ftp.FtpService;
import io.ucell.ftp.client.FtpClient;
import io.ucell.ftp.client.FtpSettings;
import io.ucell.modem.ModemService;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import io.ucell.modem.config.KuraPasswords;
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
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The FTP client as a Kura-configurable DS component and an {@link FtpService}; the work is in {@link FtpClient}. */
@Component(immediate = true, configurationPolicy = ConfigurationPolicy.REQUIRE, configurationPid = FtpComponent.PID,
        service = {FtpService.class, ConfigurableComponent.class}, property = "kura.service.pid=" + FtpComponent.PID)
@Designate(ocd = FtpConfig.class)
public final class FtpComponent implements FtpService, ConfigurableComponent {
    public static final String PID = "io.ucell.ftp";
    private static final Logger LOG = LoggerFactory.getLogger(FtpComponent.class);

    @Reference
    private ModemService modem;

    @Reference
    private ModuleFiles files;

    private volatile CryptoService crypto;
    private volatile FtpClient client;
    private volatile String configError;
    /** A valid configuration with a server has been applied (a refused one later leaves it in force). */
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
    void activate(FtpConfig config, Map<String, Object> properties) {
        String password = KuraPasswords.reveal(properties.get("password"), crypto);
        List<String> errors = problems(config, password);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("FTP configuration refused: {}", configError);
            client = new FtpClient(modem, files, FtpSettings.defaults());
            return;
        }
        client = new FtpClient(modem, files, toSettings(config, password));
        accepted(config);
    }

    @Modified
    void modified(FtpConfig config, Map<String, Object> properties) {
        String password = KuraPasswords.reveal(properties.get("password"), crypto);
        List<String> errors = problems(config, password);
        if (!errors.isEmpty()) {
            configError = String.join("; ", errors);
            LOG.error("FTP configuration refused, the previous one stays: {}", configError);
            return;
        }
        client.update(toSettings(config, password));
        accepted(config);
    }

    private void accepted(FtpConfig config) {
        configError = null;
        configured = !config.server().isBlank();
        LOG.info("FTP settings: {}", client.settings());
    }

    @Deactivate
    void deactivate() {
        client.close();
    }

    static FtpSettings toSettings(FtpConfig c, String password) {
        return new FtpSettings(c.server() == null ? "" : c.server().trim(), c.port(), nz(c.user()), nz(password),
                nz(c.account()), c.passive(), c.timeout(), c.linger_command(), c.linger_data(), c.secure_control(),
                c.secure_data(), c.security_profile(), c.pdp_cid(), c.pdp_ip_type(),
                Duration.ofSeconds(Math.max(1, c.operation_timeout())), Duration.ofMillis(Math.max(1, c.direct_idle())));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Everything wrong with a configuration, independent of the module (empty when valid). An empty server is allowed: the service then refuses operations. */
    static List<String> problems(FtpConfig c, String password) {
        FtpSettings s = toSettings(c, password);
        List<String> errors = new java.util.ArrayList<>(s.validate());
        errors.remove("server is missing");
        if (c.operation_timeout() <= 0) {
            errors.add("operation timeout must be positive");
        }
        if (c.direct_idle() <= 0) {
            errors.add("direct link idle time must be positive");
        }
        return errors;
    }

    /** Why the last configuration was refused, or null. */
    public String configError() {
        return configError;
    }

    private FtpClient ready() throws FtpException {
        String err = configError;
        if (err != null && !configured) {
            throw new FtpException("FTP configuration refused: " + err);
        }
        if (!configured) {
            throw new FtpException("no FTP server configured (" + PID + ": server)");
        }
        return client;
    }

    @Override
    public void login() throws FtpException {
        ready().login();
    }

    @Override
    public void logout() throws FtpException {
        ready().logout();
    }

    @Override
    public List<String> list(String path) throws FtpException {
        return ready().list(path);
    }

    @Override
    public List<String> names(String path) throws FtpException {
        return ready().names(path);
    }

    @Override
    public void cd(String directory) throws FtpException {
        ready().cd(directory);
    }

    @Override
    public void mkdir(String directory) throws FtpException {
        ready().mkdir(directory);
    }

    @Override
    public void rmdir(String directory) throws FtpException {
        ready().rmdir(directory);
    }

    @Override
    public void rename(String from, String to) throws FtpException {
        ready().rename(from, to);
    }

    @Override
    public void delete(String remote) throws FtpException {
        ready().delete(remote);
    }

    @Override
    public void download(String remote, String moduleFile, boolean resume) throws FtpException {
        ready().download(remote, moduleFile, resume);
    }

    @Override
    public void upload(String moduleFile, String remote, long offset) throws FtpException {
        ready().upload(moduleFile, remote, offset);
    }

    @Override
    public void get(String remote, OutputStream to, FtpProgress progress) throws FtpException {
        ready().get(remote, to, progress);
    }

    @Override
    public byte[] get(String remote) throws FtpException {
        return ready().get(remote);
    }

    @Override
    public void put(String remote, byte[] data, FtpProgress progress) throws FtpException {
        ready().put(remote, data, progress);
    }

    @Override
    public long retrieveDirect(String remote, long offset, long length, OutputStream to, FtpProgress progress)
            throws FtpException {
        return ready().retrieveDirect(remote, offset, length, to, progress);
    }

    @Override
    public long storeDirect(String remote, long offset, InputStream from, FtpProgress progress) throws FtpException {
        return ready().storeDirect(remote, offset, from, progress);
    }
}
