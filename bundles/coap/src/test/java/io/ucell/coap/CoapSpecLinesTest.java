package io.ucell.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.framing.AtLine;
import io.ucell.coap.at.CoapData;
import io.ucell.coap.at.CoapErrors;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 8's URCs and answers, literally, through the CoAP client's readers. */
class CoapSpecLinesTest {

    private static final String LIBCOAP = "This is a test server made with libcoap (see https://libcoap.net)\n"
            + "Copyright (C) 2010--2020 Olaf Bergmann <bergmann@tzi.org> and others\n\n";

    static Stream<Arguments> dataUrcs() {
        return Stream.of(
                // 8.3.1 GET: "world"
                Arguments.of("+UCOAPCD: 2,0,\"776F726C64\",0", 2, "world", false),
                // 8.3.2 PUT and POST
                Arguments.of("+UCOAPCD: 2,0,\"505554204F4B\",0", 2, "PUT OK", false),
                Arguments.of("+UCOAPCD: 2,0,\"504F5354204F4B\",0", 2, "POST OK", false),
                // 8.3.4, 8.5.2, 8.5.3: the libcoap banner
                Arguments.of("+UCOAPCD: 2,0,\"546869732069732061207465737420736572766572206D6164652077697468206C6962636F6"
                        + "17020287365652068747470733A2F2F6C6962636F61702E6E6574290A436F70797269676874202843292032303"
                        + "1302D2D32303230204F6C616620426572676D616E6E203C626572676D616E6E40747A692E6F72673E20616E642"
                        + "06F74686572730A0A\",0", 2, LIBCOAP, false),
                // 8.4.2: the server's error, class 4
                Arguments.of("+UCOAPCD: 4,0,\"4572726F7220342E30353A204D6574686F64206E6F7420737570706F727465642068657265\",0",
                        4, "Error 4.05: Method not supported here", false),
                // spaces after the commas, more blocks to come
                Arguments.of("+UCOAPCD: 2, 0, \"776F726C64\", 1", 2, "world", true));
    }

    @ParameterizedTest
    @MethodSource("dataUrcs")
    void ucoapcd(String line, int codeClass, String payload, boolean more) {
        CoapData d = CoapData.parse(AtLine.of(line));
        assertEquals(codeClass, d.codeClass());
        assertArrayEquals(payload.getBytes(StandardCharsets.ISO_8859_1), d.payload());
        assertEquals(more, d.more());
    }

    static Stream<Arguments> resultUrcs() {
        return Stream.of(Arguments.of("+UCOAPCR: 1,1", 1, 1), Arguments.of("+UCOAPCR: 3,1", 3, 1),
                Arguments.of("+UCOAPCR: 4,1", 4, 1), Arguments.of("+UCOAPCR: 1, 0", 1, 0));
    }

    @ParameterizedTest
    @MethodSource("resultUrcs")
    void ucoapcr(String line, int method, int result) {
        // as CoapClient reads it: the method first, the result last
        AtLine l = AtLine.of(line);
        assertEquals(method, l.intParam(0));
        assertEquals(result, l.intParam(l.paramCount() - 1));
    }

    @Test
    void ucoaper() {
        // 8.4.1: after "+CME ERROR: operation not allowed", +UCOAPER: 15,17 "Current profile invalid"
        assertArrayEquals(new int[] {15, 17}, CoapErrors.parse(AtLine.of("+UCOAPER: 15,17")));
        assertArrayEquals(new int[] {15, 17}, CoapErrors.parse(AtLine.of("+UCOAPER: 15, 17")));
    }

    @Test
    void profileLines() {
        // 8.2.2: +UCOAP=7 and +UCOAP? lines, "OPT_MASK" and "OPT MASK", with and without a space after the comma
        assertEquals("7", AtLine.of("+UCOAP: \"OPT_MASK\", 7").param(1));
        assertEquals("7", AtLine.of("+UCOAP: \"OPT MASK\",7").param(1));
        assertEquals("coap://coap.me:5683/hello", AtLine.of("+UCOAP: \"URI_STR\", \"coap://coap.me:5683/hello\"").param(1));
        assertEquals("INVALID PROFILE NUMBER 1", AtLine.of("+UCOAP: INVALID PROFILE NUMBER 1").param(0));
    }
}
