package io.ucell.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.model.Family;
import io.ucell.simulator.model.ModuleModel;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelTest {
    @Test
    void fromNameAcceptsCliAndEnumSpellings() {
        assertEquals(ModuleModel.SARA_R5_02B, ModuleModel.fromName("SARA-R5-02B"));
        assertEquals(ModuleModel.SARA_R5_02B, ModuleModel.fromName("sara_r5_02b"));
        assertEquals(ModuleModel.LEXI_R520, ModuleModel.fromName("lexi-r520"));
        assertEquals(ModuleModel.SARA_R422, ModuleModel.fromName("SARA-R422"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModuleModel.fromName("SARA-U201"));
        assertTrue(e.getMessage().contains("SARA-R5-00B") && e.getMessage().contains("LEXI-R422"), e.getMessage());
    }

    @Test
    void capabilityTableFollowsTheSpec() {
        for (ModuleModel m : ModuleModel.values()) {
            var c = m.capabilities();
            if (m.family() == Family.SARA_R5) {
                assertEquals(11, c.maxCid());
                assertEquals(7, c.maxActiveContexts());
                assertEquals("+UUSORD", c.udpReadUrc());
                assertEquals(8 * 1024, c.tcpQueueBytes());
                assertFalse(c.unackedQuerySupported(), "+USOCTL=s,11 is not supported on SARA-R5 (5.3.3)");
                assertFalse(c.needsCgactAfterAttach());
            } else {
                assertEquals(7, c.maxCid());
                assertEquals(4, c.maxActiveContexts());
                assertEquals("+UUSORF", c.udpReadUrc());
                assertEquals(16 * 1024, c.tcpQueueBytes());
                assertTrue(c.unackedQuerySupported());
                assertTrue(c.needsCgactAfterAttach());
                assertFalse(c.ipTypeMappingSupported());
                assertFalse(c.udconf19Supported());
                assertFalse(c.internalPdpMappingSupported());
            }
            assertEquals(20, c.minCommandGap().toMillis());
            assertEquals(1024, c.secureQueueBytes(), "secure socket queue (5.3.3)");
            assertEquals(7, c.maxSockets(), "section 5.11");
            assertEquals(m != ModuleModel.SARA_R422, c.securitySupported(), "5.11 does not apply to SARA-R422");
        }
        boolean[] upsd = {true, true, false, false, true, true, true, true};
        for (ModuleModel m : ModuleModel.values()) {
            assertEquals(upsd[m.ordinal()], m.capabilities().upsdSupported(), m.name());
        }
        assertTrue(ModuleModel.SARA_R5_02B.capabilities().udconf19Supported());
        assertTrue(ModuleModel.LEXI_R520.capabilities().udconf19Supported());
        assertFalse(ModuleModel.SARA_R5_00B.capabilities().udconf19Supported());
        assertFalse(ModuleModel.SARA_R5_01B.capabilities().udconf19Supported());
        assertTrue(ModuleModel.SARA_R5_01B.capabilities().ipTypeMappingSupported());
        assertFalse(ModuleModel.SARA_R5_02B.capabilities().ipTypeMappingSupported());
        assertTrue(ModuleModel.SARA_R5_02B.capabilities().internalPdpMappingSupported());
        assertFalse(ModuleModel.SARA_R5_01B.capabilities().internalPdpMappingSupported());
        assertFalse(ModuleModel.SARA_R422.capabilities().mqttSupported());
        assertFalse(ModuleModel.SARA_R422.capabilities().securitySupported());
        assertTrue(ModuleModel.SARA_R42_01B.capabilities().mqttSupported());
        assertEquals(0, ModuleModel.SARA_R5_00B.capabilities().defaultUpsdIpType());
        assertEquals(2, ModuleModel.SARA_R5_01B.capabilities().defaultUpsdIpType());
    }

    @Test
    void identitiesAreDistinctAndImeisValid() {
        Set<String> seen = new HashSet<>();
        for (ModuleModel m : ModuleModel.values()) {
            assertTrue(seen.add(m.identity().typeNumber() + "/" + m.identity().firmware()), m.name());
            String imei = Imei.forModel(m, 123456);
            assertTrue(Imei.valid(imei), imei);
        }
        assertTrue(Imei.valid("490154203237518"));
        assertFalse(Imei.valid("490154203237519"));
    }
}
