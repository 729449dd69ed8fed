package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when an operation timed out.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraTimeoutException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraTimeoutException(Object argument) {
        super(KuraErrorCode.TIMED_OUT, null, argument);
    }

    public KuraTimeoutException(Throwable cause, Object argument) {
        super(KuraErrorCode.TIMED_OUT, cause, argument);
    }
}
