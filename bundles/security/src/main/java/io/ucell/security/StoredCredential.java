package io.ucell.security;

/**
 * One item of the module's store as +USECMNG=3 lists it.
 *
 * @param subject the certificate's common name as the module shows it ("" for keys)
 * @param expiry  the expiry date text as the module shows it ("" for keys)
 */
public record StoredCredential(CredentialType type, String name, String subject, String expiry) {
}
