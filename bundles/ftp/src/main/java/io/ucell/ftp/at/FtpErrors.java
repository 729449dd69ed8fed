package io.ucell.ftp.at;

import io.ucell.ftp.FtpException;
import io.ucell.ftp.FtpServerException;

/**
 * +UFTPER decoded. The app note names two pairs (1,1 user missing, 8,63 cannot set secure socket); class 1
 * with a three-digit code is read as the FTP server's reply code, whatever the module, so the caller sees
 * the server's own answer (530, 550...). Anything else is reported with its numbers.
 */
public final class FtpErrors {
    private FtpErrors() {
    }

    /** +UFTPER: class,code → [class, code]; [-1,-1] when the line is absent or malformed. */
    public static int[] parse(io.ucell.at.AtResponse r) {
        return r.line("+UFTPER").filter(l -> l.paramCount() >= 2).map(l -> {
            try {
                return new int[] {l.intParam(0), l.intParam(1)};
            } catch (IllegalArgumentException e) {
                return new int[] {-1, -1};
            }
        }).orElse(new int[] {-1, -1});
    }

    public static String describe(int errorClass, int code) {
        if (errorClass == 1 && code == 1) {
            return "user missing";
        }
        if (errorClass == 1 && code >= 100 && code <= 599) {
            return "the server answered " + code;
        }
        if (errorClass == 8 && code == 63) {
            return "cannot set secure socket (TLS handshake or certificate refused)";
        }
        if (errorClass == 8) {
            return "wrong FTP API usage (code " + code + ")";
        }
        if (errorClass == 10) {
            return "TCP/IP error " + code;
        }
        if (errorClass == 12) {
            return "DNS error " + code;
        }
        return "error class " + errorClass + " code " + code;
    }

    /** The exception for a failed operation with the module's +UFTPER pair. */
    public static FtpException toException(String operation, int errorClass, int code) {
        String msg = operation + " failed: " + describe(errorClass, code) + " (+UFTPER: " + errorClass + "," + code + ")";
        if (errorClass == 1 && code >= 100 && code <= 599) {
            return new FtpServerException(msg, errorClass, code);
        }
        return new FtpException(msg, errorClass, code, null);
    }
}
