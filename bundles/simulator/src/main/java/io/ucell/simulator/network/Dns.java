package io.ucell.simulator.network;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** The module's resolver: test overrides first, then the host's resolver (the simulated network is the host's). */
public final class Dns {
    private final RadioEnvironment env;

    public Dns(RadioEnvironment env) {
        this.env = env;
    }

    /** Name to address text, IPv6 only when the route is IPv6. */
    public String forward(String name, boolean ipv6) throws UnknownHostException {
        String o = env.dnsForward(name);
        if (o != null) {
            return o;
        }
        InetAddress[] all = InetAddress.getAllByName(name);
        for (InetAddress a : all) {
            if (ipv6 ? a instanceof Inet6Address : a instanceof Inet4Address) {
                return a.getHostAddress();
            }
        }
        throw new UnknownHostException(name + " has no " + (ipv6 ? "IPv6" : "IPv4") + " address");
    }

    /** Address text to name; fails when nothing better than the address itself is known. */
    public String reverse(String ip) throws UnknownHostException {
        String o = env.dnsReverse(ip);
        if (o != null) {
            return o;
        }
        InetAddress a = InetAddress.getByName(ip);
        String name = a.getCanonicalHostName();
        if (name == null || name.equals(a.getHostAddress()) || name.equals(ip)) {
            throw new UnknownHostException("no PTR record for " + ip);
        }
        return name;
    }
}
