package io.ucell.simulator.coap;

import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.network.Network;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.coap.BlockOption;
import org.eclipse.californium.core.coap.CoAP;
import org.eclipse.californium.core.coap.MessageObserverAdapter;
import org.eclipse.californium.core.coap.OptionSet;
import org.eclipse.californium.core.coap.Request;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.AddressEndpointContext;

/**
 * One +UCOAPC: the request built from the profile, sent through Californium, and the answer reported as
 * +UCOAPCD URCs (one per block of at most 512 bytes; a Block2 response is fetched block after block, as a
 * constrained client does) and a final +UCOAPCR.
 */
final class CoapTransmission {
    private static final long HANDSHAKE_WAIT_MS = 20_000;
    private static final long RESPONSE_WAIT_MS = Long.getLong("ucell.simulator.coap.responseTimeoutMs", 30_000);

    private final ModuleContext module;
    private final Network boot;
    private final CoapEndpoints endpoints;
    private final CoapProfile profile;
    private final Network.InternalRoute route;
    private final int command;
    private final byte[] payload;
    private final int block1Szx;
    private final int block1Number;
    private final boolean block1More;

    private URI uri;
    private String scheme;
    private InetSocketAddress destination;
    private Request request;
    private volatile boolean finished;
    private volatile boolean abandoned;

    CoapTransmission(ModuleContext module, CoapEndpoints endpoints, CoapProfile profile, Network.InternalRoute route,
            int command, byte[] payload, int block1Szx, int block1Number, boolean block1More) {
        this.module = module;
        this.boot = module.network();
        this.endpoints = endpoints;
        this.profile = profile;
        this.route = route;
        this.command = command;
        this.payload = payload;
        this.block1Szx = block1Szx;
        this.block1Number = block1Number;
        this.block1More = block1More;
    }

    boolean finished() {
        return finished;
    }

    /** A reboot: nothing more is reported. */
    void abandon() {
        abandoned = true;
        finished = true;
        if (request != null) {
            request.cancel();
        }
    }

    /** Resolves the host through the module's DNS and builds the first request. */
    CoapError prepare() {
        try {
            uri = new URI(profile.uri);
        } catch (Exception e) {
            return CoapError.URI;
        }
        scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort(scheme);
        try {
            destination = new InetSocketAddress(InetAddress.getByName(module.dns().forward(host, route.ipv6())), port);
        } catch (UnknownHostException e) {
            return CoapError.DNS;
        }
        request = newRequest(null);
        if (block1Szx >= 0) {
            request.getOptions().setBlock1(new BlockOption(block1Szx, block1More, block1Number));
        }
        if (payload.length > 0) {
            request.setPayload(payload);
        }
        return CoapError.NONE;
    }

    private static int defaultPort(String scheme) {
        return scheme.startsWith("coaps") ? CoAP.DEFAULT_COAP_SECURE_PORT : CoAP.DEFAULT_COAP_PORT;
    }

    private Request newRequest(BlockOption block2) {
        CoAP.Code code = switch (command) {
            case 1 -> CoAP.Code.GET;
            case 2 -> CoAP.Code.DELETE;
            case 3 -> CoAP.Code.PUT;
            default -> CoAP.Code.POST;
        };
        Request r = new Request(code, profile.nonConfirmable ? CoAP.Type.NON : CoAP.Type.CON);
        r.setDestinationContext(new AddressEndpointContext(destination));
        OptionSet o = r.getOptions();
        // only the URI parts the option mask enables go into the request (+UCOAP=2,0..3)
        if (profile.option(CoapProfile.OPT_URI_HOST)) {
            o.setUriHost(uri.getHost());
        }
        if (profile.option(CoapProfile.OPT_URI_PORT)) {
            o.setUriPort(destination.getPort());
        }
        if (profile.option(CoapProfile.OPT_URI_PATH) && uri.getPath() != null && !uri.getPath().isEmpty()) {
            o.setUriPath(uri.getPath());
        }
        if (profile.option(CoapProfile.OPT_URI_QUERY) && uri.getQuery() != null) {
            o.setUriQuery(uri.getQuery());
        }
        if (profile.option(CoapProfile.OPT_CONTENT_FORMAT) && (command == 3 || command == 4)) {
            o.setContentFormat(profile.contentFormat);
        }
        if (block2 != null) {
            o.setBlock2(block2);
        }
        return r;
    }

