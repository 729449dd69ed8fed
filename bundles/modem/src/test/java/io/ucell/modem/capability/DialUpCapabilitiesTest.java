package io.ucell.modem.capability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.modem.capability.ModuleCapabilities.DialUp;
import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import org.junit.jupiter.api.Test;

/** App note section 4 per family and product version, as the capability table gives it. */
class DialUpCapabilitiesTest {

    private static DialUp of(ModuleFamily f, ProductVersion v) {
        return ModuleCapabilities.of(f, v).dialUp();
    }

    @Test
    void routerModeFamiliesNeedUauthreqAndMostHaveFullConeNat() {
        assertEquals(new DialUp(PppMode.ROUTER, true, false, false, null, false), of(ModuleFamily.SARA_R5, ProductVersion.V00B));
        assertEquals(new DialUp(PppMode.ROUTER, true, true, false, null, false), of(ModuleFamily.SARA_R5, ProductVersion.V01B));
        assertEquals(new DialUp(PppMode.ROUTER, true, true, false, null, false), of(ModuleFamily.SARA_R5, ProductVersion.V02B));
        assertEquals(new DialUp(PppMode.ROUTER, true, true, false, null, false), of(ModuleFamily.LEXI_R520, ProductVersion.V02B));
    }

    @Test
    void bridgeModeFamiliesHavePortFilteringAndCvhu() {
        assertEquals(new DialUp(PppMode.BRIDGE, false, false, true, "0,", true), of(ModuleFamily.SARA_R42, ProductVersion.V00B));
        assertEquals(new DialUp(PppMode.BRIDGE, false, false, true, "1,9999-19999", true),
                of(ModuleFamily.SARA_R42, ProductVersion.V01B));
        assertEquals(new DialUp(PppMode.BRIDGE, false, false, true, "1,9999-19999", true),
                of(ModuleFamily.LEXI_R422, ProductVersion.V01B));
        assertEquals(new DialUp(PppMode.BRIDGE, false, false, true, "0,", true), of(ModuleFamily.SARA_R422, ProductVersion.V01B));
    }
}
