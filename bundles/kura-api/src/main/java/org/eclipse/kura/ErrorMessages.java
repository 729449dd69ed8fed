package org.eclipse.kura;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Formats the message of a {@link KuraException} or {@link KuraRuntimeException} (not part of Kura's API). */
final class ErrorMessages {

    private ErrorMessages() {
    }

    @SuppressWarnings("deprecation")
    static String format(KuraErrorCode code, Object[] arguments) {
        if (code == null) {
            return "Generic Error - Unknown: " + joined(arguments);
        }
        Object[] args = arguments == null ? new Object[0] : arguments;
        if (code == KuraErrorCode.INTERNAL_ERROR && args.length > 1) {
            // several free-form arguments: show them all in the single placeholder
            args = new Object[] { Arrays.stream(args).map(a -> " - " + a).collect(Collectors.joining()) };
        }
        try {
            return new MessageFormat(code.pattern).format(args);
        } catch (IllegalArgumentException e) {
            return code.name() + ": " + joined(args);
        }
    }

    private static String joined(Object[] arguments) {
        return arguments == null ? "" : Arrays.stream(arguments).map(String::valueOf).collect(Collectors.joining(", "));
    }
}
