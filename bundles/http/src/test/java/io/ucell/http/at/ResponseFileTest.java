package io.ucell.http.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.at.framing.AtLine;
import io.ucell.http.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The module's response file (section 10.2) and +UHTTPER (10.3). */
class ResponseFileTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theAppNotesExample() {
        String file = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nDate: Tue, 15 Jan 2013 16:06:11 GMT\r\n"
                + "Server: gunicorn/0.16.1\r\nContent-Length: 20\r\nConnection: Close\r\n\r\n{ \"data\": \"hello\" }\n";
        HttpResponse r = ResponseFile.parse(bytes(file));
        assertEquals("HTTP/1.1", r.version());
        assertEquals(200, r.statusCode());
        assertEquals("OK", r.reason());
        assertEquals("application/json", r.contentType().orElseThrow());
        assertEquals("Close", r.header("connection").orElseThrow());
        assertEquals("{ \"data\": \"hello\" }\n", r.bodyText());
    }

    @Test
    void binaryBodyWithBlankLinesInside() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes("HTTP/1.1 404 Not Found\r\nX-A: 1\r\nX-A: 2\r\n\r\n"));
        byte[] body = new byte[256];
        for (int i = 0; i < 256; i++) {
            body[i] = (byte) i;
        }
        out.writeBytes(bytes("\r\n\r\n"));
        out.writeBytes(body);
        HttpResponse r = ResponseFile.parse(out.toByteArray());
        assertEquals(404, r.statusCode());
        assertEquals("Not Found", r.reason());
        assertEquals(List.of("1", "2"), r.headers().get("x-a"));
        assertEquals(260, r.body().length);
        assertArrayEquals(body, java.util.Arrays.copyOfRange(r.body(), 4, 260));
    }

    @Test
    void bareLineFeedsFoldedHeadersAndHeadAnswers() {
        HttpResponse r = ResponseFile.parse(bytes("HTTP/1.0 200 OK\nX-Long: part one\n  part two\n\nbody"));
        assertEquals("part one part two", r.header("X-Long").orElseThrow());
        assertEquals("body", r.bodyText());
        HttpResponse head = ResponseFile.parse(bytes("HTTP/1.1 204 No Content\r\nServer: x\r\n"));
        assertEquals(204, head.statusCode());
        assertEquals("x", head.header("server").orElseThrow());
        assertEquals(0, head.body().length);
        HttpResponse noReason = ResponseFile.parse(bytes("HTTP/1.1 299\r\n\r\n"));
        assertEquals(299, noReason.statusCode());
        assertEquals("", noReason.reason());
    }

    @Test
    void notAResponse() {
        assertThrows(IllegalArgumentException.class, () -> ResponseFile.parse(bytes("hello\r\n\r\n")));
        assertThrows(IllegalArgumentException.class, () -> ResponseFile.parse(bytes("HTTP/1.1 abc\r\n\r\n")));
        assertThrows(IllegalArgumentException.class, () -> ResponseFile.parse(new byte[0]));
    }

    @Test
    void uhttperDecoded() {
        assertEquals(List.of(3, 73), toList(HttpErrors.parse(AtLine.of("+UHTTPER: 0,3,73"))));
        // the app note's 10.3 example answers with a +UFTPER prefix and "1,0,0": still class 0, code 0
        assertEquals(List.of(0, 0), toList(HttpErrors.parse(AtLine.of("+UFTPER: 1,0,0"))));
        assertEquals("no error reported", HttpErrors.describe(0, 0));
        assertEquals("secure socket connect error (+UHTTPER 3,73)", HttpErrors.describe(3, 73));
        assertEquals("HTTP error (+UHTTPER 7,7)", HttpErrors.describe(7, 7));
    }

    private static List<Integer> toList(int[] a) {
        return List.of(a[0], a[1]);
    }
}
