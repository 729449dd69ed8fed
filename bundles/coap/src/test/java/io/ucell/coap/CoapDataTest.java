package io.ucell.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.framing.AtLine;
import io.ucell.coap.at.CoapData;
import io.ucell.coap.at.CoapErrors;
import org.junit.jupiter.api.Test;

/** Every reading of +UCOAPCD and +UCOAPER the app note allows. */
class CoapDataTest {

    private static CoapData parse(String s) {
        return CoapData.parse(AtLine.of(s));
    }

    @Test
    void classAndDetail() {
        CoapData d = parse("+UCOAPCD: 2,5,\"776F726C64\",0");
        assertEquals(2, d.codeClass());
        assertEquals(5, d.codeDetail());
        assertArrayEquals("world".getBytes(), d.payload());
        assertFalse(d.more());
        assertTrue(parse("+UCOAPCD: 2,5,\"00ff\",1").more());
    }

    @Test
    void theSpecExamplesAsPrinted() {
        // section 8.3.1 and 8.4.2: "2,0" and "4,0"
        assertEquals(2, parse("+UCOAPCD: 2,0,\"776F726C64\",0").codeClass());
        CoapData err = parse("+UCOAPCD: 4,0,\"4572726F7220342E3035\",0");
        assertEquals(4, err.codeClass());
        assertEquals(0, err.codeDetail());
    }

    @Test
    void secondFieldAsContentFormat() {
        CoapData d = parse("+UCOAPCD: 2,50,\"7B7D\",0");
        assertEquals(2, d.codeClass());
        assertEquals(50, d.contentFormat());
        assertArrayEquals("{}".getBytes(), d.payload());
    }

    @Test
    void threeAndTwoFieldForms() {
        CoapData dotted = parse("+UCOAPCD: \"2.05\",\"4869\",1");
        assertEquals(2, dotted.codeClass());
        assertEquals(5, dotted.codeDetail());
        assertTrue(dotted.more());
        CoapData decimal = parse("+UCOAPCD: 404,\"\",0");
        assertEquals(4, decimal.codeClass());
        assertEquals(4, decimal.codeDetail());
        CoapData raw = parse("+UCOAPCD: 69,\"4869\"");
        assertEquals(2, raw.codeClass());
        assertEquals(5, raw.codeDetail());
        CoapData raw404 = parse("+UCOAPCD: 132,\"\",0");
        assertEquals(4, raw404.codeClass());
        assertEquals(4, raw404.codeDetail());
        CoapData raw500 = parse("+UCOAPCD: 160,\"\",0");
        assertEquals(5, raw500.codeClass());
        assertEquals(0, raw500.codeDetail());
        assertArrayEquals(new byte[] {(byte) 0xAB}, parse("+UCOAPCD: 2,5,ab,0").payload());
    }

    @Test
    void brokenLinesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> parse("+UCOAPCD: 2"));
        assertThrows(IllegalArgumentException.class, () -> parse("+UCOAPCD: 2,5,\"ABC\",0"));
        assertThrows(IllegalArgumentException.class, () -> parse("+UCOAPCD: 2,5,\"ZZ\",0"));
    }

    @Test
    void errors() {
        assertArrayEquals(new int[] {15, 17}, CoapErrors.parse(AtLine.of("+UCOAPER: 15,17")));
        assertArrayEquals(new int[] {15, 17}, CoapErrors.parse(AtLine.of("+UCOAPER: 0,15,17")));
        assertTrue(CoapErrors.describe(15, 17).contains("current profile invalid"));
        assertTrue(CoapErrors.describe(3, 99).contains("3,99"));
    }
}
