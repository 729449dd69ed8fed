package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Raised when too many messages are in flight to accept another.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraTooManyInflightMessagesException extends KuraException {

    private static final long serialVersionUID = 1L;

    public KuraTooManyInflightMessagesException(Object argument) {
        super(KuraErrorCode.TOO_MANY_INFLIGHT_MESSAGES, null, argument);
    }

    public KuraTooManyInflightMessagesException(Throwable cause, Object argument) {
        super(KuraErrorCode.TOO_MANY_INFLIGHT_MESSAGES, cause, argument);
    }
}
