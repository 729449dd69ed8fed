package io.ucell.simulator.coap;

import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.network.Endpoint;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.elements.tcp.netty.TcpClientConnector;
import org.eclipse.californium.elements.tcp.netty.TlsClientConnector;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedSinglePskStore;

/**
 * The module's CoAP endpoints, one per scheme and security profile, kept between requests (a block-wise
 * upload spread over several +UCOAPC commands must come from the same source port, and a DTLS session is
 * worth keeping) and closed after a minute without use or when the module reboots.
 */
final class CoapEndpoints implements AutoCloseable {
    private static final long IDLE_CLOSE_SECONDS = 60;

    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
        TcpConfig.register();
    }

    private final CoapSecurity security;
    private final Map<String, Endpoint> endpoints = new HashMap<>();
    private final ScheduledExecutorService executor;
    private ScheduledFuture<?> idleClose;

    CoapEndpoints(CoapSecurity security) {
        this.security = security;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(2, r -> {
            Thread t = new Thread(r, "sim-coap");
            t.setDaemon(true);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        // no idle threads left behind by a module that stopped using CoAP (or was closed)
        ex.setKeepAliveTime(10, TimeUnit.SECONDS);
        ex.allowCoreThreadTimeOut(true);
        this.executor = ex;
    }

    /** The configuration of the module's client: transparent block-wise off (the module does it per block). */
    static Configuration configuration() {
        Configuration c = Configuration.createStandardWithoutFile();
        c.set(CoapConfig.MAX_RESOURCE_BODY_SIZE, 0);
        c.set(CoapConfig.MAX_MESSAGE_SIZE, 1024);
        c.set(CoapConfig.PREFERRED_BLOCK_SIZE, 512);
        c.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.CLIENT_ONLY);
        c.set(DtlsConfig.DTLS_MAX_RETRANSMISSIONS, 2);
        c.set(DtlsConfig.DTLS_RETRANSMISSION_TIMEOUT, 1, TimeUnit.SECONDS);
        c.set(TcpConfig.TCP_CONNECT_TIMEOUT, 10, TimeUnit.SECONDS);
        return c;
    }

    /**
     * @param host the URI's host: a TLS endpoint is per host too, its engines name it (SNI, host name check)
     */
    synchronized Endpoint endpoint(String scheme, int securityProfile, String host) throws Exception {
        String key = scheme + "|" + securityProfile + "|" + security.revision(securityProfile)
                + (scheme.equals("coaps+tcp") ? "|" + host : "");
        Endpoint e = endpoints.get(key);
        if (e == null) {
            e = create(scheme, securityProfile, host);
            e.start();
            endpoints.put(key, e);
        }
        touch();
        return e;
    }

    private Endpoint create(String scheme, int securityProfile, String host) throws Exception {
        Configuration cfg = configuration();
        CoapEndpoint.Builder b = new CoapEndpoint.Builder().setConfiguration(cfg);
        switch (scheme) {
            case "coap":
                b.setInetSocketAddress(new InetSocketAddress(0));
                break;
            case "coaps": {
                CoapSecurity.Psk psk = security.psk(securityProfile);
                DtlsConnectorConfig.Builder d = DtlsConnectorConfig.builder(cfg)
                        .setAddress(new InetSocketAddress(0))
                        .setAdvancedPskStore(new AdvancedSinglePskStore(psk.identity(), psk.key()));
                b.setConnector(new DTLSConnector(d.build()));
                break;
            }
            case "coap+tcp":
                b.setConnector(new TcpClientConnector(cfg));
                break;
            case "coaps+tcp":
                b.setConnector(new TlsClientConnector(security.tls(securityProfile, host), cfg));
                break;
            default:
                throw new IllegalArgumentException("scheme " + scheme);
        }
        return b.build();
    }

    private void touch() {
        if (idleClose != null) {
            idleClose.cancel(false);
        }
        idleClose = executor.schedule(this::closeEndpoints, IDLE_CLOSE_SECONDS, TimeUnit.SECONDS);
    }

    synchronized void closeEndpoints() {
        for (Endpoint e : endpoints.values()) {
            e.destroy();
        }
        endpoints.clear();
    }

    @Override
    public synchronized void close() {
        closeEndpoints();
        executor.shutdownNow();
    }
}
