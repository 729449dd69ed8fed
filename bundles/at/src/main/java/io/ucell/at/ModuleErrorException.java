package io.ucell.at;

import io.ucell.at.framing.AtLine;
import java.util.List;

/**
 * Base of the exceptions of the module's internet applications (CoAP, FTP, HTTP, MQTT-SN...): an operation refused
 * before it reached the module, or failed in the module with the error class and code the application's error
 * command (+UCOAPER, +UFTPER, +UHTTPER, +UMQTTSNER...) reported. Each subclass says which command.
 */
public abstract class ModuleErrorException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int errorClass;
    private final int errorCode;

    /** With -1 for the class and code when the module reported none. */
    protected ModuleErrorException(String message, int errorClass, int errorCode, Throwable cause) {
        super(message, cause);
        this.errorClass = errorClass;
        this.errorCode = errorCode;
    }

    /** The error class the module reported, -1 when it did not report one. */
    public int errorClass() {
        return errorClass;
    }

    /** The error code the module reported, -1 when it did not report one. */
    public int errorCode() {
        return errorCode;
    }

    /**
     * {class, code} from an error command's answer (+UCOAPER, +UHTTPER...): its last two numbers, so a profile id
     * in front is skipped; {-1, -1} when the line does not hold them.
     */
    public static int[] classAndCode(AtLine line) {
        List<String> p = line.params();
        if (p.size() < 2) {
            return new int[] {-1, -1};
        }
        try {
            return new int[] {Integer.parseInt(p.get(p.size() - 2).trim()), Integer.parseInt(p.get(p.size() - 1).trim())};
        } catch (NumberFormatException e) {
            return new int[] {-1, -1};
        }
    }
}
