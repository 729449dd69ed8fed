package io.ucell.simulator.commands;

import io.ucell.simulator.network.Network;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** +UPING and +UDNSRN (section 2.4), served by the host's network through the module's internal context. */
final class IpCommands {
    /** +UUPINGER codes (chosen by the simulator; the spec does not list them). */
    static final int PING_ERR_DNS = 8;
    static final int PING_ERR_NO_PDP = 11;
    static final int PING_ERR_IPV6 = 17;

    private IpCommands() {
    }

    static void register(CommandRegistry r) {
        r.register("+UPING", IpCommands::uping);
        r.register("+UDNSRN", IpCommands::udnsrn);
    }

    private static Response uping(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UPING: \"remote_host\",(1-64),(4-1460),(10-60000),(1-255),(0-1)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        String host = c.strParam(0);
        if (host.isEmpty() || host.length() > 255) {
            return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
        int retries = c.optInt(1, 4, 1, 64);
        int size = c.optInt(2, 32, 4, 1460);
        int timeout = c.optInt(3, 5000, 10, 60000);
        int ttl = c.optInt(4, 32, 1, 255);
        Network net = m.network();
        Network.InternalRoute route = net.internalRoute();
        if (route == null) {
            return Response.ok().urcAfter("+UUPINGER: " + PING_ERR_NO_PDP);
        }
        if (route.ipv6()) {
            // "The +UPING command is not supported in context using the IPv6 protocol type" (2.4.1)
            return Response.ok().urcAfter("+UUPINGER: " + PING_ERR_IPV6);
        }
        // OK now, echoes later: the interface is free while the pings run
        return Response.ok().thenRun(() -> m.background().execute(() -> runPing(m, net, host, retries, size, timeout, ttl)));
    }

    private static void runPing(ModuleContext m, Network net, String host, int retries, int size, int timeout, int ttl) {
        InetAddress target;
        try {
            target = InetAddress.getByName(m.dns().forward(host, false));
        } catch (UnknownHostException e) {
            emitIfSameBoot(m, net, "+UUPINGER: " + PING_ERR_DNS);
            return;
        }
        for (int i = 1; i <= retries; i++) {
            if (m.network() != net || net.internalRoute() == null) {
                emitIfSameBoot(m, net, "+UUPINGER: " + PING_ERR_NO_PDP);
                return;
            }
            var echo = m.hostPing().ping(target, size, timeout, ttl);
            emitIfSameBoot(m, net, "+UUPING: " + i + "," + size + ",\"" + host + "\",\"" + target.getHostAddress() + "\","
                    + echo.ttl() + "," + echo.rttMs());
        }
    }

    private static void emitIfSameBoot(ModuleContext m, Network net, String urc) {
        // a reboot forgets running pings
        if (m.network() == net) {
            m.emitUrc(urc);
        }
    }

    private static Response udnsrn(AtCommand c, ModuleContext m) {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UDNSRN: (0-1),\"domain_ip_string\"");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int type = c.intParam(0, 0, 1);
        String arg = c.strParam(1);
        Network net = m.network();
        if (!net.registered()) {
            return Response.cme(CmeError.NO_NETWORK_SERVICE);
        }
        Network.InternalRoute route = net.internalRoute();
        if (route == null) {
            return Response.cme(CmeError.OPERATION_NOT_ALLOWED);
        }
        try {
            String answer = type == 0 ? m.dns().forward(arg, route.ipv6()) : m.dns().reverse(arg);
            return Response.ok("+UDNSRN: \"" + answer + "\"");
        } catch (UnknownHostException e) {
            return Response.cme(CmeError.DNS_RESOLUTION_FAILED);
        }
    }
}
