package io.ucell.simulator.commands;

/** Per-boot interface settings; a reboot starts a fresh one (echo on, +CMEE=0: the module defaults). */
public final class Session {
    private volatile boolean echo = true;
    private volatile int cmee;
    /** ATS2: escape character (default '+'). */
    private volatile int escapeChar = '+';
    /** ATS12: escape guard time in 20 ms units (default 50 = 1 s). */
    private volatile int escapeGuard = 50;

    public boolean echo() {
        return echo;
    }

    public void setEcho(boolean echo) {
        this.echo = echo;
    }

    public int cmee() {
        return cmee;
    }

    public void setCmee(int cmee) {
        this.cmee = cmee;
    }

    public int escapeChar() {
        return escapeChar;
    }

    public void setEscapeChar(int c) {
        this.escapeChar = c;
    }

    public int escapeGuard() {
        return escapeGuard;
    }

    public void setEscapeGuard(int units) {
        this.escapeGuard = units;
    }
}
