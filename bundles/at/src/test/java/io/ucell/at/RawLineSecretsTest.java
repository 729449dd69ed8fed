package io.ucell.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A line typed at the console keeps its secrets out of the trace, as the clients' own commands do. */
class RawLineSecretsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AT+UMQTT=4,\"user\",\"s3cret\"                 | AT+UMQTT=4,\"user\",\"****\"",
        "at+umqtt=4,\"user\",\"s3cret\"                 | at+umqtt=4,\"user\",\"****\"",
        "AT+UMQTT=3,\"broker.example\",1883             | AT+UMQTT=3,\"broker.example\",1883",
        "AT+UHTTP=0,3,\"pa,ss\"                         | AT+UHTTP=0,3,\"****\"",
        "AT+UHTTP=0,2,\"user\"                          | AT+UHTTP=0,2,\"user\"",
        "AT+UFTP=3,\"ftp-pw\"                           | AT+UFTP=3,\"****\"",
        "AT+UPSD=0,3,\"apn-pw\"                         | AT+UPSD=0,3,\"****\"",
        "AT+USECPRF=0,8,\"psk-value\",1                 | AT+USECPRF=0,8,\"****\",1",
        "AT+USECPRF=0,7,\"keypw\"                       | AT+USECPRF=0,7,\"****\"",
        "AT+USECPRF=0,13,2,\"id\",\"master\"            | AT+USECPRF=0,13,2,\"****\",\"****\"",
        "AT+USECPRF=0,13,12,\"blob\",48                 | AT+USECPRF=0,13,12,\"****\",****",
        "AT+USECPRF=0,4,\"ca\"                          | AT+USECPRF=0,4,\"ca\"",
        "AT+USECMNG=0,2,\"key\",1200,\"kp\"             | AT+USECMNG=0,2,\"key\",1200,\"****\"",
        "AT+UAUTHREQ=1,1,\"user\",\"dial-pw\"           | AT+UAUTHREQ=1,1,\"user\",\"****\"",
        "AT+CGAUTH=1,2,\"user\",pw                      | AT+CGAUTH=1,2,\"user\",****",
        "AT+UMQTT?                                      | AT+UMQTT?",
        "ATI                                            | ATI",
    })
    void secretsAreMaskedInTheTrace(String typed, String traced) {
        AtCommand c = AtCommand.raw(typed.strip());
        assertEquals(traced.strip(), c.traceText());
        assertEquals(typed.strip(), c.text(), "what is sent is what was typed");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"AT+UMQTT=4,\"u\",\"topsecret\"", "AT+UAUTHREQ=1,1,\"u\",\"topsecret\""})
    void theSecretAppearsNowhereInTheTrace(String typed) {
        assertFalse(AtCommand.raw(typed).traceText().contains("topsecret"));
    }
}
