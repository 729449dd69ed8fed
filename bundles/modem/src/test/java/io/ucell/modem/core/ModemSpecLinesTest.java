package io.ucell.modem.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.framing.AtLine;
import io.ucell.modem.PingResult;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The app note's section-2 lines (ping, operator) through the modem service's parsers. */
class ModemSpecLinesTest {

    static Stream<Arguments> pingLines() {
        return Stream.of(
                // 2.4.1 table
                Arguments.of("+UUPING: 1,32,\"www.google.com\",\"216.58.206.68\",115,62", 1, 32, 115, 62L),
                Arguments.of("+UUPING: 2,32,\"www.google.com\",\"216.58.206.68\",115,53", 2, 32, 115, 53L),
                Arguments.of("+UUPING: 4,32,\"www.google.com\",\"216.58.206.68\",115,53", 4, 32, 115, 53L),
                // 2.4.1.1: rtt -1 timeout, -2 TTL too low
                Arguments.of("+UUPING: 1,32,\"www.google.com\",\"216.58.206.68\",115,-1", 1, 32, 115, -1L),
                Arguments.of("+UUPING: 2,32,\"www.google.com\",\"216.58.206.68\",115,-2", 2, 32, 115, -2L),
                // the same with spaces after the commas
                Arguments.of("+UUPING: 3, 32, \"www.google.com\", \"216.58.206.68\", 115, 53", 3, 32, 115, 53L));
    }

    @ParameterizedTest
    @MethodSource("pingLines")
    void pingReply(String line, int seq, int size, int ttl, long rtt) {
        AtLine l = AtLine.of(line);
        PingResult.Reply r = ModemController.pingReply(l);
        assertEquals(new PingResult.Reply(seq, size, ttl, rtt), r);
        assertEquals("216.58.206.68", l.param(3));
        assertEquals(rtt >= 0, r.received());
    }

    static Stream<Arguments> copsLines() {
        return Stream.of(
                // 2.3 GPRS/eGPRS table
                Arguments.of("+COPS: 0,0,\"Nutaq Network\",3", "Nutaq Network", "EGPRS"),
                Arguments.of("+COPS: 0,0,\"Nutaq Network\",7", "Nutaq Network", "LTE-M"),
                // 2.3: "Issue AT+COPS=0 if the +COPS read command returns +COPS: 2"
                Arguments.of("+COPS: 2", "", ""),
                Arguments.of("+COPS: 0", "", ""));
    }

    @ParameterizedTest
    @MethodSource("copsLines")
    void operatorAndRat(String line, String operator, String rat) {
        assertArrayEquals(new String[] {operator, rat}, ModemController.operatorAndRat(AtLine.of(line)));
    }
}
