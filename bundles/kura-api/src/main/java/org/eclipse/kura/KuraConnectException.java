package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when connecting fails.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraConnectException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraConnectException(Object argument) {
        super(KuraErrorCode.CONNECTION_FAILED, null, argument);
    }

    public KuraConnectException(Throwable cause, Object argument) {
        super(KuraErrorCode.CONNECTION_FAILED, cause, argument);
    }
}
