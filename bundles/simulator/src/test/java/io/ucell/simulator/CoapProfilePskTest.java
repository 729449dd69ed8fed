package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.simulator.model.ModuleModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import org.eclipse.californium.core.CoapResource;
import org.eclipse.californium.core.CoapServer;
import org.eclipse.californium.core.coap.CoAP.ResponseCode;
import org.eclipse.californium.core.config.CoapConfig;
import org.eclipse.californium.core.network.CoapEndpoint;
import org.eclipse.californium.core.server.resources.CoapExchange;
import org.eclipse.californium.elements.config.Configuration;
import org.eclipse.californium.elements.config.UdpConfig;
import org.eclipse.californium.scandium.DTLSConnector;
import org.eclipse.californium.scandium.config.DtlsConfig;
import org.eclipse.californium.scandium.config.DtlsConnectorConfig;
import org.eclipse.californium.scandium.dtls.pskstore.AdvancedMultiPskStore;
import org.junit.jupiter.api.Test;

/** CoAP over DTLS takes its pre-shared key from the +USECPRF profile (op 8, op 9) named by +UCOAP=8. */
class CoapProfilePskTest {
    static {
        CoapConfig.register();
        UdpConfig.register();
        DtlsConfig.register();
    }

    private static final byte[] KEY = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");

    @Test
    void dtlsUsesTheProfilesPsk() throws Exception {
        Configuration cfg = Configuration.createStandardWithoutFile();
        cfg.set(DtlsConfig.DTLS_ROLE, DtlsConfig.DtlsRole.SERVER_ONLY);
        AdvancedMultiPskStore psk = new AdvancedMultiPskStore();
        psk.setKey("device-9", KEY);
        DTLSConnector dtls = new DTLSConnector(DtlsConnectorConfig.builder(cfg)
                .setAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).setAdvancedPskStore(psk).build());
        CoapServer server = new CoapServer(cfg);
        server.addEndpoint(new CoapEndpoint.Builder().setConfiguration(cfg).setConnector(dtls).build());
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
            s.ok("AT+USECPRF=3,8,\"00112233445566778899AABBCCDDEEFF\",1");
            s.ok("AT+USECPRF=3,9,\"device-9\"");
            s.ok("AT+UCOAP=1,\"coaps://127.0.0.1:" + dtls.getAddress().getPort() + "/hello\"");
            s.ok("AT+UCOAP=8,3");
            s.ok("AT+UCOAP=4,1");
            for (int opt = 0; opt <= 3; opt++) {
                s.ok("AT+UCOAP=2," + opt + ",1");
            }
            s.ok("AT+UCOAPC=1");
            assertEquals("+UCOAPCD: 2,5,\"6869\",0", s.at.awaitUrc("+UCOAPCD:", Duration.ofSeconds(15)));
            // another key for the same identity: the handshake fails
            s.ok("AT+USECPRF=3,8,\"FFEEDDCCBBAA99887766554433221100\",1");
            String r = AtClient.finalCode(s.at.send("AT+UCOAPC=1", Duration.ofSeconds(30)));
            if ("OK".equals(r)) {
                assertEquals("+UCOAPCR: 1,0", s.at.awaitUrc("+UCOAPCR:", Duration.ofSeconds(30)));
            }
        } finally {
            server.destroy();
        }
    }
}
