package io.ucell.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.framing.PayloadRules;
import io.ucell.files.at.FileAt;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Answer parsing as the engine's framer delivers the lines, in both spellings the documents show. */
class FileAtTest {

    private static AtResponse frame(String wire) {
        List<AtLine> lines = AtFramer.linesOf(wire, PayloadRules.defaults());
        return new AtResponse("AT+URDFILE", lines, FinalResult.parse("OK"));
    }

    @Test
    void quotedAndUnquotedNamesAndRawBytes() {
        // the AT manual's form, with quotes, CR LF and commas inside the data
        String data = "a\"b\r\n,c";
        AtResponse r = frame("\r\n+URDFILE: \"x.bin\"," + data.length() + ",\"" + data + "\"\r\n");
        assertArrayEquals(data.getBytes(StandardCharsets.ISO_8859_1), FileAt.data(r, "+URDFILE"));
        // the app note's example (10.2): no quotes around the name
        r = frame("\r\n+URDFILE: result.txt,11,\"hello world\"\r\n");
        assertArrayEquals("hello world".getBytes(StandardCharsets.US_ASCII), FileAt.data(r, "+URDFILE"));
        r = frame("\r\n+URDBLOCK: \"x.bin\",0,\"\"\r\n");
        assertEquals(0, FileAt.data(r, "+URDBLOCK").length);
    }

    @Test
    void listingsAndNumbers() {
        assertEquals(List.of("a", "b c"), FileAt.names(frame("\r\n+ULSTFILE: \"a\",\"b c\"\r\n")));
        assertEquals(List.of(), FileAt.names(frame("\r\n+ULSTFILE: \r\n")));
        assertEquals(List.of(), FileAt.names(frame("")));
        assertEquals(List.of("a", "b"), FileAt.names(frame("\r\n+ULSTFILE: \"a\"\r\n\r\n+ULSTFILE: \"b\"\r\n")));
        assertEquals(1_048_576L, FileAt.number(frame("\r\n+ULSTFILE: 1048576\r\n")));
        assertThrows(IllegalArgumentException.class, () -> FileAt.number(frame("\r\n+ULSTFILE: x\r\n")));
    }
}
