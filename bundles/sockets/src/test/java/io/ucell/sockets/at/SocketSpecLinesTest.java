package io.ucell.sockets.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.framing.PayloadRules;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 5's response lines, as the app note prints them, through the framer and {@link SocketAt}'s readers. */
class SocketSpecLinesTest {

    /** The line as the engine would get it from the module: framed with the default payload rules. */
    static AtResponse answer(String command, String line) {
        List<AtLine> lines = AtFramer.linesOf("\r\n" + line + "\r\n", PayloadRules.defaults());
        return new AtResponse(command, lines, FinalResult.parse("OK"));
    }

    static Stream<Arguments> created() {
        return Stream.of(
                Arguments.of("+USOCR: 0", 0), // 5.1
                Arguments.of("+USOCR: 1", 1), // 5.1
                Arguments.of("+USOCR: 0,12000", 0)); // 5.6, UDP bound to a local port
    }

    @ParameterizedTest
    @MethodSource("created")
    void usocr(String line, int id) {
        assertEquals(id, SocketAt.createdId(answer("AT+USOCR=6", line)));
    }

    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("+USOWR", "+USOWR: 0,2", 2), // 5.3.1, 5.3.2
                Arguments.of("+USOWR", "+USOWR: 0,0", 0), // 5.5 fourth scenario: the TCP connection is closed
                Arguments.of("+USOST", "+USOST: 0,2", 2), // 5.6
                Arguments.of("+USOST", "+USOST: 0,5", 5), // 5.10
                Arguments.of("+USOST", "+USOST: 0, 5", 5));
    }

    @ParameterizedTest
    @MethodSource("writes")
    void written(String prefix, String line, int n) {
        assertEquals(n, SocketAt.written(answer("AT" + prefix + "=0,2", line), prefix));
    }

    static Stream<Arguments> tcpReads() {
        return Stream.of(
                Arguments.of("+USORD: 0,2,\"ar\"", "ar"), // 5.5 first scenario
                Arguments.of("+USORD: 0,10,\"hfgyrhgfty\"", "hfgyrhgfty"), // second
                Arguments.of("+USORD: 0,10,\"hfgbchs7[o\"", "hfgbchs7[o"), // third
                Arguments.of("+USORD: 0,34,\"jghfbv74ksHDFUE\u00e7pj\u00e80'@\u00e8pyujfnvhfy\u00f9\"",
                        "jghfbv74ksHDFUE\u00e7pj\u00e80'@\u00e8pyujfnvhfy\u00f9"),
                Arguments.of("+USORD: 0,0", ""), // the buffer is empty
                Arguments.of("+USORD: 0,25,\"23dfgt5uhj89ikdftevlpazwe\"", "23dfgt5uhj89ikdftevlpazwe")); // fourth
    }

    @ParameterizedTest
    @MethodSource("tcpReads")
    void usord(String line, String data) {
        assertArrayEquals(data.getBytes(StandardCharsets.ISO_8859_1), SocketAt.readData(answer("AT+USORD=0,10", line), false));
    }

    static Stream<Arguments> udpReads() {
        return Stream.of(
                // 5.7 (SARA-R5 and SARA-R42 alike), the space before the data as printed
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,2, \"12\"", "12"),
                // 5.7: announced 2, ten bytes shown for "Read 10 data bytes"
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,2, \"1234567890\"", "1234567890"),
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,10,\"1234567890\"", "1234567890"),
                // 5.10
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,5, \"Hello\"", "Hello"));
    }

    @ParameterizedTest
    @MethodSource("udpReads")
    void usorf(String line, String data) {
        SocketAt.Received r = SocketAt.readFromData(answer("AT+USORF=0,10", line), false);
        assertEquals("195.34.89.241", r.ip());
        assertEquals(7, r.port());
        assertArrayEquals(data.getBytes(StandardCharsets.ISO_8859_1), r.data());
    }

    @Test
    void usorfNothingThere() {
        assertNull(SocketAt.readFromData(answer("AT+USORF=0,10", "+USORF: 0,0"), false));
    }

    @Test
    void hexModeWeDidNotKnowOfStillFails() {
        // 2n hex digits for n announced bytes: the module is in hex mode (+UDCONF=1,1) and we read raw
        assertThrows(IllegalArgumentException.class,
                () -> SocketAt.readData(answer("AT+USORD=0,5", "+USORD: 0,5,\"48656C6C6F\""), false));
        assertArrayEquals("Hello".getBytes(StandardCharsets.US_ASCII),
                SocketAt.readData(answer("AT+USORD=0,5", "+USORD: 0,5,\"48656C6C6F\""), true));
    }

    static Stream<Arguments> controls() {
        return Stream.of(
                Arguments.of("+USOCTL: 0,0,6", 6), // 5.8 type TCP
                Arguments.of("+USOCTL: 0,10,4", 4), // ESTABLISHED
                Arguments.of("+USOCTL: 0,10,7", 7),
                Arguments.of("+USOCTL: 0,11,0", 0),
                Arguments.of("+USOCTL: 0,1,0", 0),
                Arguments.of("+USOCTL: 0, 10, 4", 4));
    }

    @ParameterizedTest
    @MethodSource("controls")
    void usoctl(String line, int value) {
        assertEquals(value, SocketAt.controlValue(answer("AT+USOCTL=0,10", line)));
    }

    @Test
    void usoerAndUrcs() {
        // 5.8
        assertEquals(104, answer("AT+USOER", "+USOER: 104").require("+USOER").intParam(0));
        // 5.2: new id, remote ip, remote port, listening id, module ip, listening port (as SocketStack reads it)
        AtLine soli = AtLine.of("+UUSOLI: 1,\"151.9.34.66\",39912,0,\"151.9.34.74\",1099");
        assertEquals(List.of(1, 39912, 0, 1099), List.of(soli.intParam(0), soli.intParam(2), soli.intParam(3), soli.intParam(5)));
        assertEquals("151.9.34.66", soli.param(1));
        // 5.5, 5.7: +UUSORD (SARA-R5) and +UUSORF (SARA-R42) read alike
        for (String u : List.of("+UUSORD: 0,30", "+UUSORF: 0,30", "+UUSORD: 0, 30")) {
            assertEquals(30, AtLine.of(u).intParam(1));
        }
        assertEquals(1, AtLine.of("+UUSOCL: 1").intParam(0)); // 5.9
    }
}
