package io.ucell.coap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ucell.coap.client.CoapSettings;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 8.3.3 shows the block commands with no answer at all. A module may answer an intermediate block with
 * "+UCOAPCD: 2,31,...", with the class alone ("2,0", as 8.3.1 prints its data), with a +UCOAPCR and no +UCOAPCD,
 * or with nothing but OK: every block must still go, and the last block's answer is the response. The simulated
 * module's +UCOAPC is replaced by one answering each way.
 */
class CoapSpecBlockTransferTest {

    @ParameterizedTest
    @ValueSource(strings = {"2,31", "2,0", "result only", "nothing"})
    void everyBlockGoesWhateverTheIntermediateAnswer(String reading) throws Exception {
        CoapSettings d = CoapSettings.defaults();
        CoapSettings settings = new CoapSettings(d.profile(), d.baseUri(), d.options(), d.pdpCid(), d.pdpIpType(),
                Duration.ofSeconds(2), d.queueTimeout());
        try (CoapSim sim = new CoapSim(ModuleModel.SARA_R5_02B, settings)) {
            List<String> blocks = new CopyOnWriteArrayList<>();
            sim.module.commands().register("+UCOAPC", (command, module) -> {
                blocks.add(command.line());
                boolean more = command.paramCount() >= 5 && command.intParam(4) == 1;
                List<String> urcs;
                if (!more) {
                    urcs = List.of("+UCOAPCD: 2,4,\"446F6E65\",0", "+UCOAPCR: 3,1"); // 2.04 "Done"
                } else if (reading.equals("2,31")) {
                    urcs = List.of("+UCOAPCD: 2,31,\"\",0", "+UCOAPCR: 3,1");
                } else if (reading.equals("2,0")) {
                    urcs = List.of("+UCOAPCD: 2,0,\"\",0", "+UCOAPCR: 3,1");
                } else if (reading.equals("result only")) {
                    urcs = List.of("+UCOAPCR: 3,1");
                } else {
                    urcs = List.of();
                }
                CompletableFuture.runAsync(() -> urcs.forEach(sim.module::emitUrc),
                        CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
                return Response.ok();
            });
            CoapResponse r = sim.coap.put("coap://127.0.0.1:5683/blocks", new byte[1200]);
            assertEquals("2.04", r.code());
            assertArrayEquals("Done".getBytes(java.nio.charset.StandardCharsets.US_ASCII), r.payload());
            assertEquals(3, blocks.size(), "three 512-byte blocks: " + blocks);
        }
    }
}
