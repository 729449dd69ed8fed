package io.ucell.simulator.ppp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** The few IPv4, UDP and ICMP header fields the gateway reads and writes (RFC 791, 768, 792), with checksums. */
final class Ipv4 {
    static final int ICMP = 1;
    static final int TCP = 6;
    static final int UDP = 17;

    private Ipv4() {
    }

    /** A received IPv4 packet's header fields and payload; null when it is not a sound IPv4 packet. */
    record Packet(int protocol, Inet4Address source, Inet4Address destination, int ttl, byte[] payload) {
        static Packet parse(byte[] p) {
            if (p.length < 20 || (p[0] & 0xF0) != 0x40) {
                return null;
            }
            int ihl = (p[0] & 0x0F) * 4;
            int total = u16(p, 2);
            if (ihl < 20 || total < ihl || total > p.length || checksum(p, 0, ihl) != 0) {
                return null;
            }
            int flagsFragment = u16(p, 6);
            if ((flagsFragment & 0x3FFF) != 0) {
                return null; // fragments are not reassembled (the link's MRU keeps the DTE from sending any)
            }
            return new Packet(p[9] & 0xFF, address(p, 12), address(p, 16), p[8] & 0xFF,
                    Arrays.copyOfRange(p, ihl, total));
        }
    }

    static int u16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static void put16(byte[] b, int off, int v) {
        b[off] = (byte) (v >>> 8);
        b[off + 1] = (byte) v;
    }

    static Inet4Address address(byte[] b, int off) {
        try {
            return (Inet4Address) InetAddress.getByAddress(Arrays.copyOfRange(b, off, off + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Internet checksum (ones' complement of the ones' complement sum); 0 over data that holds its checksum. */
    static int checksum(byte[] b, int off, int len) {
        return ~sum(0, b, off, len) & 0xFFFF;
    }

    private static int sum(int acc, byte[] b, int off, int len) {
        long s = acc;
        for (int i = 0; i + 1 < len; i += 2) {
            s += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        if ((len & 1) != 0) {
            s += (b[off + len - 1] & 0xFF) << 8;
        }
        while ((s >>> 16) != 0) {
            s = (s & 0xFFFF) + (s >>> 16);
        }
        return (int) s;
    }

    /** Checksum of a UDP or TCP segment with the pseudo header (RFC 768, 793). */
    static int transportChecksum(Inet4Address src, Inet4Address dst, int protocol, byte[] segment) {
        byte[] pseudo = new byte[12];
        System.arraycopy(src.getAddress(), 0, pseudo, 0, 4);
        System.arraycopy(dst.getAddress(), 0, pseudo, 4, 4);
        pseudo[9] = (byte) protocol;
        put16(pseudo, 10, segment.length);
        int s = sum(0, pseudo, 0, 12);
        s = sum(s, segment, 0, segment.length);
        return ~s & 0xFFFF;
    }

    private static int ids;

    /** A whole IPv4 packet: 20-byte header (DF clear, TTL as given) and the payload. */
    static synchronized byte[] build(int protocol, Inet4Address src, Inet4Address dst, int ttl, byte[] payload) {
        byte[] p = new byte[20 + payload.length];
        p[0] = 0x45;
        put16(p, 2, p.length);
        put16(p, 4, ++ids & 0xFFFF);
        p[8] = (byte) ttl;
        p[9] = (byte) protocol;
        System.arraycopy(src.getAddress(), 0, p, 12, 4);
        System.arraycopy(dst.getAddress(), 0, p, 16, 4);
        put16(p, 10, checksum(p, 0, 20));
        System.arraycopy(payload, 0, p, 20, payload.length);
        return p;
    }

    /** A UDP datagram in an IPv4 packet, checksums included. */
    static byte[] udp(Inet4Address src, int srcPort, Inet4Address dst, int dstPort, byte[] data, int len) {
        byte[] seg = new byte[8 + len];
        put16(seg, 0, srcPort);
        put16(seg, 2, dstPort);
        put16(seg, 4, seg.length);
        System.arraycopy(data, 0, seg, 8, len);
        int c = transportChecksum(src, dst, UDP, seg);
        put16(seg, 6, c == 0 ? 0xFFFF : c);
        return build(UDP, src, dst, 64, seg);
    }
}
