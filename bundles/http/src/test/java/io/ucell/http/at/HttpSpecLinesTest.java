package io.ucell.http.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtLine;
import io.ucell.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 10's URCs, error answers and response file, literally, through the HTTP client's readers. */
class HttpSpecLinesTest {

    static Stream<Arguments> resultUrcs() {
        return Stream.of(
                Arguments.of("+UUHTTPCR: 0,0,1", 0, 0, 1), // 10.1 HEAD
                Arguments.of("+UUHTTPCR: 0,1,1", 0, 1, 1), // 10.1 GET, 3.3
                Arguments.of("+UUHTTPCR: 0,5,1", 0, 5, 1), // 10.1 POST data
                Arguments.of("+UUHTTPCR: 0,4,1", 0, 4, 1), // 10.2, 10.3 POST file
                Arguments.of("+UUHTTPCR: 0, 1, 0", 0, 1, 0));
    }

    @ParameterizedTest
    @MethodSource("resultUrcs")
    void uuhttpcr(String line, int profile, int command, int result) {
        // as ModuleHttpClient reads it: profile, command, result
        List<String> p = AtLine.of(line).params();
        assertEquals(List.of(Integer.toString(profile), Integer.toString(command), Integer.toString(result)),
                p.stream().map(String::trim).toList());
    }

    static Stream<Arguments> errorAnswers() {
        return Stream.of(
                // 10.3 as printed: AT+UHTTPER=1 answered with the FTP command's name
                Arguments.of("+UFTPER: 1,0,0", 0, 0),
                Arguments.of("+UHTTPER: 1,0,0", 0, 0),
                Arguments.of("+UHTTPER: 0,3,73", 3, 73),
                Arguments.of("+UHTTPER: 0, 3, 11", 3, 11));
    }

    @ParameterizedTest
    @MethodSource("errorAnswers")
    void uhttper(String line, int cls, int code) {
        AtResponse r = new AtResponse("AT+UHTTPER=1", List.of(AtLine.of(line)), FinalResult.parse("OK"));
        assertArrayEquals(new int[] {cls, code}, HttpErrors.parse(r));
    }

    @Test
    void theQueryTakesBothSpellingsAsItsAnswer() {
        assertEquals(List.of("+UHTTPER", "+UFTPER"), HttpErrors.query(1, Duration.ofSeconds(10)).responsePrefixes());
        assertEquals("AT+UHTTPER=1", HttpErrors.query(1, Duration.ofSeconds(10)).text());
        assertNull(HttpErrors.parse(new AtResponse("AT+UHTTPER=1", List.of(), FinalResult.parse("OK"))));
    }

    @Test
    void responseFileOf10_2() {
        String body = "{\r\n\"headers\": {\r\n\"Content-Length\": \"11\",\r\n\"Host\": \"httpbin.org\"\r\n},\r\n"
                + "\"data\": \"hello world\"\r\n}";
        String file = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Tue, 15 Jan 2013 16:06:11 GMT\r\n"
                + "Server: gunicorn/0.16.1\r\nContent-Length: " + body.length() + "\r\nConnection: Close\r\n\r\n" + body;
        HttpResponse r = ResponseFile.parse(file.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, r.statusCode());
        assertEquals("OK", r.reason());
        assertEquals("application/json", r.header("content-type").orElseThrow());
        assertEquals("gunicorn/0.16.1", r.header("Server").orElseThrow());
        assertEquals(body, r.bodyText());
    }
}
