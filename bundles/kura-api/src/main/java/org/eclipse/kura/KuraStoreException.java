package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when the message store fails.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraStoreException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraStoreException(Object argument) {
        super(KuraErrorCode.STORE_ERROR, null, argument);
    }

    public KuraStoreException(Throwable cause, Object argument) {
        super(KuraErrorCode.STORE_ERROR, cause, argument);
    }
}
