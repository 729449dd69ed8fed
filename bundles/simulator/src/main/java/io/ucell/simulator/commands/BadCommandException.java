package io.ucell.simulator.commands;

/** Syntax error in a command line: the module answers ERROR. */
public class BadCommandException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadCommandException(String message) {
        super(message);
    }
}
