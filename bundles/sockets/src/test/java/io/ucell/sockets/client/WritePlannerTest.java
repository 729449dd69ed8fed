package io.ucell.sockets.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.sockets.WriteMode;
import io.ucell.sockets.client.WritePlanner.Step;
import io.ucell.sockets.client.WritePlanner.Syntax;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The write cost model: binary pays 50 ms after '@', hex twice the bytes, base syntax only printable bytes. */
class WritePlannerTest {
    private static final long GAP = TimeUnit.MILLISECONDS.toNanos(20);
    private static final long PROMPT = TimeUnit.MILLISECONDS.toNanos(50);

    private static WritePlanner at(int baud) {
        return new WritePlanner(baud, GAP, PROMPT, WriteMode.AUTO, 0);
    }

    private static byte[] binary(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void at115200BulkGoesBinaryAndSmallWritesHex() {
        WritePlanner p = at(115200);
        assertEquals(new Step(Syntax.BINARY, 1024), p.next(binary(100_000), 0, 100_000, true));
        assertEquals(new Step(Syntax.HEX, 200), p.next(binary(200), 0, 200, true));
        // without hex mode on, a single small write still pays one switch rather than 50 ms
        assertEquals(Syntax.HEX, p.next(binary(200), 0, 200, false).syntax());
    }

    @Test
    void at921600HexBeatsTheFiftyMillisecondGuardEvenWithASwitch() {
        WritePlanner p = at(921600);
        assertEquals(new Step(Syntax.HEX, 512), p.next(binary(100_000), 0, 100_000, false));
        assertEquals(new Step(Syntax.HEX, 512), p.next(binary(100_000), 0, 100_000, true));
    }

    @Test
    void printableTextGoesInBaseSyntax() {
        byte[] text = new byte[3000];
        Arrays.fill(text, (byte) 'a');
        assertEquals(new Step(Syntax.BASE, 1024), at(921600).next(text, 0, text.length, false));
        assertEquals(new Step(Syntax.BASE, 1024), at(115200).next(text, 0, text.length, true));
        // a quote cannot go in base syntax: the run stops before it
        text[10] = '"';
        assertEquals(Syntax.HEX, at(921600).next(text, 0, text.length, true).syntax());
    }

    @Test
    void forcedModesAreKept() {
        assertEquals(new Step(Syntax.BINARY, 1024),
                new WritePlanner(921600, GAP, PROMPT, WriteMode.BINARY, 0).next(binary(5000), 0, 5000, true));
        assertEquals(new Step(Syntax.HEX, 512),
                new WritePlanner(115200, GAP, PROMPT, WriteMode.HEX, 0).next(binary(5000), 0, 5000, false));
    }
}
