package io.ucell.simulator;

import com.fazecast.jSerialComm.SerialPort;
import io.ucell.simulator.model.ModuleModel;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Standalone simulator:
 * {@code java -jar ucell-simulator-VERSION-standalone.jar --tcp PORT --model MODEL [--baud N] [--nvm FILE]
 * [--boot-ms N] [--reg-ms N] [--control PORT] [--no-console]} or {@code --serial /dev/pts/N} instead of --tcp.
 */
public final class Main {
    private Main() {
    }

    static String usage() {
        StringBuilder sb = new StringBuilder();
        sb.append("usage: java -jar ucell-simulator-standalone.jar (--tcp PORT | --serial DEVICE) --model MODEL\n")
                .append("          [--baud N] [--nvm FILE] [--boot-ms N] [--reg-ms N] [--processing-ms N]\n")
                .append("          [--ipv6] [--listen-address IP] [--mqttsn-predefined ID=TOPIC]... [--control PORT]\n")
                .append("          [--no-console]\n\n")
                .append("  --tcp PORT        serve the AT interface on TCP (one client at a time, like ser2net)\n")
                .append("  --serial DEVICE   serve it on a serial device (e.g. a socat pty), 8N1 at --baud\n")
                .append("  --model MODEL     module model (see below)\n")
                .append("  --baud N          UART speed the bytes are paced at (default 115200)\n")
                .append("  --nvm FILE        NVM properties file (MNO profile, +CGDCONT, +UDCONF=19); memory if absent\n")
                .append("  --boot-ms N       boot time in ms (default 3000)\n")
                .append("  --reg-ms N        time from +CFUN=1 to registered in ms (default 1000)\n")
                .append("  --processing-ms N per-command processing delay in ms (default 10)\n")
                .append("  --ipv6            the network grants IPv6 addresses too (default IPv4 only)\n")
                .append("  --listen-address IP  host address +USOLI server sockets bind to (default 127.0.0.1)\n")
                .append("  --mqttsn-predefined ID=TOPIC  an MQTT-SN predefined topic id of the module's gateway (repeatable)\n")
                .append("  --control PORT    fault-injection console on a TCP port (also on stdin)\n")
                .append("  --no-console      do not read fault-injection commands from stdin\n\n")
                .append("models:\n");
        for (ModuleModel m : ModuleModel.values()) {
            sb.append(String.format("  %-14s %-22s %s, fw %s%n", m.cliName(), m.identity().typeNumber(),
                    m.family(), m.identity().firmware()));
        }
        sb.append("\nfault-injection console commands:\n").append(ControlConsole.HELP).append('\n');
        return sb.toString();
    }

    public static void main(String[] args) throws Exception {
        Integer tcp = null;
        Integer control = null;
        String serial = null;
        boolean console = true;
        SimulatorConfig.Builder b = SimulatorConfig.builder();
        boolean modelGiven = false;
        java.util.List<String> predefined = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--help":
                    case "-h":
                        System.out.print(usage());
                        return;
                    case "--tcp":
                        tcp = Integer.parseInt(value(args, ++i, a));
                        break;
                    case "--serial":
                        serial = value(args, ++i, a);
                        break;
                    case "--model":
                        b.model(ModuleModel.fromName(value(args, ++i, a)));
                        modelGiven = true;
                        break;
                    case "--baud":
                        b.baud(Integer.parseInt(value(args, ++i, a)));
                        break;
                    case "--nvm":
                        b.nvmFile(Path.of(value(args, ++i, a)));
                        break;
                    case "--boot-ms":
                        b.bootTime(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                        break;
                    case "--reg-ms":
                        b.registrationDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                        break;
                    case "--processing-ms":
                        b.processingDelay(Duration.ofMillis(Long.parseLong(value(args, ++i, a))));
                        break;
                    case "--ipv6":
                        b.networkGrants(true, true);
                        break;
                    case "--listen-address":
                        b.socketListenAddress(value(args, ++i, a));
                        break;
                    case "--mqttsn-predefined":
                        predefined.add(value(args, ++i, a));
                        b.mqttSnPredefinedTopics(predefined);
                        break;
                    case "--control":
                        control = Integer.parseInt(value(args, ++i, a));
                        break;
                    case "--no-console":
                        console = false;
                        break;
                    default:
                        throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if ((tcp == null) == (serial == null)) {
                throw new IllegalArgumentException("give exactly one of --tcp PORT or --serial DEVICE");
            }
            if (!modelGiven) {
                throw new IllegalArgumentException("--model is required; valid names: " + ModuleModel.validNames());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(usage());
            System.exit(2);
            return;
        }

        SimulatorConfig cfg = b.build();
        SimulatedModule module = new SimulatedModule(cfg);
        CountDownLatch stop = new CountDownLatch(1);
        SimulatorTcpServer server = null;
        SerialPort port = null;
        if (tcp != null) {
            server = SimulatorTcpServer.start(module, tcp);
            System.out.println("simulated " + cfg.model().cliName() + " on TCP port " + server.port()
                    + " at " + cfg.baud() + " baud");
        } else {
            port = SerialPort.getCommPort(serial);
            port.setComPortParameters(cfg.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
            port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
            port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 0, 0);
            if (!port.openPort()) {
                System.err.println("error: cannot open serial device " + serial);
                module.close();
                System.exit(1);
                return;
            }
            module.attach(port.getInputStream(), port.getOutputStream());
            System.out.println("simulated " + cfg.model().cliName() + " on " + serial + " at " + cfg.baud() + " baud");
        }
        ControlConsole cc = new ControlConsole(module);
        if (control != null) {
            startControlServer(cc, control);
        }
        if (console) {
            Thread t = new Thread(() -> {
                try {
                    if (cc.serve(new InputStreamReader(System.in, StandardCharsets.UTF_8),
                            new OutputStreamWriter(System.out, StandardCharsets.UTF_8))) {
                        stop.countDown();
                    }
                } catch (IOException e) {
                    // stdin gone: keep serving
                }
            }, "ucell-sim-console");
            t.setDaemon(true);
            t.start();
        }
        final SimulatorTcpServer srv = server;
        final SerialPort sp = port;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> shutdown(srv, sp, module)));
        stop.await();
        shutdown(srv, sp, module);
        System.exit(0);
    }

    private static void shutdown(SimulatorTcpServer server, SerialPort port, SimulatedModule module) {
        if (server != null) {
            server.close();
        }
        module.close();
        if (port != null) {
            port.closePort();
        }
    }

    private static void startControlServer(ControlConsole cc, int port) throws IOException {
        ServerSocket ss = new ServerSocket(port, 4, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    cc.serve(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8),
                            new OutputStreamWriter(s.getOutputStream(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    // next client
                }
            }
        }, "ucell-sim-control");
        t.setDaemon(true);
        t.start();
        System.out.println("fault-injection console on 127.0.0.1:" + ss.getLocalPort());
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
