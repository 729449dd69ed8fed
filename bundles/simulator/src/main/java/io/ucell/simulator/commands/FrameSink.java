package io.ucell.simulator.commands;

/** Where the interpreter's output goes: whole frames, written in order, never interleaved. */
public interface FrameSink {
    /**
     * Queues a frame.
     *
     * @param afterSent run once the last byte has left the wire (null for nothing)
     */
    void send(byte[] frame, Runnable afterSent);

    /** System.nanoTime() when the last frame finished; for the 20 ms command-gap check. */
    long lastSentNanos();
}
