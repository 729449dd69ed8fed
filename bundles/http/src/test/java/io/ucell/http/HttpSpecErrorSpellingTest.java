package io.ucell.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.ModuleModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 10.3 prints the answer to AT+UHTTPER=1 as "+UFTPER: 1,0,0": a failed request is still explained when the module
 * spells it so. The simulated module's +UHTTPC fails the request and its +UHTTPER answers with that spelling.
 */
class HttpSpecErrorSpellingTest {

    @Test
    void uhttperAnsweredAsUftper() throws Exception {
        try (HttpSim sim = new HttpSim(ModuleModel.SARA_R5_02B)) {
            sim.module.commands().register("+UHTTPC", (command, module) -> {
                CompletableFuture.runAsync(() -> sim.module.emitUrc("+UUHTTPCR: 0,1,0"),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
                return Response.ok();
            });
            sim.module.commands().register("+UHTTPER", (command, module) -> Response.ok("+UFTPER: 0,3,11"));
            HttpException e = assertThrows(HttpException.class, () -> sim.http.get("http://127.0.0.1:9/x"));
            assertEquals(3, e.errorClass(), e.getMessage());
            assertEquals(11, e.errorCode(), e.getMessage());
        }
    }
}
