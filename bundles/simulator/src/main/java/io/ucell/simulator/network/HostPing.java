package io.ucell.simulator.network;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real ICMP reachability from the host, which stands in for the module's network: the system ping binary
 * when there is one (it reports the reply's TTL and RTT), else InetAddress.isReachable (which cannot see the
 * reply TTL, so the request TTL is reported).
 */
public final class HostPing {
    /** One echo: the reply's TTL and the round trip time in ms, or rtt -1 on timeout. */
    public record Echo(int ttl, long rttMs) {
    }

    private static final Pattern TTL = Pattern.compile("ttl=(\\d+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile("time[=<]([\\d.]+)\\s*ms", Pattern.CASE_INSENSITIVE);

    private final String pingBinary;

    public HostPing() {
        this(findOnPath("ping"));
    }

    /** @param pingBinary path of a ping executable, or null to use InetAddress.isReachable */
    public HostPing(String pingBinary) {
        this.pingBinary = pingBinary;
    }

    public boolean usesBinary() {
        return pingBinary != null;
    }

    public Echo ping(InetAddress target, int size, int timeoutMs, int ttl) {
        if (pingBinary != null) {
            try {
                return pingWithBinary(target, size, timeoutMs, ttl);
            } catch (IOException e) {
                // fall through to the Java probe: the binary may lack privileges in a container
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Echo(ttl, -1);
            }
        }
        long t0 = System.nanoTime();
        try {
            if (target.isReachable(null, ttl, timeoutMs)) {
                return new Echo(ttl, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
            }
        } catch (IOException e) {
            // unreachable
        }
        return new Echo(ttl, -1);
    }

    private Echo pingWithBinary(InetAddress target, int size, int timeoutMs, int ttl)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(pingBinary, "-n", "-c", "1",
                "-W", Integer.toString(Math.max(1, (timeoutMs + 999) / 1000)),
                "-s", Integer.toString(size), "-t", Integer.toString(ttl), target.getHostAddress()));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        StringBuilder out = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.append(line).append('\n');
            }
        }
        if (!p.waitFor(timeoutMs + 2000L, TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            return new Echo(ttl, -1);
        }
        Matcher t = TTL.matcher(out);
        Matcher ms = TIME.matcher(out);
        if (t.find() && ms.find()) {
            return new Echo(Integer.parseInt(t.group(1)), Math.round(Double.parseDouble(ms.group(1))));
        }
        if (p.exitValue() == 2 && out.toString().toLowerCase().contains("permi")) {
            throw new IOException("ping not permitted: " + out);
        }
        return new Echo(ttl, -1);
    }

    static String findOnPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            File f = new File(dir, exe);
            if (f.isFile() && f.canExecute()) {
                return f.getAbsolutePath();
            }
        }
        return null;
    }
}
