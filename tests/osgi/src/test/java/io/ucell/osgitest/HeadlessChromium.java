package io.ucell.osgitest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's chromium, headless, as a person's browser: loads a page, runs its scripts, and returns the DOM
 * (or a screenshot). The flags keep it from reaching out to the network this machine does not have.
 */
final class HeadlessChromium {

    static final Path BINARY = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {
    }

    static boolean available() {
        return Files.isExecutable(BINARY);
    }

    /** The DOM after the page's scripts have run for up to {@code budgetMillis} of virtual time. */
    static String dumpDom(String url, Path profile, int budgetMillis) throws IOException, InterruptedException {
        List<String> cmd = command(profile, budgetMillis);
        cmd.add("--dump-dom");
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("chromium did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Saves a PNG of the page, for people reading the test output. */
    static void screenshot(String url, Path profile, Path png) throws IOException, InterruptedException {
        List<String> cmd = command(profile, 5000);
        cmd.add("--window-size=1280,1400");
        cmd.add("--screenshot=" + png.toAbsolutePath());
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static List<String> command(Path profile, int budgetMillis) {
        List<String> cmd = new ArrayList<>(List.of(BINARY.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile.toAbsolutePath(),
                "--virtual-time-budget=" + budgetMillis));
        return cmd;
    }
}
