package io.ucell.security.at;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtLine;
import io.ucell.security.CredentialType;
import io.ucell.security.StoredCredential;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Section 3's response lines and URCs, literally, through {@link SecurityAt}'s readers. */
class SecuritySpecLinesTest {

    static Stream<Arguments> importAnswers() {
        return Stream.of(
                // 3.1: import from a file (the spec's MD5 is cut by the page; any hex is taken as it stands)
                Arguments.of("+USECMNG: 1,0,\"ca_cert\",\"d10137cee624fcee624418db5eaa\"", "d10137cee624fcee624418db5eaa"),
                Arguments.of("+USECMNG: 1,1,\"client_cert\",\"b137ce137ce5edd6723d8b13\"", "b137ce137ce5edd6723d8b13"),
                Arguments.of("+USECMNG: 1,2,\"client_key\",\"7ab34c9aa03fbce5edd6723d8b8e05\"", "7ab34c9aa03fbce5edd6723d8b8e05"),
                // 3.3: stream import, answered with op 1 where 0 is meant
                Arguments.of("+USECMNG: 1,0,\"ThawteCA\",\"8ccadc0b22cef5be72ac411a11a8d812\"", "8ccadc0b22cef5be72ac411a11a8d812"),
                Arguments.of("+USECMNG: 0,0,\"ThawteCA\",\"8ccadc0b22cef5be72ac411a11a8d812\"", "8ccadc0b22cef5be72ac411a11a8d812"),
                // 7.12.1: upper case MD5
                Arguments.of("+USECMNG: 1,1,\"MQTTFlex_cert\",\"73A08D\"", "73a08d"),
                Arguments.of("+USECMNG: 1,2,\"MQTTFlex_key\",\"73A08D\"", "73a08d"),
                // spaces after the commas
                Arguments.of("+USECMNG: 1, 0, \"ca_cert\", \"d10137cee624\"", "d10137cee624"));
    }

    @ParameterizedTest
    @MethodSource("importAnswers")
    void md5OfImportAnswer(String line, String md5) {
        AtResponse r = new AtResponse("AT+USECMNG=1", List.of(AtLine.of(line)), FinalResult.parse("OK"));
        assertEquals(md5, SecurityAt.md5Of(r));
    }

    @org.junit.jupiter.api.Test
    void bareHashLineOf3_1() {
        // 3.1 prints the client key's import answer as the hash alone before OK
        AtResponse r = new AtResponse("AT+USECMNG=1,2,\"client_key\",\"client_key.key\"",
                List.of(AtLine.of("7ab34c9aa03fbce5edd6723d8b8e05")), FinalResult.parse("OK"));
        assertEquals("7ab34c9aa03fbce5edd6723d8b8e05", SecurityAt.md5Of(r));
        AtResponse none = new AtResponse("AT+USECMNG=4,0,\"x\"", List.of(), FinalResult.parse("OK"));
        org.junit.jupiter.api.Assertions.assertThrows(io.ucell.at.AtException.class, () -> SecurityAt.md5Of(none));
    }

    static Stream<Arguments> listLines() {
        return Stream.of(
                // 3.1
                Arguments.of("CA,\"ca_cert\",\"An MQTT broker\",\"2032/10/18 08:23:32\"",
                        new StoredCredential(CredentialType.CA_CERTIFICATE, "ca_cert", "An MQTT broker", "2032/10/18 08:23:32")),
                Arguments.of("CC,\"client_cert\",\"A client certificate\",\"2032/06/22 12:34:48\"",
                        new StoredCredential(CredentialType.CLIENT_CERTIFICATE, "client_cert", "A client certificate",
                                "2032/06/22 12:34:48")),
                Arguments.of("PK,\"client_key\"", new StoredCredential(CredentialType.PRIVATE_KEY, "client_key", "", "")),
                // 3.3: a space after the tag's comma, a date without time
                Arguments.of("CA, \"ThawteCA\",\"thawte Primary Root CA\",\"2036/07/17\"",
                        new StoredCredential(CredentialType.CA_CERTIFICATE, "ThawteCA", "thawte Primary Root CA", "2036/07/17")),
                // with the command's head
                Arguments.of("+USECMNG: CA,\"ca_cert\",\"An MQTT broker\",\"2032/10/18 08:23:32\"",
                        new StoredCredential(CredentialType.CA_CERTIFICATE, "ca_cert", "An MQTT broker", "2032/10/18 08:23:32")));
    }

    @ParameterizedTest
    @MethodSource("listLines")
    void listLine(String line, StoredCredential expected) {
        AtResponse r = new AtResponse("AT+USECMNG=3", List.of(AtLine.of(line)), FinalResult.parse("OK"));
        assertEquals(List.of(expected), SecurityAt.parseList(r));
    }

    static Stream<Arguments> sessionUrcs() {
        return Stream.of(
                // 3.4.1.1
                Arguments.of("+UUSECPRF: 2,13,1,0", new SecurityAt.SessionUrc(2, 1, List.of("0"))),
                Arguments.of("+UUSECPRF: 2,13,2,\"aWQ=\",\"c2VjcmV0\"", new SecurityAt.SessionUrc(2, 2, List.of("aWQ=", "c2VjcmV0"))),
                Arguments.of("+UUSECPRF: 2,13,2,aWQ=,c2VjcmV0", new SecurityAt.SessionUrc(2, 2, List.of("aWQ=", "c2VjcmV0"))),
                // 3.4.1.2
                Arguments.of("+UUSECPRF: 2,13,1,10", new SecurityAt.SessionUrc(2, 1, List.of("10"))),
                Arguments.of("+UUSECPRF: 2,13,12,\"ZW5jcnlwdGVk\",9", new SecurityAt.SessionUrc(2, 12, List.of("ZW5jcnlwdGVk", "9"))),
                Arguments.of("+UUSECPRF: 2, 13, 12, \"ZW5jcnlwdGVk\", 9",
                        new SecurityAt.SessionUrc(2, 12, List.of("ZW5jcnlwdGVk", "9"))));
    }

    @ParameterizedTest
    @MethodSource("sessionUrcs")
    void sessionUrc(String line, SecurityAt.SessionUrc expected) {
        assertEquals(expected, SecurityAt.SessionUrc.parse(AtLine.of(line)));
    }
}
