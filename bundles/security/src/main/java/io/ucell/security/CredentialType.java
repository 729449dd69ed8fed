package io.ucell.security;

/** What a +USECMNG item is; {@link #code} is the command's type number, {@link #tag} the list's. */
public enum CredentialType {
    CA_CERTIFICATE(0, "CA"),
    CLIENT_CERTIFICATE(1, "CC"),
    PRIVATE_KEY(2, "PK"),
    /** A server certificate to pin (+USECPRF op 12). */
    SERVER_CERTIFICATE(3, "SC");

    public final int code;
    public final String tag;

    CredentialType(int code, String tag) {
        this.code = code;
        this.tag = tag;
    }

    public boolean certificate() {
        return this != PRIVATE_KEY;
    }

    /** By list tag ("CA", "CC", "PK", "SC"), or null. */
    public static CredentialType ofTag(String tag) {
        for (CredentialType t : values()) {
            if (t.tag.equalsIgnoreCase(tag)) {
                return t;
            }
        }
        return null;
    }
}
