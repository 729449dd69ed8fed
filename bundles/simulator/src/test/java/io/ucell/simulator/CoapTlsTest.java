package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.CertificateAuthenticationMode;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.TcpConfig;
import org.eclipse.californium.elements.tcp.netty.TlsServerConnector;
import org.junit.jupiter.api.Test;

/**
 * CoAP over TLS (coaps+tcp, RFC 8323) applies the +UCOAP=8 security profile's TLS version (op 1), cipher suites
 * (op 2) and SNI (op 10, else the URI's host name), against a Californium TLS server on loopback that speaks
 * TLS 1.2 only with an RSA certificate.
 */
class CoapTlsTest {
    private static final Duration WAIT = Duration.ofSeconds(15);

    static {
        CoapConfig.register();
        TcpConfig.register();
    }

    /** A server context whose engines speak TLS 1.2 only (Californium's TLS server has no protocol setting). */
    private static SSLContext tls12Only(SSLContext inner) {
        return new SSLContext(new SSLContextSpi() {
            private SSLEngine limit(SSLEngine e) {
                e.setEnabledProtocols(new String[] {"TLSv1.2"});
                return e;
            }

            @Override
            protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) throws KeyManagementException {
                throw new KeyManagementException("initialised");
            }

            @Override
            protected SSLSocketFactory engineGetSocketFactory() {
                return inner.getSocketFactory();
            }

            @Override
            protected SSLServerSocketFactory engineGetServerSocketFactory() {
                return inner.getServerSocketFactory();
            }

            @Override
            protected SSLEngine engineCreateSSLEngine() {
                return limit(inner.createSSLEngine());
            }

            @Override
            protected SSLEngine engineCreateSSLEngine(String host, int port) {
                return limit(inner.createSSLEngine(host, port));
            }

            @Override
            protected SSLSessionContext engineGetServerSessionContext() {
                return inner.getServerSessionContext();
            }

            @Override
            protected SSLSessionContext engineGetClientSessionContext() {
                return inner.getClientSessionContext();
            }

            @Override
            protected SSLParameters engineGetDefaultSSLParameters() {
                SSLParameters p = inner.getDefaultSSLParameters();
                p.setProtocols(new String[] {"TLSv1.2"});
                return p;
            }

            @Override
            protected SSLParameters engineGetSupportedSSLParameters() {
                return inner.getSupportedSSLParameters();
            }
        }, inner.getProvider(), inner.getProtocol()) {
        };
    }

    private static void get(Sim s, boolean succeeds) throws Exception {
        s.at.skipUrcs();
        if (succeeds) {
            s.ok("AT+UCOAPC=1");
            assertEquals("+UCOAPCD: 2,5,\"6869\",0", s.at.awaitUrc("+UCOAPCD:", WAIT));
            assertEquals("+UCOAPCR: 1,1", s.at.awaitUrc("+UCOAPCR:", WAIT));
        } else {
            // (D)TLS: the OK comes only after the handshake (section 8), so a failed one is an error at once
            assertEquals("ERROR", AtClient.finalCode(s.at.send("AT+UCOAPC=1", Duration.ofSeconds(30))));
            assertEquals("+UCOAPER: 15,13", AtClient.lines(s.at.send("AT+UCOAPER")).get(0));
        }
    }

    @Test
    void coapsTcpAppliesTheProfilesTlsVersionCipherSuitesAndSni() throws Exception {
        Issued ca = TestPki.ca("ucell test CoAP CA");
        Issued leaf = TestPki.leaf(ca, "coap.test", TestPki.rsa(2048), List.of("coap.test", "127.0.0.1"));
        List<String> sni = new CopyOnWriteArrayList<>();
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(TcpConfig.TLS_CLIENT_AUTHENTICATION_MODE, CertificateAuthenticationMode.NONE);
        TlsServerConnector connector = new TlsServerConnector(tls12Only(TestPki.serverContext(leaf, null, null, sni)),
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), cfg);
        CoapServer server = new CoapServer(cfg);
        CoapEndpoint endpoint = new CoapEndpoint.Builder().setConfiguration(cfg).setConnector(connector).build();
        server.addEndpoint(endpoint);
        server.add(new CoapResource("hello") {
            @Override
            public void handleGET(CoapExchange ex) {
                ex.respond(ResponseCode.CONTENT, "hi".getBytes(StandardCharsets.US_ASCII));
            }
        });
        server.start();
        try (Sim s = Sim.start(ModuleModel.SARA_R5_02B)) {
            s.ok("ATE0");
            s.awaitRegistered();
            s.module.setDnsOverride("coap.test", "127.0.0.1");
            s.ok("AT+UCOAP=1,\"coaps+tcp://coap.test:" + endpoint.getAddress().getPort() + "/hello\"");
            s.ok("AT+UCOAP=8,1");
            s.ok("AT+UCOAP=4,1");
            for (int opt = 0; opt <= 3; opt++) {
                s.ok("AT+UCOAP=2," + opt + ",1");
            }
            // no op 10: the URI's host name is the SNI
            get(s, true);
            assertEquals("coap.test", sni.get(sni.size() - 1));
            // op 10
            s.ok("AT+USECPRF=1,10,\"sni.example\"");
            get(s, true);
            assertEquals("sni.example", sni.get(sni.size() - 1));
            // op 1: at least TLS 1.3, which the server lacks
            s.ok("AT+USECPRF=1,1,4");
            get(s, false);
            s.ok("AT+USECPRF=1,1,3");
            get(s, true);
            // op 2: an ECDSA suite only, which the RSA server cannot use; then an RSA one
            s.ok("AT+USECPRF=1,2,99,\"C0\",\"2B\""); // TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256
            get(s, false);
            s.ok("AT+USECPRF=1,2,32"); // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256
            get(s, true);
        } finally {
            server.destroy();
        }
    }
}
