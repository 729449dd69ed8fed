package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.uart.PacedOutput;
import io.ucell.simulator.uart.UartTiming;
import java.io.IOException;
import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * The time a byte left the wire is the UART model's, not the moment the writing thread ran again: the '@'
 * guard of section 5.3.1 counts from it, and a descheduled simulator thread once stamped the prompt late and
 * garbled data a host had correctly sent 50 ms after receiving '@'.
 */
class PacedOutputTest {

    @Test
    void lastByteTimeIsTheWireTimeEvenWhenTheWriterIsLate() throws IOException {
        OutputStream slowHost = new OutputStream() {
            @Override
            public void write(int b) {
            }

            @Override
            public void write(byte[] b, int off, int len) {
                try {
                    Thread.sleep(200); // the thread is held up after the byte is on its way
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        PacedOutput out = new PacedOutput(slowHost, 921600, null);
        long before = System.nanoTime();
        out.write(new byte[] {'@'});
        long wire = out.lastByteAt() - before;
        assertTrue(wire >= UartTiming.transferNanos(1, 921600), "not before the byte could have left");
        assertTrue(wire < 100_000_000L, "the stamp is the wire time, not 200 ms later: " + wire / 1_000_000 + " ms");
    }
}
