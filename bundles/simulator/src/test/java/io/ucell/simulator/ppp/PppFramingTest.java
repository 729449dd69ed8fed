package io.ucell.simulator.ppp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 1662 framing and the IPv4/UDP checksums of the module's PPP side, on known values. */
class PppFramingTest {

    private static byte[] decode(byte[] wire) {
        Hdlc.Decoder d = new Hdlc.Decoder(1500);
        byte[] frame = null;
        for (byte b : wire) {
            byte[] f = d.feed(b & 0xFF);
            if (f != null) {
                frame = f;
            }
        }
        return frame;
    }

    @Test
    void fcs16HasTheX25CheckValue() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        assertEquals(0x906E, Hdlc.fcs(0xFFFF, check, 0, check.length) ^ 0xFFFF); // CRC-16/X-25
    }

    @Test
    void escapesFlagsEscapesAndTheControlCharactersOfTheMap() {
        byte[] frame = {(byte) 0xFF, 0x03, 0x00, 0x21, 0x7E, 0x7D, 0x11, 0x13, 0x41};
        byte[] all = Hdlc.encode(frame, Hdlc.DEFAULT_ACCM);
        for (int i = 1; i < all.length - 1; i++) {
            assertTrue(all[i] != 0x7E && (all[i] & 0xFF) >= 0x20, "byte " + i + " escaped");
        }
        byte[] none = Hdlc.encode(frame, 0);
        assertTrue(new String(none, StandardCharsets.ISO_8859_1).contains("\u0011\u0013"), "ACCM 0: XON/XOFF as they are");
        assertArrayEquals(frame, decode(all));
        assertArrayEquals(frame, decode(none));
    }

    @Test
    void aFrameWithABadFcsIsDropped() {
        byte[] wire = Hdlc.encode(new byte[] {(byte) 0xFF, 0x03, (byte) 0xC0, 0x21, 9, 1, 0, 8, 1, 2, 3, 4}, 0);
        wire[6] ^= 0x01;
        assertNull(decode(wire));
    }

    @Test
    void udpChecksumVerifiesToZero() throws Exception {
        var src = (java.net.Inet4Address) InetAddress.getByName("127.0.0.1");
        var dst = (java.net.Inet4Address) InetAddress.getByName("192.168.201.1");
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        byte[] packet = Ipv4.udp(src, 7, dst, 40_000, data, data.length);
        Ipv4.Packet p = Ipv4.Packet.parse(packet);
        assertEquals(Ipv4.UDP, p.protocol());
        assertEquals(src, p.source());
        assertEquals(0, Ipv4.transportChecksum(src, dst, Ipv4.UDP, p.payload()));
        assertEquals(0, Ipv4.checksum(packet, 0, 20));
    }
}
