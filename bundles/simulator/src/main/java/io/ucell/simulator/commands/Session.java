package io.ucell.simulator.commands;

/** Per-boot interface settings; a reboot starts a fresh one (echo on, +CMEE=0: the module defaults). */
public final class Session {
    private volatile boolean echo = true;
    private volatile int cmee;

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
}
