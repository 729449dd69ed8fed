package io.ucell.coap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.coap.client.CoapSettings;
import io.ucell.simulator.model.ModuleModel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Per-model availability (sections 8, 8.2.3, A.2) and module-side failures decoded from +UCOAPER. */
class CoapModelsTest {

    @Test
    void saraR422HasNoCoap() throws Exception {
        try (CoapSim sim = new CoapSim(ModuleModel.SARA_R422)) {
            CoapException e = assertThrows(CoapException.class, () -> sim.coap.get("coap://127.0.0.1:5683/x"));
            assertTrue(e.getMessage().contains("no CoAP client"), e.getMessage());
        }
    }

    @Test
    void raiAndPdpMappingWhereSupported() throws Exception {
        try (CoapServers servers = new CoapServers(CoapServers.PSK_KEY)) {
            try (CoapSim sim = new CoapSim(ModuleModel.SARA_R5_00B)) {
                CoapOptions rai = CoapOptions.defaults().withRai(1);
                CoapException e = assertThrows(CoapException.class,
                        () -> sim.coap.send(CoapRequest.get(servers.udpUri("/echo")).withOptions(rai)));
                assertTrue(e.getMessage().contains("RAI"), e.getMessage());
                CoapSettings mapped = new CoapSettings(0, "", CoapOptions.defaults(), 1, 0, Duration.ofSeconds(10),
                        Duration.ofSeconds(10));
                sim.coap.update(mapped);
                e = assertThrows(CoapException.class, () -> sim.coap.get(servers.udpUri("/echo")));
                assertTrue(e.getMessage().contains("PDP context"), e.getMessage());
                sim.coap.update(CoapSettings.defaults());
                // without either, the 00B does CoAP
                assertEquals("2.05", sim.coap.get(servers.udpUri("/echo")).code());
            }
            try (CoapSim sim = new CoapSim(ModuleModel.SARA_R5_02B, new CoapSettings(0, "", CoapOptions.defaults().withRai(2),
                    1, 0, Duration.ofSeconds(10), Duration.ofSeconds(10)))) {
                servers.stored = "mapped".getBytes(StandardCharsets.US_ASCII);
                assertEquals("mapped", new String(sim.coap.get(servers.udpUri("/echo")).payload(), StandardCharsets.US_ASCII));
                assertEquals("2", sim.coap.currentProfile().get("RAI_FLAG"));
                // a context that is not active: the module refuses, +UCOAPER says why
                sim.coap.update(new CoapSettings(0, "", CoapOptions.defaults(), 5, 0, Duration.ofSeconds(10),
                        Duration.ofSeconds(10)));
                CoapException e = assertThrows(CoapException.class, () -> sim.coap.get(servers.udpUri("/echo")));
                assertEquals(15, e.errorClass());
                assertEquals(11, e.errorCode());
                // back to no mapping and no RAI: both are taken back in the module's profile
                sim.coap.update(CoapSettings.defaults());
                assertEquals("mapped", new String(sim.coap.get(servers.udpUri("/echo")).payload(), StandardCharsets.US_ASCII));
                assertEquals("0", sim.coap.currentProfile().get("RAI_FLAG"));
            }
        }
    }

    @Test
    void wrongPreSharedKeyFailsTheHandshake() throws Exception {
        try (CoapServers other = new CoapServers("another-key".getBytes(StandardCharsets.US_ASCII));
                CoapSim sim = new CoapSim(ModuleModel.SARA_R42_01B)) {
            CoapException e = assertThrows(CoapException.class, () -> sim.coap.get(other.dtlsUri("/echo")));
            assertEquals(15, e.errorClass(), e.getMessage());
            assertEquals(13, e.errorCode(), e.getMessage());
            assertTrue(e.getMessage().contains("handshake"), e.getMessage());
            // and the plain endpoint of the same server still works from the R42
            assertEquals("2.05", sim.coap.get(other.udpUri("/echo")).code());
        }
    }
}
