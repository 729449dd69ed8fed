package io.ucell.simulator.ppp;

import io.ucell.simulator.network.Dns;
import java.io.ByteArrayOutputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * The network's DNS servers that IPCP hands out (options 129/131): queries the DTE sends to them on UDP port 53 are
 * answered with the module's resolver ({@code setDnsOverride}, then the host's), as the operator's servers would.
 * A records only (RFC 1035); other types get an empty answer, unknown names NXDOMAIN, malformed queries FORMERR.
 */
final class DnsAnswers {
    private static final int TYPE_A = 1;
    private static final int CLASS_IN = 1;

    private DnsAnswers() {
    }

    /** The response message to {@code query}, or null when it is not worth an answer (a response, too short). */
    static byte[] answer(byte[] query, Dns dns) {
        if (query.length < 12 || (query[2] & 0x80) != 0) {
            return null;
        }
        int qdcount = Ipv4.u16(query, 4);
        int i = 12;
        StringBuilder name = new StringBuilder();
        while (qdcount == 1 && i < query.length && query[i] != 0) {
            int len = query[i] & 0xFF;
            if (len > 63 || i + 1 + len >= query.length) {
                return error(query, 1);
            }
            if (name.length() > 0) {
                name.append('.');
            }
            name.append(new String(query, i + 1, len, java.nio.charset.StandardCharsets.ISO_8859_1));
            i += 1 + len;
        }
        if (qdcount != 1 || i + 5 > query.length) {
            return error(query, 1);
        }
        int questionEnd = i + 5;
        int type = Ipv4.u16(query, i + 1);
        int cls = Ipv4.u16(query, i + 3);
        byte[] address = null;
        int rcode = 0;
        if (cls == CLASS_IN && type == TYPE_A) {
            try {
                InetAddress a = InetAddress.getByName(dns.forward(name.toString(), false));
                if (a instanceof Inet4Address) {
                    address = a.getAddress();
                }
            } catch (UnknownHostException e) {
                rcode = 3; // NXDOMAIN
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] header = Arrays.copyOf(query, 12);
        header[2] = (byte) (0x80 | (query[2] & 0x79)); // QR, the query's opcode and RD
        header[3] = (byte) (0x80 | rcode); // RA
        Ipv4.put16(header, 6, address == null ? 0 : 1);
        Ipv4.put16(header, 8, 0);
        Ipv4.put16(header, 10, 0);
        out.writeBytes(header);
        out.write(query, 12, questionEnd - 12);
        if (address != null) {
            out.writeBytes(new byte[] {(byte) 0xC0, 12, 0, TYPE_A, 0, CLASS_IN, 0, 0, 0, 60, 0, 4});
            out.writeBytes(address);
        }
        return out.toByteArray();
    }

    private static byte[] error(byte[] query, int rcode) {
        byte[] r = Arrays.copyOf(query, 12);
        r[2] = (byte) (0x80 | (query[2] & 0x79));
        r[3] = (byte) (0x80 | rcode);
        for (int i = 4; i < 12; i++) {
            r[i] = 0;
        }
        return r;
    }
}
