package io.ucell.at;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AtQuotingTest {

    @Test
    void quotesPlainStrings() {
        assertEquals("\"internet\"", AtQuoting.quote("internet"));
        assertEquals("\"a,b;c\\d\"", AtQuoting.quote("a,b;c\\d"));
        assertEquals("\"\"", AtQuoting.quote(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"apn\"", "apn\r", "apn\nAT+CFUN=16", "a\u0000b", "tab\there", "del\u007F", "x\u001A"})
    void refusesWhatTheModuleCannotTake(String value) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AtQuoting.quote(value));
        assertTrue(e.getMessage().contains("string parameter"), e.getMessage());
        assertFalse(AtQuoting.isQuotable(value));
    }

    @Test
    void refusesNull() {
        assertThrows(IllegalArgumentException.class, () -> AtQuoting.quote(null));
    }

    @Test
    void utf8IsCarriedByteForByte() {
        // "é" is C3 A9 in UTF-8: two wire characters
        assertEquals("\"\u00C3\u00A9\"", AtQuoting.quote("é"));
    }

    @Test
    void injectionNeverReachesTheCommandText() {
        assertThrows(IllegalArgumentException.class,
                () -> AtCommand.set("+CGDCONT").param(1).param("IP").param("apn\"\r\nAT+CFUN=16\r"));
    }

    @Test
    void builderFormatsAndMasks() {
        AtCommand c = AtCommand.set("+UPSD").param(0).param(3).secret("s3cret").build();
        assertEquals("AT+UPSD=0,3,\"s3cret\"", c.text());
        assertEquals("AT+UPSD=0,3,\"****\"", c.traceText());
        assertFalse(c.toString().contains("s3cret"));
        assertEquals("AT+UMNOPROF?", AtCommand.read("+UMNOPROF").build().text());
        assertEquals("AT+CGDCONT=?", AtCommand.test("+CGDCONT").build().text());
        assertEquals("ATI9", AtCommand.basic("I9").build().text());
        assertEquals("AT+X=1,,3", AtCommand.set("+X").param(1).empty().param(3).build().text());
        assertEquals("AT+USOST=0,\"0A00FF\"", AtCommand.set("+USOST").param(0).hex(new byte[] {10, 0, -1}).build().text());
        assertEquals(Duration.ofSeconds(3), AtCommand.action("+CGSN").timeout(Duration.ofSeconds(3)).build().timeout());
    }

    @Test
    void refusesBadNamesAndRawLines() {
        assertThrows(IllegalArgumentException.class, () -> AtCommand.set("+CSQ;+CFUN=16"));
        assertThrows(IllegalArgumentException.class, () -> AtCommand.set("CSQ"));
        assertThrows(IllegalArgumentException.class, () -> AtCommand.raw("AT+CSQ\rAT+CFUN=16"));
        assertThrows(IllegalArgumentException.class, () -> AtCommand.raw("+CSQ"));
        assertEquals(java.util.List.of("+CSQ"), AtCommand.raw("at+csq").responsePrefixes());
    }

    @Test
    void dialStringsAreCheckedToo() {
        AtCommand c = AtCommand.dial("*99***2#").expectConnect().build();
        assertEquals("ATD*99***2#", c.text());
        assertTrue(c.expectsConnect());
        assertEquals("D", c.name());
        for (String bad : new String[] {"*99#;+CFUN=16", "*99\r", "", "*99#\"", "T*99#"}) {
            assertThrows(IllegalArgumentException.class, () -> AtCommand.dial(bad), bad);
        }
    }
}
