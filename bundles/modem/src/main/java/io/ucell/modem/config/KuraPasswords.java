package io.ucell.modem.config;

import org.eclipse.kura.KuraException;
import org.eclipse.kura.configuration.Password;
import org.eclipse.kura.crypto.CryptoService;

/**
 * Turns a Password-typed configuration value into the clear text the module needs. On a Kura gateway such
 * values arrive AES-encrypted by Kura's ConfigurationService (as a {@link Password} or its string); in the
 * standalone runtime, or when set through a plain file, they arrive in clear. Every ucell bundle with a
 * password, key or PSK property goes through here.
 */
public final class KuraPasswords {

    private KuraPasswords() {
    }

    /**
     * @param value the property value: null, a String, a {@link Password} or a char[]
     * @param crypto Kura's CryptoService, or null where there is none
     * @return the clear text ("" for null); a value the CryptoService cannot decrypt is taken as clear text
     */
    public static String reveal(Object value, CryptoService crypto) {
        char[] chars = chars(value);
        if (chars.length == 0 || crypto == null) {
            return new String(chars);
        }
        try {
            char[] clear = crypto.decryptAes(chars);
            return clear == null ? new String(chars) : new String(clear);
        } catch (KuraException | RuntimeException notEncrypted) {
            // Kura itself accepts clear-text passwords in snapshots; never log the value
            return new String(chars);
        }
    }

    private static char[] chars(Object value) {
        if (value == null) {
            return new char[0];
        }
        if (value instanceof Password) {
            char[] p = ((Password) value).getPassword();
            return p == null ? new char[0] : p;
        }
        if (value instanceof char[]) {
            return (char[]) value;
        }
        return String.valueOf(value).toCharArray();
    }
}
