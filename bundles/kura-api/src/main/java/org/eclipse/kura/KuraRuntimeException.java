package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The unchecked exception of the Kura API: like {@link KuraException}, it carries a {@link KuraErrorCode} and optional
 * message arguments.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraRuntimeException extends RuntimeException {

    private static final long serialVersionUID = -7202805328805688329L;

    private final KuraErrorCode code;
    private final Object[] arguments;

    /** An exception with the given code and no arguments. */
    public KuraRuntimeException(final KuraErrorCode code) {
        this.code = code;
        this.arguments = null;
    }

    /** An exception with the given code and message arguments. */
    public KuraRuntimeException(final KuraErrorCode code, final Object... arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    /** An exception with the given code, cause (may be null) and message arguments. */
    public KuraRuntimeException(final KuraErrorCode code, final Throwable cause, final Object... arguments) {
        super(cause);
        this.code = code;
        this.arguments = arguments;
    }

    /** The error code. */
    public KuraErrorCode getCode() {
        return this.code;
    }

    @Override
    public String getLocalizedMessage() {
        return ErrorMessages.format(this.code, this.arguments);
    }

    @Override
    public String getMessage() {
        return ErrorMessages.format(this.code, this.arguments);
    }
}
