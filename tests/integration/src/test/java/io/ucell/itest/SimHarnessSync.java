package io.ucell.itest;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;

/** Sends AT until the module answers OK, as a host does after power-on or a reboot. */
final class SimHarnessSync {

    private SimHarnessSync() {
    }

    static void synchronise(AtEngine engine) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() -> {
            try {
                return engine.execute(AtCommand.basic("").timeout(Duration.ofMillis(300)).build()).isOk();
            } catch (AtException e) {
                return false;
            }
        });
    }
}
