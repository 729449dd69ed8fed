package io.ucell.at.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The app note's own response lines with counted payloads, as its tables print them (spaces after commas
 * included), through the framer and through {@link AtLine#of}: a module written from the spec may send them
 * exactly so.
 */
class SpecLinesFramingTest {

    static Stream<Arguments> specLines() {
        String ftpList = "-rw-r--r-- 1 ftp ftp 1037 Aug 5 09:45 dat_000\r\n-rw-r--r-- 1 ftp ftp 21041 Aug 5 09:12 data.zip\r\n";
        String http = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}";
        return Stream.of(
                // 5.5 first scenario
                Arguments.of("+USORD: 0,2,\"ar\"", List.of("0", "2", "ar")),
                // 5.5 third scenario: the buffer is empty
                Arguments.of("+USORD: 0,0", List.of("0", "0")),
                // 5.5 third scenario, bytes outside ASCII (ISO-8859-1, one byte each)
                Arguments.of("+USORD: 0,34,\"jghfbv74ksHDFUE\u00e7pj\u00e80'@\u00e8pyujfnvhfy\u00f9\"",
                        List.of("0", "34", "jghfbv74ksHDFUE\u00e7pj\u00e80'@\u00e8pyujfnvhfy\u00f9")),
                // 5.7 (SARA-R5 and SARA-R42): a space before the data's quote
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,2, \"12\"", List.of("0", "195.34.89.241", "7", "2", "12")),
                // 5.7: the table announces 2 bytes and shows 10; the framer reads on to the closing quote
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,2, \"1234567890\"",
                        List.of("0", "195.34.89.241", "7", "2", "1234567890")),
                // 5.10
                Arguments.of("+USORF: 0,\"195.34.89.241\",7,5, \"Hello\"", List.of("0", "195.34.89.241", "7", "5", "Hello")),
                // 6.3
                Arguments.of("+UMQTTC: 6,0,27,13,\"module/lights\",14,\"light_1 is red\"",
                        List.of("6", "0", "27", "13", "module/lights", "14", "light_1 is red")),
                // 6.4 ASCII mode, a space before the message length
                Arguments.of("+UMQTTC: 6,0,20,12,\"module/ascii\", 8,\"ABCD3031\"",
                        List.of("6", "0", "20", "12", "module/ascii", "8", "ABCD3031")),
                // 6.4 hex mode: bytes AB CD 30 31
                Arguments.of("+UMQTTC: 6,0,14,10,\"module/hex\", 4,\"\u00ab\u00cd01\"",
                        List.of("6", "0", "14", "10", "module/hex", "4", "\u00ab\u00cd01")),
                // 6.5: quotes and CR inside the message, a space before the topic length
                Arguments.of("+UMQTTC: 6,0,35, 14,\"module/special\",21,\"\"this is an example\"\r\"",
                        List.of("6", "0", "35", "14", "module/special", "21", "\"this is an example\"\r")),
                // 6.7
                Arguments.of("+UMQTTC: 6,0,37,14,\"u-blox/publish\",23,\"Unrequested disconnect.\"",
                        List.of("6", "0", "37", "14", "u-blox/publish", "23", "Unrequested disconnect.")),
                // 7.4, 7.7, 7.8
                Arguments.of("+UMQTTSNC: 9,1,0,19,1,\"1\",18,\"20 degrees Celsius\"",
                        List.of("9", "1", "0", "19", "1", "1", "18", "20 degrees Celsius")),
                Arguments.of("+UMQTTSNC: 9,0,2,6,2,\"aa\",4,\"test\"", List.of("9", "0", "2", "6", "2", "aa", "4", "test")),
                Arguments.of("+UMQTTSNC: 9,0,0,24,1,\"1\",23,\"Unrequested disconnect.\"",
                        List.of("9", "0", "0", "24", "1", "1", "23", "Unrequested disconnect.")),
                // 9: the listing with CR LF inside
                Arguments.of("+UUFTPCD: 13," + ftpList.length() + ",\"" + ftpList + "\"",
                        List.of("13", Integer.toString(ftpList.length()), ftpList)),
                // 10.2: the file name unquoted, a space before the data
                Arguments.of("+URDFILE: result.txt," + http.length() + ", \"" + http + "\"",
                        List.of("result.txt", Integer.toString(http.length()), http)));
    }

    @ParameterizedTest
    @MethodSource("specLines")
    void framerSplitsTheSpecLine(String line, List<String> expected) {
        AtFramerTest.Recorder r = new AtFramerTest.Recorder();
        String in = "\r\n" + line + "\r\n\r\nOK\r\n";
        byte[] b = in.getBytes(StandardCharsets.ISO_8859_1);
        new AtFramer(r, PayloadRules.defaults()).feed(b, 0, b.length);
        assertEquals(2, r.lines.size(), "the line and OK: " + r.events);
        assertEquals(expected, r.lines.get(0).params());
        assertEquals("OK", r.lines.get(1).text());
    }

    static Stream<Arguments> plainLines() {
        return Stream.of(
                // 8.2.2: +UCOAP=7 / +UCOAP? lines with and without a space after the comma
                Arguments.of("+UCOAP: \"OPT_MASK\", 7", List.of("OPT_MASK", "7")),
                Arguments.of("+UCOAP: \"OPT MASK\",7", List.of("OPT MASK", "7")),
                // 2.4.1
                Arguments.of("+UUPING: 1,32,\"www.google.com\",\"216.58.206.68\",115,62",
                        List.of("1", "32", "www.google.com", "216.58.206.68", "115", "62")),
                // 5.2
                Arguments.of("+UUSOLI: 1,\"151.9.34.66\",39912,0,\"151.9.34.74\",1099",
                        List.of("1", "151.9.34.66", "39912", "0", "151.9.34.74", "1099")),
                Arguments.of("+UUSOLI: 1, \"151.9.34.66\", 39912, 0, \"151.9.34.74\", 1099",
                        List.of("1", "151.9.34.66", "39912", "0", "151.9.34.74", "1099")));
    }

    @ParameterizedTest
    @MethodSource("plainLines")
    void ofAndFramerAgree(String line, List<String> expected) {
        assertEquals(expected, AtLine.of(line).params());
        AtFramerTest.Recorder r = new AtFramerTest.Recorder();
        byte[] b = (line + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
        new AtFramer(r, PayloadRules.defaults()).feed(b, 0, b.length);
        assertEquals(expected, r.lines.get(0).params());
    }
}
