package io.ucell.sockets.client;

import io.ucell.sockets.SocketOptions;
import io.ucell.sockets.WriteMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of the socket client.
 *
 * @param socketDefaults options of sockets opened without explicit ones (keepalive, linger)
 * @param writeMode      auto (cost model), binary or hex
 * @param baud           the UART rate of the link to the module, for the write cost model
 * @param pollInterval   how often a waiting reader asks the module for data even without a URC (a URC can be lost)
 * @param writeTimeout   how long a write keeps retrying while the module's queue is full (5.3.3)
 * @param connectTimeout how long +USOCO (TCP connect and TLS handshake) may take
 */
public record StackSettings(SocketOptions socketDefaults, WriteMode writeMode, int baud, Duration pollInterval,
        Duration writeTimeout, Duration connectTimeout) {

    public static StackSettings defaults() {
        return new StackSettings(SocketOptions.defaults(), WriteMode.AUTO, 115200, Duration.ofSeconds(1),
                Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    public StackSettings withBaud(int b) {
        return new StackSettings(socketDefaults, writeMode, b, pollInterval, writeTimeout, connectTimeout);
    }

    public StackSettings withWriteMode(WriteMode m) {
        return new StackSettings(socketDefaults, m, baud, pollInterval, writeTimeout, connectTimeout);
    }

    public StackSettings withDefaults(SocketOptions o) {
        return new StackSettings(o, writeMode, baud, pollInterval, writeTimeout, connectTimeout);
    }

    public StackSettings withWriteTimeout(Duration d) {
        return new StackSettings(socketDefaults, writeMode, baud, pollInterval, d, connectTimeout);
    }

    /** Everything wrong with these settings (empty when valid). */
    public List<String> validate() {
        List<String> errors = new ArrayList<>();
        if (socketDefaults == null) {
            errors.add("socket defaults missing");
        }
        if (writeMode == null) {
            errors.add("write mode missing");
        }
        if (baud < 300 || baud > 4_000_000) {
            errors.add("baud must be 300..4000000: " + baud);
        }
        for (Duration d : new Duration[] {pollInterval, writeTimeout, connectTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                errors.add("poll interval, write timeout and connect timeout must be positive");
                break;
            }
        }
        return errors;
    }
}
