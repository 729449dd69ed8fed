package io.ucell.coap;

import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.tcp.netty.TcpServerConnector;
import org.eclipse.californium.elements.tcp.netty.TlsServerConnector;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;

/**
 * A Californium CoAP server on loopback with UDP, DTLS (PSK), TCP and TLS endpoints. Resources: /echo (GET
 * returns what PUT stored, POST answers with what it got, DELETE), /large (3000 bytes), /fail (5.00 "boom"),
 * /slow (answers after 1.5 s); anything else is 4.04.
 */
final class CoapServers implements AutoCloseable {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        TcpConfig.register();
    }

    static final String PSK_IDENTITY = "ucell";
    static final byte[] PSK_KEY = "ucell-demo-psk".getBytes(StandardCharsets.US_ASCII);

    final CoapServer server;
    final CoapEndpoint udp;
    final CoapEndpoint dtls;
    final CoapEndpoint tcp;
    final CoapEndpoint tls;
    volatile byte[] stored = "hello".getBytes(StandardCharsets.US_ASCII);
    final byte[] large = new byte[3000];
    final List<String> log = new CopyOnWriteArrayList<>();

    CoapServers(byte[] pskKey) throws Exception {
        for (int i = 0; i < large.length; i++) {
            large[i] = (byte) (i * 31 + 7);
        }
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        InetAddress lo = InetAddress.getLoopbackAddress();
        server = new CoapServer(cfg);
        udp = new CoapEndpoint.Builder().setConfiguration(cfg).setInetSocketAddress(new InetSocketAddress(lo, 0)).build();
        AdvancedMultiPskStore psk = new AdvancedMultiPskStore();
        psk.setKey(PSK_IDENTITY, pskKey);
        DTLSConnector dtlsConnector = new DTLSConnector(DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress(lo, 0)).setAdvancedPskStore(psk).build());
        dtls = new CoapEndpoint.Builder().setConfiguration(cfg).setConnector(dtlsConnector).build();
        tcp = new CoapEndpoint.Builder().setConfiguration(cfg)
                .setConnector(new TcpServerConnector(new InetSocketAddress(lo, 0), cfg)).build();
        tls = new CoapEndpoint.Builder().setConfiguration(cfg)
                .setConnector(new TlsServerConnector(serverTls(), new InetSocketAddress(lo, 0), cfg)).build();
        server.addEndpoint(udp);
        server.addEndpoint(dtls);
        server.addEndpoint(tcp);
        server.addEndpoint(tls);
        server.add(new CoapResource("echo") {
            @Override
            public void handleGET(CoapExchange ex) {
                log.add("GET " + ex.getRequestOptions().getUriQueryString());
                ex.respond(ResponseCode.CONTENT, stored, 42);
            }

            @Override
            public void handlePUT(CoapExchange ex) {
                log.add("PUT cf=" + ex.getRequestOptions().getContentFormat() + " n=" + ex.getRequestPayloadSize());
                stored = ex.getRequestPayload();
                ex.respond(ResponseCode.CHANGED);
            }

            @Override
            public void handlePOST(CoapExchange ex) {
                log.add("POST cf=" + ex.getRequestOptions().getContentFormat() + " n=" + ex.getRequestPayloadSize());
                ex.respond(ResponseCode.CREATED, ex.getRequestPayload(), 42);
            }

            @Override
            public void handleDELETE(CoapExchange ex) {
                log.add("DELETE");
                stored = new byte[0];
                ex.respond(ResponseCode.DELETED);
            }
        });
        server.add(new CoapResource("large") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.CONTENT, large, 42);
            }
        });
        server.add(new CoapResource("fail") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.INTERNAL_SERVER_ERROR, "boom");
            }
        });
        server.add(new CoapResource("slow") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.accept();
                try {
                    Thread.sleep(1500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.respond(ResponseCode.CONTENT, "late");
            }
        });
        server.start();
    }

    /** The TLS server's key and certificate: Californium's demo certificates (test only). */
    private static SSLContext serverTls() throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = CoapServers.class.getResourceAsStream("/certs/server.p12")) {
            ks.load(in, "endPass".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "endPass".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLSv1.2");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    String udpUri(String path) {
        return "coap://127.0.0.1:" + udp.getAddress().getPort() + path;
    }

    String dtlsUri(String path) {
        return "coaps://127.0.0.1:" + dtls.getAddress().getPort() + path;
    }

    String tcpUri(String path) {
        return "coap+tcp://127.0.0.1:" + tcp.getAddress().getPort() + path;
    }

    String tlsUri(String path) {
        return "coaps+tcp://127.0.0.1:" + tls.getAddress().getPort() + path;
    }

    @Override
    public void close() {
        server.destroy();
    }
}
