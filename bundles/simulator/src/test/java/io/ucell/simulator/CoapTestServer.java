package io.ucell.simulator;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;

/** A Californium CoAP server on loopback UDP: /echo keeps what PUT/POST send, /large is 3000 bytes, /fail is 5.00. */
final class CoapTestServer implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
    }

    final CoapServer server;
    final CoapEndpoint udp;
    final List<String> requests = new ArrayList<>();
    volatile byte[] stored = "hello".getBytes(StandardCharsets.US_ASCII);
    final byte[] large = new byte[3000];

    CoapTestServer() {
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 7);
        }
        Configuration cfg = Configuration.createStandardWithoutFile();
        server = new CoapServer(cfg);
        udp = new CoapEndpoint.Builder().setConfiguration(cfg)
                .setInetSocketAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).build();
        server.addEndpoint(udp);
        server.add(new CoapResource("echo") {
            @Override
            public void handleGET(CoapExchange ex) {
                record(ex);
                ex.respond(ResponseCode.CONTENT, stored, 42);
            }

            @Override
            public void handlePUT(CoapExchange ex) {
                record(ex);
                stored = ex.getRequestPayload();
                ex.respond(ResponseCode.CHANGED, "PUT OK");
            }

            @Override
            public void handlePOST(CoapExchange ex) {
                record(ex);
                ex.respond(ResponseCode.CREATED, ex.getRequestPayload());
            }

            @Override
            public void handleDELETE(CoapExchange ex) {
                record(ex);
                ex.respond(ResponseCode.DELETED);
            }
        });
        server.add(new CoapResource("large") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.CONTENT, large);
            }
        });
        server.add(new CoapResource("fail") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.INTERNAL_SERVER_ERROR, "boom");
            }
        });
        server.start();
    }

    private synchronized void record(CoapExchange ex) {
        requests.add(ex.getRequestCode() + " " + ex.advanced().getRequest().getType() + " "
                + ex.getRequestOptions().getUriPathString() + " q=" + ex.getRequestOptions().getUriQueryString()
                + " cf=" + ex.getRequestOptions().getContentFormat() + " n=" + ex.getRequestPayloadSize());
    }

    int port() {
        return udp.getAddress().getPort();
    }

    @Override
    public void close() {
        server.destroy();
    }
}
