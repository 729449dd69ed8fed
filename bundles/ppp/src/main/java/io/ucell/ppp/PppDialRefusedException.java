package io.ucell.ppp;

/** The module answered the dial (ATD*99***cid#) with NO CARRIER, ERROR or +CME ERROR instead of CONNECT. */
public class PppDialRefusedException extends PppException {
    private static final long serialVersionUID = 1L;

    private final String moduleAnswer;

    public PppDialRefusedException(String message, String moduleAnswer) {
        super(message);
        this.moduleAnswer = moduleAnswer;
    }

    /** The final result code the module sent ("NO CARRIER", "ERROR", "+CME ERROR: 30"...). */
    public String moduleAnswer() {
        return moduleAnswer;
    }
}
