package io.ucell.simulator;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.time.Duration;
import java.util.Locale;

/**
 * Text commands that drive the fault-injection API, one per line; used on the standalone simulator's stdin
 * and on its optional control TCP port. {@link #execute(String)} returns the reply text.
 */
public final class ControlConsole {
    public static final String HELP = String.join("\n",
            "reboot                      reboot now (quiet for the boot time, volatile state lost)",
            "lose-registration           coverage lost (+CEREG: 2; SARA-R42 contexts go down)",
            "regain-registration         coverage back, the module registers again",
            "deactivate CID [nw|me]      deactivate a context (+CGEV: NW/ME PDN DEACT, +UUPSDD)",
            "drop N                      drop the next N bytes the module sends",
            "corrupt N                   flip one bit in each of the next N bytes the module sends",
            "drop-prob P                 drop each sent byte with probability P (0..1)",
            "corrupt-prob P              corrupt each sent byte with probability P (0..1)",
            "clear-faults                stop dropping/corrupting bytes",
            "delay MS                    extra delay before each answer (0 to stop)",
            "urc TEXT                    send TEXT as a URC (framed with CR LF)",
            "hang | unhang               stop / resume answering anything",
            "signal RSSI RSRP RSRQ       signal levels in dBm/dBm/dB for +CSQ/+CESQ",
            "dns NAME IP                 DNS override for +UDNSRN/+UPING",
            "remote-close S              the remote end of TCP socket S closes the connection",
            "status                      show model, boot, registration, contexts and sockets",
            "help                        this text",
            "quit                        stop the simulator (stdin console only)");

    private final SimulatedModule module;

    public ControlConsole(SimulatedModule module) {
        this.module = module;
    }

    /** Runs one command line; returns the reply ("OK", an error text, or the status). */
    public String execute(String line) {
        String[] w = line.trim().split("\\s+");
        if (w.length == 0 || w[0].isEmpty()) {
            return "";
        }
        try {
            switch (w[0].toLowerCase(Locale.ROOT)) {
                case "reboot":
                    module.reboot();
                    return "OK";
                case "lose-registration":
                    module.loseRegistration();
                    return "OK";
                case "regain-registration":
                    module.regainRegistration();
                    return "OK";
                case "deactivate":
                    module.deactivateContext(Integer.parseInt(w[1]),
                            w.length < 3 || !w[2].equalsIgnoreCase("me"));
                    return "OK";
                case "drop":
                    module.dropNextBytes(Integer.parseInt(w[1]));
                    return "OK";
                case "corrupt":
                    module.corruptNextBytes(Integer.parseInt(w[1]));
                    return "OK";
                case "drop-prob":
                    module.setDropProbability(Double.parseDouble(w[1]));
                    return "OK";
                case "corrupt-prob":
                    module.setCorruptProbability(Double.parseDouble(w[1]));
                    return "OK";
                case "clear-faults":
                    module.clearLineFaults();
                    return "OK";
                case "delay":
                    module.setResponseDelay(Duration.ofMillis(Long.parseLong(w[1])));
                    return "OK";
                case "urc":
                    module.emitUrc(line.trim().substring(3).trim());
                    return "OK";
                case "hang":
                    module.setUnresponsive(true);
                    return "OK";
                case "unhang":
                    module.setUnresponsive(false);
                    return "OK";
                case "signal":
                    module.setSignal(Integer.parseInt(w[1]), Integer.parseInt(w[2]), Integer.parseInt(w[3]));
                    return "OK";
                case "dns":
                    module.setDnsOverride(w[1], w[2]);
                    return "OK";
                case "remote-close":
                    return module.remoteCloseSocket(Integer.parseInt(w[1])) ? "OK" : "no connected TCP socket " + w[1];
                case "status":
                    return status();
                case "help":
                    return HELP;
                default:
                    return "unknown command '" + w[0] + "' (try help)";
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            return "missing argument (try help)";
        } catch (IllegalArgumentException e) {
            return "bad argument: " + e.getMessage();
        }
    }

    private String status() {
        var n = module.network();
        StringBuilder sb = new StringBuilder();
        sb.append("model ").append(module.model().cliName())
                .append(module.isBooting() ? " booting" : " ready")
                .append(module.isUnresponsive() ? " (hung)" : "")
                .append("\ncfun ").append(n.cfun()).append(", reg stat ").append(n.regStat())
                .append(", mno profile ").append(n.activeMnoProfile());
        n.definedContexts().forEach(c -> sb.append("\ncid ").append(c.cid()).append(' ').append(c.type().atName())
                .append(" \"").append(c.apn()).append("\" ").append(c.active() ? "active" : "inactive")
                .append(c.ipv4() != null ? " " + c.ipv4() : "").append(c.ipv6() != null ? " " + c.ipv6() : ""));
        String sockets = module.sockets().describe();
        if (!sockets.isEmpty()) {
            sb.append('\n').append(sockets);
        }
        sb.append("\ncommand gap violations ").append(module.commandGapViolations())
                .append(", garbled prompt bytes ").append(module.corruptedPromptBytes());
        return sb.toString();
    }

    /** Reads commands until end of input or "quit"; returns true when "quit" was typed. */
    public boolean serve(Reader in, Writer out) throws IOException {
        BufferedReader r = new BufferedReader(in);
        PrintWriter w = new PrintWriter(out, true);
        String line;
        while ((line = r.readLine()) != null) {
            if (line.trim().equalsIgnoreCase("quit")) {
                return true;
            }
            String reply = execute(line);
            if (!reply.isEmpty()) {
                w.println(reply);
            }
        }
        return false;
    }


    /** Convenience for stdin. */
    public boolean serveStdin() throws IOException {
        return serve(new InputStreamReader(System.in), new java.io.OutputStreamWriter(System.out));
    }
}
