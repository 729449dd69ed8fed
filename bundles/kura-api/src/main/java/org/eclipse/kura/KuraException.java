package org.eclipse.kura;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The checked exception of the Kura API: every instance carries a {@link KuraErrorCode}, and optional arguments that
 * fill the code's message pattern.
 *
 * @noextend Not meant to be subclassed by clients.
 */
@ProviderType
public class KuraException extends Exception {

    private static final long serialVersionUID = 7468633737373095296L;

    private final KuraErrorCode code;
    private final Object[] arguments;

    /** An exception with the given code and no arguments. */
    public KuraException(final KuraErrorCode code) {
        this.code = code;
        this.arguments = null;
    }

    /** An exception with the given code and message arguments. */
    public KuraException(final KuraErrorCode code, final Object... arguments) {
        this.code = code;
        this.arguments = arguments;
    }

    /** An exception with the given code, cause (may be null) and message arguments. */
    public KuraException(final KuraErrorCode code, final Throwable cause, final Object... arguments) {
        super(cause);
        this.code = code;
        this.arguments = arguments;
    }

    /**
     * An {@link KuraErrorCode#INTERNAL_ERROR} with a message; Kura discourages it in favour of a specific code.
     */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, null, message);
    }

    /** An {@link KuraErrorCode#INTERNAL_ERROR} with a cause. */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final Throwable cause) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, "");
    }

    /** An {@link KuraErrorCode#INTERNAL_ERROR} with a cause and a message. */
    @SuppressWarnings("deprecation")
    public static KuraException internalError(final Throwable cause, final String message) {
        return new KuraException(KuraErrorCode.INTERNAL_ERROR, cause, message);
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
