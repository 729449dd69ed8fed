package io.ucell.at;

/**
 * The module answered ERROR, +CME ERROR, +CMS ERROR or another failing final result code.
 * {@link #result()} has the code, numeric or verbose, whichever +CMEE made the module send.
 */
public class AtErrorException extends AtException {
    private static final long serialVersionUID = 1L;

    private final transient AtResponse response;

    public AtErrorException(String command, AtResponse response) {
        super(command + " failed: " + response.result());
        this.response = response;
    }

    public FinalResult result() {
        return response.result();
    }

    public AtResponse response() {
        return response;
    }
}
