package io.ucell.ftp.at;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtFramer;
import io.ucell.at.framing.AtLine;
import io.ucell.at.framing.PayloadRules;
import io.ucell.ftp.FtpServerException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 9's URCs and answers, literally, through the framer and {@link FtpAt} / {@link FtpErrors}. */
class FtpSpecLinesTest {

    static AtLine framed(String line) {
        List<AtLine> lines = AtFramer.linesOf("\r\n" + line + "\r\n", PayloadRules.defaults());
        assertEquals(1, lines.size(), "one line: " + lines);
        return lines.get(0);
    }

    static Stream<Arguments> results() {
        return Stream.of(
                Arguments.of("+UUFTPCR: 1,1", 1, 1), // 9 login
                Arguments.of("+UUFTPCR: 13,1", 13, 1), // list
                Arguments.of("+UUFTPCR: 10,1", 10, 1), // mkdir
                Arguments.of("+UUFTPCR: 8,1", 8, 1), // cd
                Arguments.of("+UUFTPCR: 5,1", 5, 1), // upload from the module's file
                Arguments.of("+UUFTPCR: 4,1", 4, 1), // download to the module's file
                Arguments.of("+UUFTPCR: 0,1", 0, 1), // logout
                Arguments.of("+UUFTPCR: 6,1", 6, 1), // 9.1.1 direct retrieve, after +++
                Arguments.of("+UUFTPCR: 6,0", 6, 0), // 9.1.2 aborted
                Arguments.of("+UUFTPCR: 7,1", 7, 1), // 9.1.3 direct store
                Arguments.of("+UUFTPCR: 1,0", 1, 0), // 9.2, 9.3 failed login
                Arguments.of("+UUFTPCR: 1, 1", 1, 1));
    }

    @ParameterizedTest
    @MethodSource("results")
    void uuftpcr(String line, int op, int result) {
        assertArrayEquals(new int[] {op, result}, FtpAt.result(framed(line)));
    }

    @Test
    void listingData() {
        // 9: the listings, CR LF between entries, counted
        String list = "-rw-r--r-- 1 ftp ftp 1037 Aug 5 09:45 dat_000\r\n-rw-r--r-- 1 ftp ftp 21041 Aug 5 09:12 data.zip\r\n"
                + "drwxr-xr-x 2 ftp ftp 4096 Aug 5 09:48 uploads\r\n-rw-r--r-- 1 ftp ftp 12 Aug 5 09:42 xlog.zip\r\n";
        AtLine l = framed("+UUFTPCD: 13," + list.length() + ",\"" + list + "\"");
        assertEquals(List.of("-rw-r--r-- 1 ftp ftp 1037 Aug 5 09:45 dat_000", "-rw-r--r-- 1 ftp ftp 21041 Aug 5 09:12 data.zip",
                "drwxr-xr-x 2 ftp ftp 4096 Aug 5 09:48 uploads", "-rw-r--r-- 1 ftp ftp 12 Aug 5 09:42 xlog.zip"),
                FtpAt.lines(FtpAt.data(l)));
        String one = "-rw-r--r-- 1 ftp ftp 176673 Aug 5 10:03 gps_positions\r\n";
        assertEquals(List.of("-rw-r--r-- 1 ftp ftp 176673 Aug 5 10:03 gps_positions"),
                FtpAt.lines(FtpAt.data(framed("+UUFTPCD: 13," + one.length() + ", \"" + one + "\""))));
        assertNull(FtpAt.result(framed("+UUFTPCD: 13,0,\"\"")));
    }

    static Stream<Arguments> errors() {
        return Stream.of(
                Arguments.of("+UFTPER: 8,63", 8, 63, "cannot set secure socket"), // 9.2
                Arguments.of("+UFTPER: 1,1", 1, 1, "user missing"), // 9.3
                Arguments.of("+UFTPER: 1, 550", 1, 550, "the server answered 550"));
    }

    @ParameterizedTest
    @MethodSource("errors")
    void uftper(String line, int cls, int code, String text) {
        AtResponse r = new AtResponse("AT+UFTPER", List.of(framed(line)), FinalResult.parse("OK"));
        assertArrayEquals(new int[] {cls, code}, FtpErrors.parse(r));
        assertEquals(true, FtpErrors.describe(cls, code).startsWith(text), FtpErrors.describe(cls, code));
        if (code >= 100) {
            assertInstanceOf(FtpServerException.class, FtpErrors.toException("get", cls, code));
        }
    }
}
