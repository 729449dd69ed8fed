package io.ucell.security.credentials;

import io.ucell.at.AtEngine;
import io.ucell.at.AtErrorException;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.files.ModuleFileNames;
import io.ucell.modem.ModemService;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.security.CredentialException;
import io.ucell.security.CredentialService;
import io.ucell.security.CredentialType;
import io.ucell.security.ImportResult;
import io.ucell.security.StoredCredential;
import io.ucell.security.at.SecurityAt;
import io.ucell.security.profile.ProfileSettings;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The module's +USECMNG store through the modem service's AT engine. Imports are checked first
 * ({@link CredentialValidator}) and skipped when the module already has the same DER under the name (same
 * MD5), so restarting a gateway does not rewrite the module's flash.
 */
public final class CredentialManager implements CredentialService {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialManager.class);

    private final ModemService modem;
    private final Clock clock;

    public CredentialManager(ModemService modem, Clock clock) {
        this.modem = modem;
        this.clock = clock;
    }

    public CredentialManager(ModemService modem) {
        this(modem, Clock.systemUTC());
    }

    private AtEngine at() throws CredentialException {
        ModuleCapabilities caps = modem.capabilities();
        AtEngine at = modem.at();
        if (at == null || caps == null) {
            throw new CredentialException("the module is not ready");
        }
        if (!caps.securitySupported()) {
            throw new CredentialException("the " + caps.describe() + " has no certificate store (section 3 does "
                    + "not apply to it)");
        }
        return at;
    }

    @Override
    public ImportResult importCredential(CredentialType type, String name, byte[] pemOrDer, String password)
            throws CredentialException {
        checkName(name);
        CredentialValidator.Checked c = CredentialValidator.check(type, pemOrDer, password, clock.instant());
        AtEngine at = at();
        String held = md5(type, name);
        if (c.md5().equals(held)) {
            LOG.debug("{} \"{}\" already in the module (MD5 {})", type, name, held);
            return new ImportResult(type, name, held, false);
        }
        if (held != null) {
            // another item under that name: removed first, whether or not the module would overwrite it
            at.execute(SecurityAt.remove(type, name));
        }
        // the DER goes up, not the PEM: what the module hashes is then exactly what we hashed
        AtResponse r;
        try {
            r = at.executeOk(SecurityAt.importItem(type, name, c.der(), type.certificate() ? null : password));
        } catch (AtErrorException e) {
            throw new CredentialException("the module refused " + type + " \"" + name + "\": " + e.getMessage(), e);
        } catch (AtException e) {
            throw new CredentialException("import of " + type + " \"" + name + "\" failed: " + e.getMessage(), e);
        }
        String md5 = SecurityAt.md5Of(r);
        if (!md5.equals(c.md5())) {
            throw new CredentialException("the module stored " + type + " \"" + name + "\" with MD5 " + md5
                    + ", expected " + c.md5());
        }
        LOG.info("{} \"{}\" imported (MD5 {})", type, name, md5);
        return new ImportResult(type, name, md5, true);
    }

    @Override
    public ImportResult importFromModuleFile(CredentialType type, String name, String moduleFile, String password)
            throws CredentialException {
        checkName(name);
        String fileProblem = ModuleFileNames.problem(moduleFile);
        if (fileProblem != null) {
            throw new CredentialException("the module file name \"" + String.valueOf(moduleFile)
                    .replaceAll("\\p{Cntrl}", "?") + "\" is invalid: " + fileProblem);
        }
        AtEngine at = at();
        if (md5(type, name) != null) {
            // another item under that name: removed first, as importCredential does
            at.execute(SecurityAt.remove(type, name));
        }
        AtResponse r;
        try {
            r = at.executeOk(SecurityAt.importFile(type, name, moduleFile, type.certificate() ? null : password));
        } catch (AtErrorException e) {
            throw new CredentialException("the module refused " + type + " \"" + name + "\" from its file \""
                    + moduleFile + "\": " + e.getMessage(), e);
        } catch (AtException e) {
            throw new CredentialException("import of " + type + " \"" + name + "\" failed: " + e.getMessage(), e);
        }
        String md5 = SecurityAt.md5Of(r);
        LOG.info("{} \"{}\" imported from module file {} (MD5 {})", type, name, moduleFile, md5);
        return new ImportResult(type, name, md5, true);
    }

    @Override
    public List<StoredCredential> list() throws CredentialException {
        try {
            return SecurityAt.parseList(at().executeOk(SecurityAt.list()));
        } catch (AtException e) {
            throw new CredentialException("listing the module's certificates failed: " + e.getMessage(), e);
        }
    }

    @Override
    public String md5(CredentialType type, String name) throws CredentialException {
        checkName(name);
        AtResponse r;
        try {
            r = at().execute(SecurityAt.md5(type, name));
        } catch (AtException e) {
            throw new CredentialException("MD5 of " + type + " \"" + name + "\" failed: " + e.getMessage(), e);
        }
        // an error here is "no such item" (the module answers +CME ERROR)
        return r.isOk() && r.line("+USECMNG").isPresent() ? SecurityAt.md5Of(r) : null;
    }

    @Override
    public boolean remove(CredentialType type, String name) throws CredentialException {
        checkName(name);
        try {
            boolean ok = at().execute(SecurityAt.remove(type, name)).isOk();
            if (ok) {
                LOG.info("{} \"{}\" removed", type, name);
            }
            return ok;
        } catch (AtException e) {
            throw new CredentialException("removing " + type + " \"" + name + "\" failed: " + e.getMessage(), e);
        }
    }

    private static void checkName(String name) throws CredentialException {
        if (name == null || name.isEmpty() || name.length() > ProfileSettings.MAX_NAME) {
            throw new CredentialException("an internal name must be 1-" + ProfileSettings.MAX_NAME + " characters");
        }
        try {
            io.ucell.at.AtQuoting.quote(name);
        } catch (IllegalArgumentException e) {
            throw new CredentialException("the name \"" + name.replaceAll("\\p{Cntrl}", "?")
                    + "\" holds a quote or a control character");
        }
    }
}
