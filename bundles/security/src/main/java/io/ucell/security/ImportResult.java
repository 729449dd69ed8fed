package io.ucell.security;

/**
 * @param md5      MD5 of the item's DER, lower-case hex
 * @param uploaded false when the module already held the same item under that name (no upload needed)
 */
public record ImportResult(CredentialType type, String name, String md5, boolean uploaded) {
}
