package io.ucell.ppp.pppd;

import io.ucell.ppp.PppException;
import io.ucell.ppp.PppLink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * pppd on a PPP link: {@code pppd notty nodetach [file <options>] <extra>} with its stdin/stdout pumped to and
 * from the link ({@code notty} makes pppd use them as the serial line). The user name and password reach pppd
 * through an options file only its owner can read, never the command line. Stopping sends SIGTERM to pppd
 * (it then sends an LCP Terminate-Request, after which the module hangs up) and hangs the link up.
 */
public final class PppdSession implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PppdSession.class);
    private static final Duration TERM_WAIT = Duration.ofSeconds(5);

    private final PppLink link;
    private final Process process;
    private final Path secretFile;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile boolean stopping;

    private PppdSession(PppLink link, Process process, Path secretFile) {
        this.link = link;
        this.process = process;
        this.secretFile = secretFile;
    }

    /** Starts pppd on the link; the link is hung up when pppd exits, and pppd is stopped when the link ends. */
    public static PppdSession start(PppLink link, PppdOptions options) throws PppException {
        List<String> problems = options.validate();
        if (!problems.isEmpty()) {
            throw new PppException("pppd not started: " + String.join("; ", problems));
        }
        Path secrets = null;
        List<String> cmd = new ArrayList<>();
        cmd.add(options.executable().toString());
        cmd.add("notty");
        cmd.add("nodetach");
        try {
            if (!options.user().isEmpty() || !options.password().isEmpty()) {
                secrets = writeSecrets(options);
                cmd.add("file");
                cmd.add(secrets.toString());
            }
            cmd.addAll(options.extra());
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            PppdSession s = new PppdSession(link, p, secrets);
            s.pump();
            LOG.info("pppd started on the PPP link of cid {} (pid {}): {}", link.cid(), p.pid(), cmd);
            return s;
        } catch (IOException e) {
            delete(secrets);
            throw new PppException("pppd could not be started: " + e.getMessage(), e);
        }
    }

    /** pppd options file syntax: double-quoted words with backslash escapes. */
    private static Path writeSecrets(PppdOptions o) throws IOException {
        Files.createDirectories(o.workDir());
        Path f = Files.createTempFile(o.workDir(), "ucell-pppd-", ".options",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        f.toFile().deleteOnExit();
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            if (!o.user().isEmpty()) {
                w.write("user " + quoted(o.user()) + "\n");
            }
            if (!o.password().isEmpty()) {
                w.write("password " + quoted(o.password()) + "\n");
            }
        }
        return f;
    }

    static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private void pump() {
        Thread toLink = new Thread(() -> copy(process.getInputStream(), link.output(), "pppd -> link", false),
                "ucell-pppd-out-cid" + link.cid());
        Thread fromLink = new Thread(() -> copy(link.input(), process.getOutputStream(), "link -> pppd", true),
                "ucell-pppd-in-cid" + link.cid());
        toLink.setDaemon(true);
        fromLink.setDaemon(true);
        toLink.start();
        fromLink.start();
        process.onExit().thenAccept(p -> {
            int code = p.exitValue();
            delete(secretFile);
            if (!stopping) {
                LOG.info("pppd on cid {} exited with {}; hanging up", link.cid(), code);
                link.close();
            }
            exited.complete(code);
        });
        link.ended().thenAccept(why -> {
            if (process.isAlive() && !stopping) {
                LOG.info("PPP link on cid {} ended ({}); stopping pppd", link.cid(), why);
                terminate();
            }
        });
    }

    /** Pumps until the end of {@code in}; {@code closeOut}: then close {@code out} (pppd sees the end of its line). */
    private static void copy(InputStream in, OutputStream out, String what, boolean closeOut) {
        byte[] buf = new byte[4096];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (n > 0) {
                    out.write(buf, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            LOG.debug("{}: {}", what, e.getMessage());
        } finally {
            if (closeOut) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // pppd already gone
                }
            }
        }
    }

    /**
     * SIGTERM, then SIGKILL when pppd has not exited after a few seconds. The signal goes through the process
     * handle: {@code Process.destroy()} would also close pppd's stdin and stdout, and the LCP Terminate-Request
     * pppd sends on SIGTERM would never reach the module.
     */
    private void terminate() {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(TERM_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("pppd (pid {}) ignored SIGTERM for {} s; killing it", process.pid(), TERM_WAIT.toSeconds());
                process.destroyForcibly().waitFor(TERM_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public PppLink link() {
        return link;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** pppd's exit code once it exited. */
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** Stops pppd (SIGTERM: it terminates LCP) and hangs the link up if the module has not already. */
    public void stop() throws PppException {
        stopping = true;
        terminate();
        delete(secretFile);
        try {
            // pppd's LCP Terminate-Request makes the module send NO CARRIER by itself: give it a moment
            link.awaitEnd(Duration.ofSeconds(3));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        link.hangUp();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (PppException e) {
            LOG.warn("stopping pppd on cid {}: {}", link.cid(), e.getMessage());
        }
    }

    private static void delete(Path f) {
        if (f != null) {
            try {
                Files.deleteIfExists(f);
            } catch (IOException e) {
                LOG.debug("cannot delete {}: {}", f, e.getMessage());
            }
        }
    }
}
