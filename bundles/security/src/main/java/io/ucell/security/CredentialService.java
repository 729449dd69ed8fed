package io.ucell.security;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;

/** The module's certificate and key store (+USECMNG, app note section 3.1). */
@ProviderType
public interface CredentialService {

    /**
     * Validates and imports a certificate or key given as PEM or DER. Nothing is uploaded when the module
     * already holds the same DER (same MD5) under that name.
     *
     * @param password the key's password (encrypted PKCS#8), else null; never logged
     * @throws CredentialException when the item is refused (unparsable, RSA under 2048 or EC under 192 bits,
     *                             outside its validity period, a CA certificate not flagged as CA) or the module
     *                             fails
     */
    ImportResult importCredential(CredentialType type, String name, byte[] pemOrDer, String password)
            throws CredentialException;

    /**
     * Imports an item from a file in the module's own file system (+USECMNG=1, e.g. one uploaded with
     * {@code ModuleFiles.upload}); the module checks the content, so only the internal name and the file name
     * (the module's file name rules) are checked here. An item already under that name is removed first. The
     * file stays in the module's file system.
     *
     * @return the MD5 of the item's DER as the module computed it
     */
    ImportResult importFromModuleFile(CredentialType type, String name, String moduleFile, String password)
            throws CredentialException;

    List<StoredCredential> list() throws CredentialException;

    /** MD5 of the item's DER as the module computes it, or null when there is none by that name. */
    String md5(CredentialType type, String name) throws CredentialException;

    /** False when there was nothing by that name. */
    boolean remove(CredentialType type, String name) throws CredentialException;
}
