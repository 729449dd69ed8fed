package io.ucell.simulator.commands;

/** A parameter is missing, malformed or out of range: +CME ERROR 50 (incorrect parameters). */
public class BadParameterException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadParameterException(String message) {
        super(message);
    }
}
