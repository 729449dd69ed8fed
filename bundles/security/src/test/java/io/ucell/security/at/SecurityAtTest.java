package io.ucell.security.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.FinalResult;
import io.ucell.at.framing.AtLine;
import io.ucell.security.CredentialType;
import io.ucell.security.StoredCredential;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.security.profile.ProfileWriter;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Command texts of section 3 and lenient reading of the answers (every form the spec shows). */
class SecurityAtTest {

    @Test
    void everyOpCodeOfAProfileInTheSpecsOrder() {
        ProfileSettings s = new ProfileSettings(2, List.of(), 3, 3,
                "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "ca", "", "host.test", "cc",
                "", "ck", "", "key-pass", "00FF", true, "id-1", false, "sni.test", "pin", "", true, 0);
        List<AtCommand> cmds = ProfileWriter.commands(s);
        List<String> text = cmds.stream().map(AtCommand::text).collect(Collectors.toList());
        assertEquals(List.of("AT+USECPRF=2", "AT+USECPRF=2,0,3", "AT+USECPRF=2,1,3",
                "AT+USECPRF=2,2,100,\"C0\",\"2F\",0", "AT+USECPRF=2,2,100,\"C0\",\"30\",0", "AT+USECPRF=2,3,\"ca\"",
                "AT+USECPRF=2,4,\"host.test\"", "AT+USECPRF=2,5,\"cc\"", "AT+USECPRF=2,6,\"ck\"",
                "AT+USECPRF=2,7,\"key-pass\"", "AT+USECPRF=2,8,\"00FF\",1", "AT+USECPRF=2,9,\"id-1\"",
                "AT+USECPRF=2,10,\"sni.test\"", "AT+USECPRF=2,12,\"pin\""), text);
        String traces = cmds.stream().map(AtCommand::traceText).collect(Collectors.joining("\n"));
        assertFalse(traces.contains("key-pass"));
        assertFalse(traces.contains("00FF"));
        assertEquals(List.of("AT+USECPRF=2,13,0,1", "AT+USECPRF=2,13,1,0"),
                ProfileWriter.sessionCommands(s).stream().map(AtCommand::text).collect(Collectors.toList()));
        AtCommand data = ProfileWriter.sessionData(2, 2, List.of("c2Vzc2lvbg==", "c2VjcmV0"));
        assertEquals("AT+USECPRF=2,13,2,\"c2Vzc2lvbg==\",\"c2VjcmV0\"", data.text());
        assertFalse(data.traceText().contains("c2VjcmV0"));
        // one IANA suite, and a legacy number
        ProfileSettings one = new ProfileSettings(0, List.of(), 0, 0, "TLS_AES_128_GCM_SHA256", "", "", "", "", "",
                "", "", "", "", false, "", false, "", "", "", false, 0);
        assertEquals("AT+USECPRF=0,2,99,\"13\",\"01\"", ProfileWriter.commands(one).get(2).text());
        ProfileSettings legacy = new ProfileSettings(0, List.of(), 0, 0, "32", "", "", "", "", "", "", "", "", "",
                false, "", false, "", "", "", false, 0);
        assertEquals("AT+USECPRF=0,2,32", ProfileWriter.commands(legacy).get(2).text());
        assertTrue(ProfileWriter.sessionCommands(legacy).isEmpty());
    }

    @Test
    void answersAreReadInEveryFormTheSpecShows() {
        AtResponse list = new AtResponse("AT+USECMNG=3", List.of(
                AtLine.of("CA,\"ca_cert\",\"An MQTT broker\",\"2032/10/18 08:23:32\""),
                AtLine.of("+USECMNG: CC,\"client_cert\",\"A client certificate\",\"2032/06/22 12:34:48\""),
                AtLine.of("PK,\"client_key\"")), FinalResult.parse("OK"));
        List<StoredCredential> items = SecurityAt.parseList(list);
        assertEquals(List.of(new StoredCredential(CredentialType.CA_CERTIFICATE, "ca_cert", "An MQTT broker",
                        "2032/10/18 08:23:32"),
                new StoredCredential(CredentialType.CLIENT_CERTIFICATE, "client_cert", "A client certificate",
                        "2032/06/22 12:34:48"),
                new StoredCredential(CredentialType.PRIVATE_KEY, "client_key", "", "")), items);
        // the spec's stream import example answers "+USECMNG: 1,0,..." where "0,0" is meant; either is read
        for (String line : List.of("+USECMNG: 0,0,\"ThawteCA\",\"8CCADC0B22CEF5BE72AC411A11A8D812\"",
                "+USECMNG: 1,0,\"ThawteCA\",\"8ccadc0b22cef5be72ac411a11a8d812\"")) {
            AtResponse r = new AtResponse("AT+USECMNG=0", List.of(AtLine.of(line)), FinalResult.parse("OK"));
            assertEquals("8ccadc0b22cef5be72ac411a11a8d812", SecurityAt.md5Of(r));
        }
        SecurityAt.SessionUrc quoted = SecurityAt.SessionUrc.parse(AtLine.of("+UUSECPRF: 1,13,2,\"aWQ=\",\"c2Vj\""));
        SecurityAt.SessionUrc bare = SecurityAt.SessionUrc.parse(AtLine.of("+UUSECPRF: 1,13,2,aWQ=,c2Vj"));
        assertEquals(quoted, bare);
        assertEquals(List.of("aWQ=", "c2Vj"), bare.values());
        assertEquals(12, SecurityAt.SessionUrc.parse(AtLine.of("+UUSECPRF: 0,13,12,\"ZW5j\",4")).sub());
        assertNull(SecurityAt.SessionUrc.parse(AtLine.of("+UUSECPRF: 0,7,1,1")));
    }
}
