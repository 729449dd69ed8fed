package io.ucell.console;

import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

import io.ucell.at.AtCommand;
import io.ucell.at.AtResponse;
import io.ucell.at.framing.AtLine;
import io.ucell.modem.ModemService;
import io.ucell.modem.PingResult;

/**
 * Gogo commands: {@code ucell:status}, {@code ucell:at "AT+CSQ"}, {@code ucell:ping HOST},
 * {@code ucell:dns NAME}. Gogo calls public methods by name, so no Gogo API is imported.
 */
@Component(service = ModemCommands.class, property = {
        "osgi.command.scope=ucell",
        "osgi.command.function=status",
        "osgi.command.function=at",
        "osgi.command.function=ping",
        "osgi.command.function=dns" })
public class ModemCommands {

    @Reference
    private ModemService modem;

    /** Identity, registration, PDP contexts and addresses. */
    public String status() {
        return StatusReport.text(modem.refreshStatus());
    }

    /** Runs one AT command line and prints the module's answer. */
    public String at(String line) {
        AtResponse r = modem.execute(AtCommand.raw(line));
        StringBuilder sb = new StringBuilder();
        for (AtLine l : r.lines()) {
            sb.append(l.text()).append(System.lineSeparator());
        }
        return sb.append(r.result().line()).toString();
    }

    /** Pings a host from the module, 4 echo requests of 5 s each at most. */
    public String ping(String host) {
        PingResult p = modem.ping(host, 4, Duration.ofSeconds(5));
        StringBuilder sb = new StringBuilder();
        if (p.errorCode() != null) {
            return "ping " + host + " failed: +UUPINGER " + p.errorCode();
        }
        for (PingResult.Reply reply : p.replies()) {
            sb.append(reply.received()
                    ? String.format("%d bytes from %s: seq=%d ttl=%d time=%d ms%n", reply.size(), p.address(),
                            reply.sequence(), reply.ttl(), reply.rttMillis())
                    : String.format("seq=%d timed out%n", reply.sequence()));
        }
        return sb.append(p.received()).append('/').append(p.replies().size()).append(" replies").toString();
    }

    /** Resolves a name (or, given an address, the name) through the module's DNS. */
    public String dns(String nameOrAddress) {
        if (nameOrAddress.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
            return modem.reverseResolve(nameOrAddress);
        }
        List<String> addresses = modem.resolve(nameOrAddress);
        return String.join(System.lineSeparator(), addresses);
    }
}
