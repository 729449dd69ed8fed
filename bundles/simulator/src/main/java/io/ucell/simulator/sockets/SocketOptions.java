package io.ucell.simulator.sockets;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Socket;
import java.net.StandardSocketOptions;
import java.net.SocketOption;

/**
 * The +USOSO options of one socket (levels and numbers of the u-blox AT manual). Values are kept as set, so
 * +USOGO reads back exactly what +USOSO wrote, and applied to the host socket where the JDK has a matching
 * option. Not thread safe: guarded by the socket stack's lock.
 */
public final class SocketOptions {
    public static final int LEVEL_IP = 0;
    public static final int LEVEL_TCP = 6;
    public static final int LEVEL_SOCKET = 65535;

    public static final int IP_TOS = 1;
    public static final int IP_TTL = 2;
    public static final int TCP_NODELAY = 1;
    public static final int TCP_KEEPIDLE = 2;
    public static final int SO_REUSEADDR = 4;
    public static final int SO_KEEPALIVE = 8;
    public static final int SO_BROADCAST = 32;
    public static final int SO_LINGER = 128;

    int tos;
    int ttl = 64;
    boolean noDelay;
    /** Spec 5.4: the keepalive idle time defaults to 7200 s on both families. */
    long keepIdleMs = 7_200_000L;
    boolean reuseAddress;
    boolean keepAlive;
    boolean broadcast;
    boolean lingerOn;
    int lingerMs;

    /** Whether the option applies to this kind of socket: TCP level only on TCP, SO_BROADCAST only on UDP. */
    static boolean appliesTo(boolean tcp, int level, int option) {
        if (level == LEVEL_TCP) {
            return tcp;
        }
        return !(level == LEVEL_SOCKET && option == SO_BROADCAST) || !tcp;
    }

    /** Sets an option; false when the option or a value is out of range (nothing changed then). */
    boolean set(int level, int option, long value, Long value2) {
        switch (level * 1000 + option) {
            case LEVEL_IP * 1000 + IP_TOS:
                return in(value, 0, 255) && apply(() -> tos = (int) value);
            case LEVEL_IP * 1000 + IP_TTL:
                return in(value, 1, 255) && apply(() -> ttl = (int) value);
            case LEVEL_TCP * 1000 + TCP_NODELAY:
                return in(value, 0, 1) && apply(() -> noDelay = value == 1);
            case LEVEL_TCP * 1000 + TCP_KEEPIDLE:
                return in(value, 1, Integer.MAX_VALUE) && apply(() -> keepIdleMs = value);
            case LEVEL_SOCKET * 1000 + SO_REUSEADDR:
                return in(value, 0, 1) && apply(() -> reuseAddress = value == 1);
            case LEVEL_SOCKET * 1000 + SO_KEEPALIVE:
                return in(value, 0, 1) && apply(() -> keepAlive = value == 1);
            case LEVEL_SOCKET * 1000 + SO_BROADCAST:
                return in(value, 0, 1) && apply(() -> broadcast = value == 1);
            case LEVEL_SOCKET * 1000 + SO_LINGER:
                // A.1: <on>,<time> with the time a signed 16-bit number of milliseconds (0..32767)
                if (!in(value, 0, 1) || (value == 1 && value2 == null) || (value2 != null && !in(value2, 0, 32767))) {
                    return false;
                }
                lingerOn = value == 1;
                lingerMs = value2 == null ? 0 : value2.intValue();
                return true;
            default:
                return false;
        }
    }

    /** The +USOGO answer values ("1" or "1,500" for linger), or null for an unknown option. */
    String get(int level, int option) {
        switch (level * 1000 + option) {
            case LEVEL_IP * 1000 + IP_TOS:
                return Integer.toString(tos);
            case LEVEL_IP * 1000 + IP_TTL:
                return Integer.toString(ttl);
            case LEVEL_TCP * 1000 + TCP_NODELAY:
                return noDelay ? "1" : "0";
            case LEVEL_TCP * 1000 + TCP_KEEPIDLE:
                return Long.toString(keepIdleMs);
            case LEVEL_SOCKET * 1000 + SO_REUSEADDR:
                return reuseAddress ? "1" : "0";
            case LEVEL_SOCKET * 1000 + SO_KEEPALIVE:
                return keepAlive ? "1" : "0";
            case LEVEL_SOCKET * 1000 + SO_BROADCAST:
                return broadcast ? "1" : "0";
            case LEVEL_SOCKET * 1000 + SO_LINGER:
                return (lingerOn ? "1" : "0") + "," + lingerMs;
            default:
                return null;
        }
    }

    SocketOptions copy() {
        SocketOptions o = new SocketOptions();
        o.tos = tos;
        o.ttl = ttl;
        o.noDelay = noDelay;
        o.keepIdleMs = keepIdleMs;
        o.reuseAddress = reuseAddress;
        o.keepAlive = keepAlive;
        o.broadcast = broadcast;
        o.lingerOn = lingerOn;
        o.lingerMs = lingerMs;
        return o;
    }

    /** Applies what the JDK can express to a TCP host socket; best effort (an OS may refuse TOS). */
    void applyTo(Socket s) {
        quietly(() -> s.setTcpNoDelay(noDelay));
        quietly(() -> s.setKeepAlive(keepAlive));
        quietly(() -> s.setReuseAddress(reuseAddress));
        quietly(() -> s.setTrafficClass(tos));
        // found by name, not through jdk.net, so the bundle imports no JDK-internal package
        for (SocketOption<?> o : s.supportedOptions()) {
            if (o.name().equals("TCP_KEEPIDLE") && o.type() == Integer.class) {
                @SuppressWarnings("unchecked")
                SocketOption<Integer> idle = (SocketOption<Integer>) o;
                // the module counts milliseconds, the OS whole seconds
                int seconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (keepIdleMs + 999) / 1000));
                quietly(() -> s.setOption(idle, seconds));
            }
        }
    }

    void applyTo(DatagramSocket s) {
        quietly(() -> s.setBroadcast(broadcast));
        quietly(() -> s.setTrafficClass(tos));
        quietly(() -> s.setOption(StandardSocketOptions.IP_MULTICAST_TTL, ttl));
    }

    private interface IoAction {
        void run() throws IOException;
    }

    private static void quietly(IoAction a) {
        try {
            a.run();
        } catch (IOException | RuntimeException e) {
            // an option the host OS does not support changes nothing the AT interface can see
        }
    }

    private static boolean in(long v, long min, long max) {
        return v >= min && v <= max;
    }

    private static boolean apply(Runnable r) {
        r.run();
        return true;
    }
}
