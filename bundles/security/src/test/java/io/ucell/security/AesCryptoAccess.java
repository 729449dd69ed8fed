package io.ucell.security;

import org.eclipse.kura.crypto.CryptoService;

/** Gives tests in other packages the test CryptoService. */
public final class AesCryptoAccess {
    private final AesCrypto crypto = new AesCrypto();

    public CryptoService get() {
        return crypto;
    }
}
