package io.ucell.mqttsn;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.simulator.commands.CommandHandler;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestBroker;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * 7.10 prints the connect outcome as "+UMQTTSNC: 1,1" where 7.2 prints "+UUMQTTSNC: 1,1": a module may send either
 * after its OK. A "+UMQTTSNC: 1,1" before the OK is the command's own answer (accepted), and the URC after it still
 * decides. The simulated module's +UMQTTSNC=1 is replaced here by one answering each way.
 */
class MqttSnSpecSpellingTest {

    private static MqttSnSim sim(TestBroker broker) throws Exception {
        return new MqttSnSim(ModuleModel.SARA_R5_02B,
                MqttSnSettings.gateway("127.0.0.1", broker.port).withResponseTimeout(Duration.ofSeconds(5)));
    }

    /** +UMQTTSNC=1 answered with {@code infoLine} before OK (null: none) and {@code urc} 100 ms after it. */
    private static void answerConnect(MqttSnSim sim, String infoLine, String urc) {
        CommandHandler original = sim.module.commands().lookup("+UMQTTSNC");
        sim.module.commands().register("+UMQTTSNC", (command, module) -> {
            if (command.paramCount() == 1 && (command.intParam(0) == 1 || command.intParam(0) == 0)) {
                String later = command.intParam(0) == 1 ? urc : "+UUMQTTSNC: 0,1";
                CompletableFuture.runAsync(() -> sim.module.emitUrc(later),
                        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
                return infoLine == null || command.intParam(0) == 0 ? Response.ok() : Response.ok(infoLine);
            }
            return original.handle(command, module);
        });
    }

    @Test
    void connectOutcomeSpelledAs7_10() throws Exception {
        try (TestBroker broker = TestBroker.start(); MqttSnSim sim = sim(broker)) {
            answerConnect(sim, null, "+UMQTTSNC: 1,1");
            sim.client.connect();
            assertTrue(sim.client.isConnected());
        }
    }

    @Test
    void anAcceptedCommandIsNotAConnection() throws Exception {
        try (TestBroker broker = TestBroker.start(); MqttSnSim sim = sim(broker)) {
            answerConnect(sim, "+UMQTTSNC: 1,1", "+UUMQTTSNC: 1,0");
            assertThrows(MqttSnException.class, sim.client::connect);
            assertFalse(sim.client.isConnected());
        }
    }
}
