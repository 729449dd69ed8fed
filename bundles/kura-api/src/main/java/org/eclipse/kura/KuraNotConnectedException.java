package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when an operation needs a connection that is not there.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraNotConnectedException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraNotConnectedException(Object argument) {
        super(KuraErrorCode.NOT_CONNECTED, null, argument);
    }

    public KuraNotConnectedException(Throwable cause, Object argument) {
        super(KuraErrorCode.NOT_CONNECTED, cause, argument);
    }
}
