package io.ucell.security.internal;

import io.ucell.modem.ModemService;
import io.ucell.security.CredentialException;
import io.ucell.security.CredentialService;
import io.ucell.security.CredentialType;
import io.ucell.security.ImportResult;
import io.ucell.security.SecurityProfile;
import io.ucell.security.SecurityProfileService;
import io.ucell.security.StoredCredential;
import io.ucell.security.client.ProfileController;
import io.ucell.security.client.ProfileDirectory;
import io.ucell.security.credentials.CredentialManager;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** {@link SecurityProfileService} and {@link CredentialService} over the configured profile components. */
@Component(immediate = true, service = {SecurityProfileService.class, CredentialService.class})
public final class SecurityServiceComponent implements SecurityProfileService, CredentialService {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecurityServiceComponent.class);
    private final ProfileDirectory directory = new ProfileDirectory();

    @Reference
    private ModemService modem;

    private CredentialManager credentials;

    @Activate
    void activate() {
        credentials = new CredentialManager(modem);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProfile(SecurityProfileComponent p) {
        directory.add(p.controller());
        String clash = directory.clash();
        if (clash != null) {
            LOG.warn("{}", clash);
        }
    }

    void removeProfile(SecurityProfileComponent p) {
        directory.remove(p.controller());
    }

    @Override
    public Optional<SecurityProfile> profileFor(String host) {
        return directory.profileFor(host);
    }

    @Override
    public List<SecurityProfile> profiles() {
        return directory.profiles();
    }

    @Override
    public CredentialService credentials() {
        return this;
    }

    @Override
    public ImportResult importCredential(CredentialType type, String name, byte[] pemOrDer, String password)
            throws CredentialException {
        return credentials.importCredential(type, name, pemOrDer, password);
    }

    @Override
    public ImportResult importFromModuleFile(CredentialType type, String name, String moduleFile, String password)
            throws CredentialException {
        return credentials.importFromModuleFile(type, name, moduleFile, password);
    }

    @Override
    public List<StoredCredential> list() throws CredentialException {
        return credentials.list();
    }

    @Override
    public String md5(CredentialType type, String name) throws CredentialException {
        return credentials.md5(type, name);
    }

    @Override
    public boolean remove(CredentialType type, String name) throws CredentialException {
        return credentials.remove(type, name);
    }

    /** For tests and consoles: the controller of a module profile number, if configured. */
    Optional<ProfileController> controller(int profile) {
        return directory.controller(profile);
    }
}
