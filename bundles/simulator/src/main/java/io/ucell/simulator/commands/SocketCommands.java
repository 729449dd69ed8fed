package io.ucell.simulator.commands;

import io.ucell.simulator.network.Network;
import io.ucell.simulator.security.SecurityProfiles;
import io.ucell.simulator.sockets.SocketErrors;
import io.ucell.simulator.sockets.SocketFailure;
import io.ucell.simulator.sockets.SocketStack;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The TCP/UDP socket commands of section 5 (+USOCR ... +USOCL, +USOSEC) and +UDCONF=1 (hex mode); secure
 * sockets take their TLS from the +USECPRF profile ({@link SecurityProfiles#clientTls}), secure UDP sockets their
 * DTLS ({@link SecurityProfiles#clientDtls}). Parsing and answer
 * formats live here; the socket table and the host sockets behind it are {@link SocketStack}'s.
 */
final class SocketCommands {
    /** Longest payload of one +USOWR/+USOST/+USORD/+USORF in bytes; half of it in hex mode. */
    static final int MAX_DATA = 1024;
    static final int MAX_HEX_DATA = 512;

    private static final String HEX = "0123456789ABCDEF";

    private SocketCommands() {
    }

    /** A handler whose socket failures become ERROR (after +UUSOCL when the failure freed the socket). */
    @FunctionalInterface
    private interface SocketHandler {
        Response handle(AtCommand c, ModuleContext m) throws SocketFailure;
    }

    private static CommandHandler guarded(SocketHandler h) {
        return (c, m) -> {
            try {
                return h.handle(c, m);
            } catch (SocketFailure f) {
                return failed(c, f);
            }
        };
    }

    private static Response failed(AtCommand c, SocketFailure f) {
        Response r = Response.error();
        if (f.socketFreed()) {
            r.urcAfter("+UUSOCL: " + c.intParam(0));
        }
        return r;
    }

    static void register(CommandRegistry r) {
        r.register("+USOCR", guarded(SocketCommands::usocr));
        r.register("+USOCO", guarded(SocketCommands::usoco));
        r.register("+USOLI", guarded(SocketCommands::usoli));
        r.register("+USOWR", guarded(SocketCommands::usowr));
        r.register("+USOST", guarded(SocketCommands::usost));
        r.register("+USORD", guarded(SocketCommands::usord));
        r.register("+USORF", guarded(SocketCommands::usorf));
        r.register("+USOCTL", guarded(SocketCommands::usoctl));
        r.register("+USOER", SocketCommands::usoer);
        r.register("+USOSO", guarded(SocketCommands::usoso));
        r.register("+USOGO", guarded(SocketCommands::usogo));
        r.register("+USOCL", guarded(SocketCommands::usocl));
        r.register("+USOSEC", guarded(SocketCommands::usosec));
    }

    // ------------------------------------------------------------------ create, connect, listen

    private static Response usocr(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+USOCR: (6,17),(1-65535),(0-1)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int protocol = c.intParam(0);
        if (protocol != 6 && protocol != 17) {
            throw new BadParameterException("protocol must be 6 or 17");
        }
        int localPort = c.optInt(1, 0, 1, 65535);
        c.optInt(2, 0, 0, 1); // IP type: the route decides the family
        if (m.network().internalRoute() == null) {
            // sockets exist only while the internal context is up
            return Response.error();
        }
        int id = m.sockets().create(protocol == 6, localPort);
        // UDP with a local port answers it back, as in the spec's example (5.6)
        return Response.ok("+USOCR: " + id + (protocol == 17 && localPort > 0 ? "," + localPort : ""));
    }

    private static Response usoco(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        String host = c.strParam(1);
        int port = c.intParam(2, 1, 65535);
        SocketStack stack = m.sockets();
        boolean tcp = stack.isTcp(id);
        InetAddress address = resolve(m, host);
        SocketStack.TlsHandshake tls = null;
        if (tcp && stack.secure(id)) {
            int profile = stack.securityProfile(id);
            SecurityProfiles profiles = m.securityProfiles();
            tls = (raw, name, p, timeoutMs) -> profiles.clientTls(profile, raw, name, p, timeoutMs);
        }
        if (address == null) {
            if (tcp || stack.secure(id)) {
                // a TCP connect that cannot start fails like one refused: ERROR, then the socket is gone
                stack.abandon(id, SocketErrors.EHOSTUNREACH);
                return Response.error().urcAfter("+UUSOCL: " + id);
            }
            return Response.error();
        }
        if (tcp) {
            stack.connectTcp(id, address, host, port, tls);
        } else {
            int profile = stack.securityProfile(id);
            SecurityProfiles profiles = m.securityProfiles();
            // a secure UDP socket: DTLS with the profile, the handshake done before OK (like TLS on TCP)
            stack.connectUdp(id, address, host, port, () -> profiles.clientDtls(profile, host));
        }
        return Response.ok();
    }

    /** Name or address text through the module's resolver (DNS overrides apply); null when it fails. */
    private static InetAddress resolve(ModuleContext m, String host) {
        Network.InternalRoute route = m.network().internalRoute();
        if (route == null || host.isEmpty() || host.length() > 255) {
            return null;
        }
        try {
            return InetAddress.getByName(m.dns().forward(host, route.ipv6()));
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static Response usoli(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        int port = c.intParam(1, 1, 65535);
        Network.InternalRoute route = m.network().internalRoute();
        if (route == null) {
            return Response.error();
        }
        String moduleIp = route.context().ipv4() != null ? route.context().ipv4() : route.address();
        m.sockets().listen(id, port, moduleIp);
        return Response.ok();
    }

    // ------------------------------------------------------------------ write

    private static Response usowr(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        SocketStack stack = m.sockets();
        stack.isTcp(id); // an unknown id fails before any prompt
        if (c.paramCount() >= 3) {
            byte[] data = baseSyntaxData(c, 1, 2, stack.hexMode());
            return Response.ok("+USOWR: " + id + "," + stack.write(id, data));
        }
        int len = c.intParam(1, 1, MAX_DATA);
        return Response.binaryPrompt(len, data -> {
            try {
                return Response.ok("+USOWR: " + id + "," + m.sockets().write(id, data));
            } catch (SocketFailure f) {
                return Response.error();
            }
        });
    }

    private static Response usost(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        String host = c.strParam(1);
        int port = c.intParam(2, 1, 65535);
        SocketStack stack = m.sockets();
        if (stack.isTcp(id)) {
            return Response.error();
        }
        InetAddress address = resolve(m, host);
        if (address == null) {
            return Response.error();
        }
        if (c.paramCount() >= 5) {
            byte[] data = baseSyntaxData(c, 3, 4, stack.hexMode());
            stack.sendTo(id, address, port, data);
            return Response.ok("+USOST: " + id + "," + data.length);
        }
        int len = c.intParam(3, 1, MAX_DATA);
        return Response.binaryPrompt(len, data -> {
            try {
                m.sockets().sendTo(id, address, port, data);
                return Response.ok("+USOST: " + id + "," + data.length);
            } catch (SocketFailure f) {
                return Response.error();
            }
        });
    }

    /**
     * The data parameter of the base syntax: in hex mode 2*len hex digits (len up to 512 bytes), otherwise
     * len characters 0x20..0x7E without '"' and '\' (len up to 1024).
     */
    private static byte[] baseSyntaxData(AtCommand c, int lenParam, int dataParam, boolean hex) {
        int len = c.intParam(lenParam, 1, hex ? MAX_HEX_DATA : MAX_DATA);
        String text = c.strParam(dataParam);
        if (hex) {
            if (text.length() != 2 * len) {
                throw new BadParameterException("hex data length does not match");
            }
            return fromHex(text);
        }
        if (text.length() != len) {
            throw new BadParameterException("data length does not match");
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch < 0x20 || ch > 0x7E || ch == '\\') {
                throw new BadParameterException("character not allowed in base syntax");
            }
        }
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    // ------------------------------------------------------------------ read

    private static Response usord(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        SocketStack stack = m.sockets();
        boolean hex = stack.hexMode();
        int len = c.intParam(1, 0, hex ? MAX_HEX_DATA : MAX_DATA);
        if (len == 0) {
            return Response.ok("+USORD: " + id + "," + stack.buffered(id));
        }
        String urc = stack.readUrc(id);
        SocketStack.Read r = stack.read(id, len);
        Response resp = Response.ok("+USORD: " + id + "," + r.data().length + ",\"" + payload(r.data(), hex) + "\"");
        if (r.closed()) {
            // the remote had closed: the socket goes once its data has been read (spec 5.5, fourth scenario)
            resp.urcAfter("+UUSOCL: " + id);
        } else if (r.remaining() > 0) {
            resp.urcAfter(urc + ": " + id + "," + r.remaining());
        }
        return resp;
    }

    private static Response usorf(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        SocketStack stack = m.sockets();
        boolean hex = stack.hexMode();
        int len = c.intParam(1, 0, hex ? MAX_HEX_DATA : MAX_DATA);
        if (stack.isTcp(id)) {
            return Response.error();
        }
        if (len == 0) {
            return Response.ok("+USORF: " + id + "," + stack.buffered(id));
        }
        String urc = stack.readUrc(id);
        SocketStack.DatagramRead r = stack.readFrom(id, len);
        Response resp = Response.ok("+USORF: " + id + ",\"" + r.ip() + "\"," + r.port() + "," + r.data().length + ",\""
                + payload(r.data(), hex) + "\"");
        if (r.announce() > 0) {
            resp.urcAfter(urc + ": " + id + "," + r.announce());
        }
        return resp;
    }

    /** Raw bytes one char each (ISO-8859-1 maps 0..255 onto themselves), or hex in hex mode. */
    private static String payload(byte[] data, boolean hex) {
        if (!hex) {
            return new String(data, StandardCharsets.ISO_8859_1);
        }
        StringBuilder sb = new StringBuilder(data.length * 2);
        for (byte b : data) {
            sb.append(HEX.charAt((b >> 4) & 0xF)).append(HEX.charAt(b & 0xF));
        }
        return sb.toString();
    }

    private static byte[] fromHex(String s) {
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new BadParameterException("not a hex string");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    // ------------------------------------------------------------------ state, options, close

    private static Response usoctl(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        int param = c.intParam(1);
        return Response.ok("+USOCTL: " + id + "," + param + "," + m.sockets().control(id, param));
    }

    private static Response usoer(AtCommand c, ModuleContext m) {
        if (c.kind() != AtCommand.Kind.ACTION) {
            return c.kind() == AtCommand.Kind.TEST ? Response.ok() : Response.error();
        }
        return Response.ok("+USOER: " + m.sockets().lastError());
    }

    private static Response usoso(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        Long second = c.has(4) ? (long) c.intParam(4) : null;
        m.sockets().setOption(c.intParam(0), c.intParam(1), c.intParam(2), c.intParam(3), second);
        return Response.ok();
    }

    private static Response usogo(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        return Response.ok("+USOGO: " + m.sockets().option(c.intParam(0), c.intParam(1), c.intParam(2)));
    }

    private static Response usocl(AtCommand c, ModuleContext m) throws SocketFailure {
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int id = c.intParam(0);
        boolean async = c.optInt(1, 0, 0, 1) == 1;
        if (async) {
            // the close starts once OK is out, so its +UUSOCL cannot overtake the OK
            return Response.ok().thenRun(m.sockets().closeAsync(id));
        }
        try {
            m.sockets().close(id);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.error();
        }
        return Response.ok();
    }

    private static Response usosec(AtCommand c, ModuleContext m) throws SocketFailure {
        if (!m.capabilities().securitySupported() || c.kind() != AtCommand.Kind.SET) {
            return Response.error(); // section 5.11 does not apply to SARA-R422
        }
        int id = c.intParam(0);
        if (c.paramCount() == 1) {
            // AT+USOSEC=<socket> reads the setting back
            SocketStack stack = m.sockets();
            boolean secure = stack.secure(id);
            return Response.ok("+USOSEC: " + id + "," + (secure ? 1 : 0)
                    + (secure ? "," + stack.securityProfile(id) : ""));
        }
        boolean on = c.intParam(1, 0, 1) == 1;
        int profile = c.optInt(2, 0, 0, SecurityProfiles.PROFILES - 1);
        m.sockets().setSecure(id, on, profile);
        return Response.ok();
    }

    // ------------------------------------------------------------------ +UDCONF=1

    /** +UDCONF=1,<0|1> sets hex mode; +UDCONF=1 and +UDCONF=1? read it. */
    static Response udconfHexMode(AtCommand c, ModuleContext m) {
        boolean read = c.paramCount() == 1;
        if (read) {
            return Response.ok("+UDCONF: 1," + (m.sockets().hexMode() ? 1 : 0));
        }
        m.sockets().setHexMode(c.intParam(1, 0, 1) == 1);
        return Response.ok();
    }
}
