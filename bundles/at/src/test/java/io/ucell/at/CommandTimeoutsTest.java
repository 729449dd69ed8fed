package io.ucell.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandTimeoutsTest {
    private final CommandTimeouts table = CommandTimeouts.ublox();

    @Test
    void networkOperationsWaitMinutes() {
        assertEquals(Duration.ofMinutes(3), table.forCommand(AtCommand.set("+COPS").param(0).build()));
        assertEquals(Duration.ofMinutes(3), table.forCommand(AtCommand.test("+COPS").build()), "AT+COPS=? scans");
        assertEquals(Duration.ofMinutes(2), table.forCommand(AtCommand.set("+USOCO").param(0).param("h").param(1).build()));
    }

    @Test
    void readFormsAnswerFromStoredStateInSeconds() {
        assertEquals(Duration.ofSeconds(10), table.forCommand(AtCommand.read("+COPS").build()));
        assertEquals(Duration.ofSeconds(10), table.forCommand(AtCommand.read("+CGACT").build()));
        assertEquals(Duration.ofSeconds(10), table.forCommand(AtCommand.raw("AT+CFUN?")));
    }

    @Test
    void anExplicitTimeoutWins() {
        assertEquals(Duration.ofSeconds(2), table.forCommand(AtCommand.read("+COPS").timeout(Duration.ofSeconds(2)).build()));
    }
}
