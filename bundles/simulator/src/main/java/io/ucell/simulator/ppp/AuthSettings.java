package io.ucell.simulator.ppp;

/**
 * +UAUTHREQ of one context: 0 none, 1 PAP, 2 CHAP, 3 automatic (the module asks for CHAP and accepts PAP).
 * The password is never shown: not by +UAUTHREQ?, not in a log ({@link #toString()} masks it).
 */
record AuthSettings(int type, String user, String password) {
    static final AuthSettings NONE = new AuthSettings(0, "", "");

    /** "At least a dummy username and password" (4.1): what the SARA-R5 family needs before a dial. */
    boolean hasCredentials() {
        return !user.isEmpty() && !password.isEmpty();
    }

    @Override
    public String toString() {
        return "AuthSettings[type=" + type + ", user=" + user + ", password=" + (password.isEmpty() ? "" : "***") + "]";
    }
}