    /** Sends the request; on (D)TLS waits until it left, i.e. until the handshake completed. */
    CoapError send() {
        Endpoint e;
        try {
            e = endpoints.endpoint(scheme, profile.securityProfile, uri.getHost());
        } catch (Exception ex) {
            finished = true;
            return CoapError.SECURITY;
        }
        boolean secure = scheme.startsWith("coaps");
        CountDownLatch left = new CountDownLatch(1);
        boolean[] failed = new boolean[1];
        request.addMessageObserver(new MessageObserverAdapter() {
            @Override
            public void onSent(boolean retransmission) {
                left.countDown();
            }

            @Override
            protected void failed() {
                failed[0] = true;
                left.countDown();
            }
        });
        e.sendRequest(request);
        if (secure) {
            try {
                if (!left.await(HANDSHAKE_WAIT_MS, TimeUnit.MILLISECONDS) || failed[0]) {
                    request.cancel();
                    finished = true;
                    return CoapError.SECURITY;
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                finished = true;
                return CoapError.SECURITY;
            }
        }
        return CoapError.NONE;
    }

    /** Waits for the answer (and the rest of a Block2 body) and reports it; returns the +UCOAPER outcome. */
    CoapError complete() {
        try {
            Request r = request;
            while (true) {
                org.eclipse.californium.core.coap.Response resp = r.waitForResponse(RESPONSE_WAIT_MS);
                if (resp == null) {
                    r.cancel();
                    return report(r.isRejected() || r.getSendError() != null ? CoapError.RESET : CoapError.TIMEOUT);
                }
                BlockOption b2 = resp.getOptions().getBlock2();
                boolean moreBlocks = b2 != null && b2.isM();
                emitData(resp, moreBlocks);
                if (!moreBlocks) {
                    return report(CoapError.NONE);
                }
                Endpoint e = endpoints.endpoint(scheme, profile.securityProfile, uri.getHost());
                r = newRequest(new BlockOption(b2.getSzx(), false, b2.getNum() + 1));
                request = r;
                e.sendRequest(r);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return report(CoapError.TIMEOUT);
        } catch (Exception ex) {
            return report(CoapError.RESET);
        }
    }

    private void emitData(org.eclipse.californium.core.coap.Response resp, boolean moreBlocks) {
        byte[] body = resp.getPayload() == null ? new byte[0] : resp.getPayload();
        int codeClass = resp.getCode().codeClass;
        int detail = resp.getCode().codeDetail;
        int off = 0;
        do {
            int n = Math.min(CoapCommands.MAX_PAYLOAD, body.length - off);
            boolean more = moreBlocks || off + n < body.length;
            emit("+UCOAPCD: " + codeClass + "," + detail + ",\"" + hex(body, off, n) + "\"," + (more ? 1 : 0));
            off += n;
        } while (off < body.length);
    }

    private CoapError report(CoapError outcome) {
        finished = true;
        emit("+UCOAPCR: " + command + "," + (outcome == CoapError.NONE ? 1 : 0));
        return outcome;
    }

    private void emit(String urc) {
        if (!abandoned && module.network() == boot) {
            module.emitUrc(urc);
        }
    }

    private static String hex(byte[] b, int off, int n) {
        StringBuilder sb = new StringBuilder(2 * n);
        for (int i = off; i < off + n; i++) {
            sb.append(Character.toUpperCase(Character.forDigit((b[i] >> 4) & 0xF, 16)))
                    .append(Character.toUpperCase(Character.forDigit(b[i] & 0xF, 16)));
        }
        return sb.toString();
    }
}
