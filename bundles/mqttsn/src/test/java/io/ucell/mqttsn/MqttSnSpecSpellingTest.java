package io.ucell.mqttsn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.commands.CommandHandler;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.ModuleModel;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 7.10 prints the connect outcome as "+UMQTTSNC: 1,1" where 7.2 prints "+UUMQTTSNC: 1,1": a module may send either,
 * after its OK (as a URC) or before it (among the command's response lines). The simulated module's +UMQTTSNC=1 is
 * replaced here by one that answers with the 7.10 spelling.
 */
class MqttSnSpecSpellingTest {

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void connectOutcomeSpelledAs7_10(boolean afterOk) throws Exception {
        try (Broker broker = new Broker();
                MqttSnSim sim = new MqttSnSim(ModuleModel.SARA_R5_02B,
                        MqttSnSettings.gateway("127.0.0.1", broker.port).withResponseTimeout(Duration.ofSeconds(5)))) {
            CommandHandler original = sim.module.commands().lookup("+UMQTTSNC");
            sim.module.commands().register("+UMQTTSNC", (command, module) -> {
                if (command.paramCount() == 1 && command.intParam(0) == 1) {
                    if (afterOk) {
                        CompletableFuture.runAsync(() -> sim.module.emitUrc("+UMQTTSNC: 1,1"),
                                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
                        return Response.ok();
                    }
                    return Response.ok("+UMQTTSNC: 1,1");
                }
                if (command.paramCount() == 1 && command.intParam(0) == 0) {
                    CompletableFuture.runAsync(() -> sim.module.emitUrc("+UUMQTTSNC: 0,1"),
                            CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
                    return Response.ok();
                }
                return original.handle(command, module);
            });
            sim.client.connect();
            assertTrue(sim.client.isConnected());
        }
    }
}
