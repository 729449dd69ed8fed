package io.ucell.simulator.coap;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import io.ucell.simulator.nvm.Nvm;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * +UCOAP, +UCOAPC and +UCOAPER (app note section 8; RAI flag of A.2). One instance per simulated module:
 * the current profile and the last error are volatile (a reboot resets them), the 4 stored profiles live in
 * NVM. Readings the spec leaves open, and what the simulator picked:
 * <ul>
 * <li>+UCOAP=2,&lt;option&gt;,&lt;0|1&gt;: options 0-3 switch URI_HOST/PORT/PATH/QUERY on or off, 4 the
 * Content-Format option (text/plain unless a CoAP content-format number follows: +UCOAP=2,4,1,50), 5 sets NON
 * (1) or CON (0);</li>
 * <li>+UCOAP=8,&lt;profile&gt; picks the USECMNG profile; security itself follows the URI scheme (coaps://,
 * coaps+tcp://, section 8.5.3);</li>
 * <li>+UCOAP=9,&lt;0-2&gt; is the RAI flag (3GPP values: 0 none, 1 no further data, 2 one downlink expected);</li>
 * <li>+UCOAPC=&lt;1 GET|2 DELETE|3 PUT|4 POST&gt;[,"&lt;hex&gt;",0[,&lt;block&gt;,&lt;more&gt;]], payload
 * format 0 = hexadecimal;</li>
 * <li>+UCOAPCD: &lt;code class&gt;,&lt;code detail&gt;,"&lt;hex payload&gt;",&lt;more blocks&gt;, one per
 * received block of at most 512 bytes, then +UCOAPCR: &lt;command&gt;,&lt;1 success|0 failure&gt;.</li>
 * </ul>
 */
public final class CoapCommands {
    static final int PROFILES = 4;
    static final int MAX_URI = 783;
    static final int MAX_URI_PART = 255;
    static final int MAX_PAYLOAD = 512;
    private static final String NVM_KEY = "ucoap.profile.";

    private final CoapSecurity security;
    private Network boot;
    private CoapProfile current = new CoapProfile();
    private volatile CoapError lastError = CoapError.NONE;
    private volatile CoapTransmission running;
    private CoapEndpoints endpoints;
    /** Block size (bytes) of the block-wise upload in progress, and the request it belongs to. */
    private int uploadBlockSize;
    private String uploadKey;

    private CoapCommands(CoapSecurity security) {
        this.security = security;
    }

    /** Registers the commands with the module's security profiles ({@link CoapSecurity#fromProfiles}). */
    public static void register(CommandRegistry r) {
        register(r, null);
    }

    public static void register(CommandRegistry r, CoapSecurity security) {
        CoapCommands c = new CoapCommands(security);
        r.register("+UCOAP", c::ucoap);
        r.register("+UCOAPC", c::ucoapc);
        r.register("+UCOAPER", c::ucoaper);
    }

    /** A reboot forgets the current profile, the error and any transmission (handlers run under the state lock). */
    private void checkBoot(ModuleContext m) {
        if (m.network() != boot) {
            boot = m.network();
            current = new CoapProfile();
            lastError = CoapError.NONE;
            if (running != null) {
                running.abandon();
                running = null;
            }
            if (endpoints != null) {
                endpoints.close();
                endpoints = null;
            }
            uploadKey = null;
        }
    }

    private Response fail(CoapError e, CmeError cme) {
        lastError = e;
        return Response.cme(cme);
    }

    // ------------------------------------------------------------------ +UCOAP

    private Response ucoap(AtCommand c, ModuleContext m) {
        if (!m.capabilities().coapSupported()) {
            return Response.error();
        }
        checkBoot(m);
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UCOAP: (1,2,4-9,20)");
            case READ:
                return Response.ok(current.describe(false));
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0);
        switch (op) {
            case 1: {
                String uri = c.strParam(1);
                if (!validUri(uri)) {
                    return fail(CoapError.URI, CmeError.INCORRECT_PARAMETERS);
                }
                current.uri = uri;
                return Response.ok();
            }
            case 2: {
                int option = c.intParam(1, 0, 5);
                int value = c.intParam(2, 0, 1);
                if (option == 5) {
                    current.nonConfirmable = value == 1;
                } else {
                    current.setOption(option, value == 1);
                    if (option == CoapProfile.OPT_CONTENT_FORMAT) {
                        current.contentFormat = c.optInt(3, 0, 0, 65535);
                    }
                }
                return Response.ok();
            }
            case 4:
                current.valid = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 5: {
                int n = c.intParam(1, 0, PROFILES - 1);
                String stored = nvm(m).get(NVM_KEY + n);
                if (stored == null) {
                    return fail(CoapError.PROFILE_INVALID, CmeError.OPERATION_NOT_ALLOWED);
                }
                current = CoapProfile.decode(stored, n);
                return Response.ok();
            }
            case 6: {
                int n = c.intParam(1, 0, PROFILES - 1);
                current.profileNumber = n;
                nvm(m).put(NVM_KEY + n, current.encode());
                return Response.ok();
            }
            case 7: {
                List<String> lines = new ArrayList<>();
                for (int n = 0; n < PROFILES; n++) {
                    String stored = nvm(m).get(NVM_KEY + n);
                    if (stored == null) {
                        lines.add("+UCOAP: INVALID PROFILE NUMBER " + n);
                    } else {
                        lines.addAll(CoapProfile.decode(stored, n).describe(true));
                    }
                }
                return Response.ok(lines);
            }
            case 8:
                if (!m.capabilities().securitySupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                current.securityProfile = c.intParam(1, 0, 4);
                return Response.ok();
            case 9:
                if (!m.capabilities().raiSupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                current.rai = c.intParam(1, 0, 2);
                return Response.ok();
            case 20: {
                if (!m.capabilities().internalPdpMappingSupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                int cid = c.intParam(1);
                if (!m.capabilities().validCid(cid)) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                current.pdpCid = cid;
                current.pdpIpType = c.optInt(2, 0, 0, 1);
                return Response.ok();
            }
            default:
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
    }

    private static Nvm nvm(ModuleContext m) {
        return m.nvm();
    }

    /** Section 8 limits: 783 characters in all, host, path and query at most 255 each (RFC 7252). */
    static boolean validUri(String uri) {
        if (uri.isEmpty() || uri.length() > MAX_URI) {
            return false;
        }
        try {
            URI u = new URI(uri);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!List.of("coap", "coaps", "coap+tcp", "coaps+tcp").contains(scheme) || u.getHost() == null) {
                return false;
            }
            return u.getHost().length() <= MAX_URI_PART
                    && (u.getRawPath() == null || u.getRawPath().length() <= MAX_URI_PART)
                    && (u.getRawQuery() == null || u.getRawQuery().length() <= MAX_URI_PART);
        } catch (URISyntaxException e) {
            return false;
        }
    }

    // ------------------------------------------------------------------ +UCOAPER

    private Response ucoaper(AtCommand c, ModuleContext m) {
        if (!m.capabilities().coapSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        if (c.kind() != AtCommand.Kind.ACTION && c.kind() != AtCommand.Kind.READ) {
            return Response.error();
        }
        return Response.ok(lastError.urc());
    }

    // ------------------------------------------------------------------ +UCOAPC

    private Response ucoapc(AtCommand c, ModuleContext m) {
        if (!m.capabilities().coapSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UCOAPC: (1-4),\"payload\",(0),(0-1048575),(0-1)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int command = c.intParam(0, 1, 4);
        byte[] payload = new byte[0];
        if (c.paramCount() > 1) {
            String hex = c.strParam(1);
            int format = c.intParam(2, 0, 0);
            if (hex.length() % 2 != 0 || hex.length() > 2 * MAX_PAYLOAD || !hex.chars().allMatch(CoapCommands::isHex)) {
                return fail(CoapError.PAYLOAD, CmeError.INCORRECT_PARAMETERS);
            }
            payload = fromHex(hex);
            assert format == 0;
        }
        boolean blockwise = c.has(3);
        int blockNumber = blockwise ? c.intParam(3, 0, 1048575) : 0;
        boolean more = blockwise && c.intParam(4, 0, 1) == 1;
        if (!current.valid) {
            return fail(CoapError.PROFILE_INVALID, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (current.uri.isEmpty()) {
            return fail(CoapError.URI, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (running != null && !running.finished()) {
            // "It is allowed only one CoAP transmission until it is completed" (section 8)
            return fail(CoapError.BUSY, CmeError.OPERATION_NOT_ALLOWED);
        }
        Network.InternalRoute route = route(m);
        if (route == null) {
            return fail(CoapError.NO_CONTEXT, CmeError.OPERATION_NOT_ALLOWED);
        }
        int szx = -1;
        if (blockwise) {
            String key = command + "|" + current.uri;
            if (blockNumber == 0 || !key.equals(uploadKey)) {
                uploadKey = key;
                uploadBlockSize = 0;
            }
            if (more) {
                // every block but the last has the transfer's block size: a power of two, 16 to 512 (RFC 7959)
                int n = payload.length;
                if (n < 16 || n > MAX_PAYLOAD || Integer.bitCount(n) != 1 || (uploadBlockSize != 0 && n != uploadBlockSize)) {
                    return fail(CoapError.BLOCK, CmeError.INCORRECT_PARAMETERS);
                }
                uploadBlockSize = n;
            } else if (uploadBlockSize != 0 && payload.length > uploadBlockSize) {
                return fail(CoapError.BLOCK, CmeError.INCORRECT_PARAMETERS);
            } else if (uploadBlockSize == 0) {
                uploadBlockSize = Math.max(16, Integer.highestOneBit(Math.max(1, payload.length - 1)) << 1);
            }
            szx = Integer.numberOfTrailingZeros(uploadBlockSize) - 4;
            if (!more) {
                uploadKey = null;
            }
        } else {
            uploadKey = null;
        }
        try {
            return transmit(m, route, command, payload, szx, blockNumber, more);
        } catch (LinkageError e) {
            // an OSGi runtime without the Californium bundles (they are optional imports of the simulator)
            return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
        }
    }

    private Response transmit(ModuleContext m, Network.InternalRoute route, int command, byte[] payload, int szx,
            int blockNumber, boolean more) {
        if (endpoints == null) {
            endpoints = new CoapEndpoints(security != null ? security : CoapSecurity.fromProfiles(m::securityProfiles));
        }
        CoapTransmission t = new CoapTransmission(m, endpoints, current.copy(), route, command, payload, szx, blockNumber, more);
        CoapError prepared = t.prepare();
        if (prepared != CoapError.NONE) {
            return fail(prepared, CmeError.OPERATION_NOT_ALLOWED);
        }
        running = t;
        lastError = CoapError.NONE;
        // (D)TLS: "the OK final result code will be returned only after the security connection handshake
        // is completed successfully" (section 8)
        CoapError sent = t.send();
        if (sent != CoapError.NONE) {
            running = null;
            return fail(sent, CmeError.OPERATION_NOT_ALLOWED);
        }
        return Response.ok().thenRun(() -> m.background().execute(() -> {
            CoapError outcome = t.complete();
            if (outcome != CoapError.NONE && running == t) {
                lastError = outcome;
            }
        }));
    }

    /** The context the CoAP client uses: the +UCOAP=20 mapping where set, else the internal stack's. */
    private Network.InternalRoute route(ModuleContext m) {
        Network net = m.network();
        if (current.pdpCid >= 0) {
            PdpContext ctx = net.registered() ? net.context(current.pdpCid) : null;
            return ctx != null && ctx.active() ? new Network.InternalRoute(ctx, current.pdpIpType == 1) : null;
        }
        return net.internalRoute();
    }

    private static boolean isHex(int ch) {
        return Character.digit(ch, 16) >= 0;
    }

    static byte[] fromHex(String hex) {
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return out;
    }
}
