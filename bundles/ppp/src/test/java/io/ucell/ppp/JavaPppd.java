package io.ucell.ppp;

import io.ucell.testsupport.ppp.PppClient;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

/**
 * A stand-in for pppd that speaks real PPP (the test PPP client of tests/support) on its stdin/stdout, as pppd does
 * with {@code notty}; for tests on machines without /dev/ppp. Takes pppd's {@code user}/{@code password} from the
 * options file given with {@code file}, writes what happened next to the path given with {@code logfile}, sends a
 * UDP datagram to 127.0.0.1:{@code ipparam} and expects it back, and on SIGTERM sends an LCP Terminate-Request like
 * pppd.
 */
public final class JavaPppd {
    private JavaPppd() {
    }

    public static void main(String[] args) throws Exception {
        String log = null;
        String options = null;
        int echoPort = 0;
        for (int i = 0; i + 1 < args.length; i++) {
            switch (args[i]) {
                case "logfile" -> log = args[i + 1];
                case "file" -> options = args[i + 1];
                case "ipparam" -> echoPort = Integer.parseInt(args[i + 1]);
                default -> { }
            }
        }
        String user = "";
        String password = "";
        if (options != null) {
            for (String line : Files.readAllLines(Path.of(options))) {
                if (line.startsWith("user ")) {
                    user = unquote(line.substring(5));
                } else if (line.startsWith("password ")) {
                    password = unquote(line.substring(9));
                }
            }
        }
        Path base = Path.of(log);
        String logPath = log;
        Files.writeString(Path.of(log + ".args"), String.join("\n", Arrays.asList(args)));
        InputStream in = new FileInputStream(FileDescriptor.in);
        OutputStream out = new FileOutputStream(FileDescriptor.out);
        PppClient ppp = PppClient.connect(in, out, user, password, Duration.ofSeconds(15));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.writeString(Path.of(logPath + ".term"), "TERM");
                boolean t = ppp.terminate(Duration.ofSeconds(3)); // pppd ends LCP on SIGTERM
                Files.writeString(Path.of(logPath + ".terminated"), t + " " + ppp.textSeen());
            } catch (Throwable e) {
                try {
                    Files.writeString(Path.of(logPath + ".hookfail"), e.toString());
                } catch (Exception ignored) {
                    // exiting anyway
                }
            }
        }));
        Files.writeString(Path.of(log + ".state"), "up " + ppp.localAddress().getHostAddress() + " "
                + ppp.peerAddress().getHostAddress() + " " + Integer.toHexString(ppp.authProtocol()));
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ppp.sendUdp(40_200, InetAddress.getLoopbackAddress(), echoPort, data);
        PppClient.Datagram back = ppp.receiveUdp(Duration.ofSeconds(10));
        Files.writeString(Path.of(log + ".echo"), back != null && Arrays.equals(back.data(), data) ? "echo ok" : "echo failed");
        String end = ppp.awaitEnd(Duration.ofDays(1)); // the link ends (EOF) or SIGTERM
        Files.writeString(Path.of(base + ".end"), String.valueOf(end));
    }

    private static String unquote(String s) {
        String t = s.trim();
        if (t.startsWith("\"") && t.endsWith("\"")) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replace("\\\"", "\"").replace("\\\\", "\\");
    }
}
