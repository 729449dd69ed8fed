package org.eclipse.kura.configuration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The value of a metatype attribute of type Password. In Kura the value a component receives is encrypted; decrypt it
 * with {@link org.eclipse.kura.crypto.CryptoService#decryptAes(char[])}.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class Password {

    private char[] passwordVal;

    /** A password from a string; null gives a password whose {@link #getPassword()} is null. */
    public Password(String password) {
        super();
        if (password != null) {
            this.passwordVal = password.toCharArray();
        }
    }

    /** A password from characters (not copied). */
    public Password(char[] password) {
        super();
        this.passwordVal = password;
    }

    /** The characters of the password (not a copy), or null. */
    public char[] getPassword() {
        return this.passwordVal;
    }

    /** The password as a string, as in Kura (so never log a Password). */
    @Override
    public String toString() {
        return new String(this.passwordVal);
    }
}
