package io.ucell.files.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

/** The file-system answers the app note shows (10.2's +URDFILE) and the AT manual's forms, through {@link FileAt}. */
class FileSpecLinesTest {

    static AtResponse answer(String command, String... lines) {
        StringBuilder wire = new StringBuilder();
        for (String line : lines) {
            wire.append("\r\n").append(line).append("\r\n");
        }
        List<AtLine> out = AtFramer.linesOf(wire.toString(), PayloadRules.defaults());
        assertEquals(lines.length, out.size(), "lines: " + out);
        return new AtResponse(command, out, FinalResult.parse("OK"));
    }

    private static final String RESULT = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 26\r\n"
            + "Connection: Close\r\n\r\n{\r\n\"data\": \"hello world\"\r\n}\"";

    static Stream<Arguments> reads() {
        return Stream.of(
                // 10.2: the name unquoted, a space before the data, CR LF and a quote inside
                Arguments.of("+URDFILE", "+URDFILE: result.txt," + RESULT.length() + ", \"" + RESULT + "\"", RESULT),
                // the AT manual's form
                Arguments.of("+URDFILE", "+URDFILE: \"result.txt\"," + RESULT.length() + ",\"" + RESULT + "\"", RESULT),
                Arguments.of("+URDFILE", "+URDFILE: \"postdata.txt\",11,\"hello world\"", "hello world"),
                Arguments.of("+URDBLOCK", "+URDBLOCK: \"result.txt\",5,\"HTTP/\"", "HTTP/"),
                Arguments.of("+URDBLOCK", "+URDBLOCK: result.txt,5, \"HTTP/\"", "HTTP/"));
    }

    @ParameterizedTest
    @MethodSource("reads")
    void readAnswer(String prefix, String line, String data) {
        assertArrayEquals(data.getBytes(StandardCharsets.ISO_8859_1), FileAt.data(answer("AT" + prefix + "=\"result.txt\"", line), prefix));
    }

    @Test
    void listAnswers() {
        assertEquals(List.of("postdata.txt", "result.txt"),
                FileAt.names(answer("AT+ULSTFILE=0", "+ULSTFILE: \"postdata.txt\",\"result.txt\"")));
        assertEquals(List.of("postdata.txt", "result.txt"),
                FileAt.names(answer("AT+ULSTFILE=0", "+ULSTFILE: \"postdata.txt\", \"result.txt\"")));
        assertEquals(List.of("a", "b"), FileAt.names(answer("AT+ULSTFILE=0", "+ULSTFILE: \"a\"", "+ULSTFILE: \"b\"")));
        assertEquals(List.of(), FileAt.names(answer("AT+ULSTFILE=0", "+ULSTFILE: ")));
        assertEquals(1024000L, FileAt.number(answer("AT+ULSTFILE=1", "+ULSTFILE: 1024000")));
        assertEquals(11L, FileAt.number(answer("AT+ULSTFILE=2,\"postdata.txt\"", "+ULSTFILE: 11")));
    }
}
