package io.ucell.at;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * How long each command may take before the engine gives up on it.
 *
 * <p>Simple commands answer in milliseconds; commands that wait for the network take minutes. The
 * figures are the maximum response times of the u-blox AT commands manuals, rounded up.
 */
public final class CommandTimeouts {

    private final Duration fallback;
    private final Map<String, Duration> byName = new HashMap<>();

    private CommandTimeouts(Duration fallback) {
        this.fallback = fallback;
    }

    /** The u-blox table: 10 s for simple commands, up to several minutes for network operations. */
    public static CommandTimeouts ublox() {
        CommandTimeouts t = new CommandTimeouts(Duration.ofSeconds(10));
        t.put(Duration.ofMinutes(3), "+COPS", "+CFUN", "+UPSDA", "+CGACT", "+UHTTPC", "+UFTPC", "+UCOAPC");
        t.put(Duration.ofMinutes(2), "+USOCO", "+USOCL", "+USOWR", "+USOST", "+UMQTTC", "+UMQTTSNC", "+USOSEC");
        t.put(Duration.ofSeconds(70), "+UDNSRN");
        t.put(Duration.ofSeconds(30), "+UMNOPROF", "+USECMNG", "+UDWNFILE", "+CGATT", "+CGDCONT", "+CEREG",
                "+UPING", "+USOLI");
        return t;
    }

    /** One timeout for every command (for tests). */
    public static CommandTimeouts uniform(Duration timeout) {
        return new CommandTimeouts(timeout);
    }

    /** Sets the timeout of some commands. */
    public CommandTimeouts put(Duration timeout, String... names) {
        for (String n : names) {
            byName.put(n, timeout);
        }
        return this;
    }

    public Duration forCommand(AtCommand command) {
        if (command.timeout() != null) {
            return command.timeout();
        }
        if (isRead(command)) {
            // AT+COPS?, AT+CGACT?...: the read form reports stored state at once, only the set (and AT+COPS=?) forms
            // wait for the network; a silent module is noticed after seconds, not minutes
            return fallback;
        }
        return byName.getOrDefault(command.name(), fallback);
    }

    private static boolean isRead(AtCommand command) {
        String text = command.text();
        return text.endsWith("?") && !text.endsWith("=?");
    }
}
