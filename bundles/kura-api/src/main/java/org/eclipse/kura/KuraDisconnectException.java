package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when disconnecting fails.
 *
 * @noextend Not meant to be subclassed by clients.
 * @since 2.0
 */
@ProviderType
public class KuraDisconnectException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraDisconnectException(Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, null, argument);
    }

    public KuraDisconnectException(Throwable cause, Object argument) {
        super(KuraErrorCode.DISCONNECTION_FAILED, cause, argument);
    }
}
