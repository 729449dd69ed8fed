package io.ucell.simulator.network;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Addresses the simulated network hands out: per cid, so the same context gets the same address again. */
public final class AddressPlan {
    private final long ipv4Base;
    private final String ipv6Prefix;

    public AddressPlan(String ipv4Base, String ipv6Prefix) {
        this.ipv4Base = parseV4(ipv4Base);
        this.ipv6Prefix = ipv6Prefix.endsWith(":") ? ipv6Prefix : ipv6Prefix + ":";
    }

    /** cid 1 gets the base address (the spec's 100.108.232.233), the other cids the following ones. */
    public String ipv4For(int cid) {
        long a = (ipv4Base + (cid == 0 ? 16 : cid - 1)) & 0xFFFFFFFFL;
        return ((a >> 24) & 0xFF) + "." + ((a >> 16) & 0xFF) + "." + ((a >> 8) & 0xFF) + "." + (a & 0xFF);
    }

    /** A /64 per cid under the prefix, interface identifier ::1 (the host part the network assigns by SLAAC). */
    public String ipv6For(int cid) {
        return compress(ipv6Prefix + Integer.toHexString(cid) + "::" + "1");
    }

    /** 3GPP dotted-decimal notation of an IPv6 address (+CGPIAF default), as +CGDCONT? prints it. */
    public static String dottedV6(String ipv6) {
        try {
            byte[] b = InetAddress.getByName(ipv6).getAddress();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < b.length; i++) {
                if (i > 0) {
                    sb.append('.');
                }
                sb.append(b[i] & 0xFF);
            }
            return sb.toString();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(ipv6, e);
        }
    }

    private static String compress(String v6) {
        try {
            String full = InetAddress.getByName(v6).getHostAddress();
            // Java prints the full form; shorten the longest zero run the RFC 5952 way
            String[] g = full.split(":");
            StringBuilder sb = new StringBuilder();
            int bestStart = -1;
            int bestLen = 0;
            for (int i = 0; i < g.length; ) {
                if (g[i].equals("0")) {
                    int j = i;
                    while (j < g.length && g[j].equals("0")) {
                        j++;
                    }
                    if (j - i > bestLen && j - i > 1) {
                        bestStart = i;
                        bestLen = j - i;
                    }
                    i = j;
                } else {
                    i++;
                }
            }
            for (int i = 0; i < g.length; i++) {
                if (i == bestStart) {
                    sb.append(i == 0 ? "::" : ":");
                    i += bestLen - 1;
                    continue;
                }
                sb.append(g[i]);
                if (i < g.length - 1) {
                    sb.append(':');
                }
            }
            return sb.toString();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bad IPv6 prefix: " + v6, e);
        }
    }

    private static long parseV4(String s) {
        String[] p = s.trim().split("\\.");
        if (p.length != 4) {
            throw new IllegalArgumentException("bad IPv4 base address: " + s);
        }
        long v = 0;
        for (String part : p) {
            int o = Integer.parseInt(part);
            if (o < 0 || o > 255) {
                throw new IllegalArgumentException("bad IPv4 base address: " + s);
            }
            v = (v << 8) | o;
        }
        return v;
    }
}
