package io.ucell.ftp.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtErrorException;
import io.ucell.at.AtException;
import io.ucell.at.AtResponse;
import io.ucell.at.DataModeSession;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.files.ModuleFileException;
import io.ucell.files.ModuleFileNames;
import io.ucell.files.ModuleFiles;
import io.ucell.files.TemporaryModuleFile;
import io.ucell.ftp.FtpException;
import io.ucell.ftp.FtpProgress;
import io.ucell.ftp.FtpService;
import io.ucell.ftp.at.FtpAt;
import io.ucell.ftp.at.FtpErrors;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FTP through the module's client (section 9). Before the first operation, and again after the module
 * restarted, it writes the +UFTP settings and logs in. Each +UFTPC answers OK and later +UUFTPCR: op,1|0
 * (listings come in +UUFTPCD first); a 0 is explained by +UFTPER. One operation at a time (fair lock).
 */
public final class FtpClient implements FtpService, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FtpClient.class);
    private static final int COPY_BUFFER = 4096;

    private final ModemService modem;
    private final ModuleFiles files;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile FtpSettings settings;
    /** Set when the modem state changed: the module may have rebooted, forgetting settings and connection. */
    private volatile boolean stale = true;
    private boolean loggedIn;
    private final ModemListener onStateChange = this::statusChanged;

    public FtpClient(ModemService modem, ModuleFiles files, FtpSettings settings) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.modem = modem;
        this.files = files;
        this.settings = settings;
        modem.addListener(onStateChange);
    }

    private void statusChanged(ModemStatus previous, ModemStatus current) {
        if (previous == null || current == null || previous.state() != current.state()) {
            stale = true;
        }
    }

    /** New settings (refused when invalid: the old ones stay); the next operation logs in with them. */
    public void update(FtpSettings s) {
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        lock.lock();
        try {
            if (loggedIn) {
                try {
                    doLogout();
                } catch (FtpException e) {
                    LOG.debug("logout before new settings: {}", e.getMessage());
                }
            }
            settings = s;
            stale = true;
        } finally {
            lock.unlock();
        }
    }

    public FtpSettings settings() {
        return settings;
    }

    private AtEngine engine() throws FtpException {
        AtEngine at = modem.at();
        if (at == null) {
            throw new FtpException("the modem service is not started");
        }
        return at;
    }

    private void begin() throws FtpException {
        try {
            if (!lock.tryLock(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                throw new FtpException("another FTP operation is still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FtpException("interrupted while waiting for another FTP operation");
        }
    }

    // ------------------------------------------------------------------ session

    /** Writes the settings and logs in unless already logged in since the last module restart. */
    private void ensureLoggedIn() throws FtpException {
        if (stale) {
            stale = false;
            if (loggedIn) {
                loggedIn = false;
                // the state changed without a reboot, the module may still be connected: leave quietly
                try {
                    execute(FtpAt.command(FtpAt.LOGOUT, List.of(), null));
                } catch (FtpException e) {
                    LOG.debug("logout of a possibly stale FTP session: {}", e.getMessage());
                }
            }
        }
        if (loggedIn) {
            return;
        }
        FtpSettings s = settings;
        List<String> errors = s.validate(modem.capabilities());
        if (!errors.isEmpty()) {
            throw new FtpException("FTP settings refused: " + String.join("; ", errors));
        }
        writeSettings(s);
        operation(FtpAt.LOGIN, "login to " + s.server(), FtpAt.command(FtpAt.LOGIN, List.of(), null));
        loggedIn = true;
    }

    private void writeSettings(FtpSettings s) throws FtpException {
        execute(FtpAt.set(s.serverIsAddress() ? 0 : 1, s.server()));
        execute(FtpAt.set(7, s.port()));
        execute(FtpAt.set(2, s.user()));
        execute(FtpAt.setSecret(3, s.password()));
        if (!s.account().isEmpty()) {
            execute(FtpAt.set(4, s.account()));
        }
        if (s.lingerCommand() >= 0 || s.lingerData() >= 0) {
            execute(FtpAt.set(5, s.timeout(), Math.max(0, s.lingerCommand()), Math.max(0, s.lingerData())));
        } else {
            execute(FtpAt.set(5, s.timeout()));
        }
        execute(FtpAt.set(6, s.passive() ? 1 : 0));
        if (s.secureControl() || modemSecure()) {
            execute(FtpAt.set(8, s.secureControl() ? 1 : 0, s.securityProfile()));
            execute(FtpAt.set(12, s.secureData() ? 1 : 0));
        }
        if (s.pdpCid() >= 0) {
            execute(FtpAt.set(20, s.pdpCid(), s.pdpIpType()));
        }
    }

    /** Whether the module knows +UFTP=8/12 (so a previous secure setting can be switched off). */
    private boolean modemSecure() {
        var caps = modem.capabilities();
        return caps != null && caps.securitySupported();
    }

    private AtResponse execute(AtCommand c) throws FtpException {
        try {
            return engine().executeOk(c);
        } catch (AtErrorException e) {
            throw new FtpException(c.traceText() + " refused: " + e.result().line(), e);
        } catch (AtException e) {
            throw new FtpException(c.traceText() + ": " + e.getMessage(), e);
        }
    }

    /** The +UFTPER pair of the last operation. */
    private FtpException explain(String what) {
        try {
            int[] e = FtpErrors.parse(engine().executeOk(FtpAt.error()));
            return FtpErrors.toException(what, e[0], e[1]);
        } catch (FtpException | AtException ex) {
            return new FtpException(what + " failed (+UFTPER unavailable: " + ex.getMessage() + ")", ex);
        }
    }

    /**
     * Runs +UFTPC=op and waits for its +UUFTPCR; returns the +UUFTPCD data that came before it. URCs are
     * taken from one subscription so their order is kept.
     */
    private byte[] operation(int op, String what, AtCommand cmd) throws FtpException {
        AtEngine at = engine();
        BlockingQueue<AtLine> urcs = new LinkedBlockingQueue<>();
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        try (UrcBus.Subscription sub = at.subscribe("", u -> {
            if (u.line().hasPrefix("+UUFTPCR") || u.line().hasPrefix("+UUFTPCD")) {
                urcs.add(u.line());
            }
        })) {
            try {
                at.executeOk(cmd);
            } catch (AtErrorException e) {
                if (op != FtpAt.LOGIN && op != FtpAt.LOGOUT) {
                    // refused at once: maybe the module lost the connection; the next operation logs in again
                    stale = true;
                }
                throw explain(what);
            } catch (AtException e) {
                throw new FtpException(what + ": " + e.getMessage(), e);
            }
            long deadline = System.nanoTime() + settings.operationTimeout().toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                AtLine l = left > 0 ? urcs.poll(left, TimeUnit.NANOSECONDS) : null;
                if (l == null) {
                    loggedIn = false; // unknown state: the next operation starts over
                    throw new FtpException(what + ": no +UUFTPCR within " + settings.operationTimeout());
                }
                if (l.hasPrefix("+UUFTPCD")) {
                    if (l.paramCount() >= 1 && l.param(0).trim().equals(String.valueOf(op))) {
                        byte[] d = FtpAt.data(l);
                        if (d != null) {
                            data.writeBytes(d);
                        }
                    }
                    continue;
                }
                int[] r = FtpAt.result(l);
                if (r == null || r[0] != op) {
                    continue;
                }
                if (r[1] != 1) {
                    if (op == FtpAt.LOGIN) {
                        loggedIn = false;
                    }
                    throw explain(what);
                }
                return data.toByteArray();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FtpException(what + ": interrupted");
        }
    }

    /** Logs in if needed, then runs the operation. */
    private byte[] loggedInOperation(int op, String what, AtCommand cmd) throws FtpException {
        begin();
        try {
            boolean fresh = stale || !loggedIn;
            ensureLoggedIn();
            try {
                return operation(op, what, cmd);
            } catch (FtpException e) {
                if (fresh || !stale) {
                    throw e;
                }
                // refused at once on a session we thought alive (the module rebooted unnoticed): log in, once more
                LOG.info("{} refused ({}); logging in again", what, e.getMessage());
                ensureLoggedIn();
                return operation(op, what, cmd);
            }
        } finally {
            lock.unlock();
        }
    }

    private static String remote(String path, String what) {
        Objects.requireNonNull(path, what);
        io.ucell.at.AtQuoting.requireQuotable(path, what);
        return path;
    }

    // ------------------------------------------------------------------ FtpService

    @Override
    public void login() throws FtpException {
        begin();
        try {
            ensureLoggedIn();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void logout() throws FtpException {
        begin();
        try {
            if (stale) {
                stale = false;
                loggedIn = false;
            }
            if (loggedIn) {
                doLogout();
            }
        } finally {
            lock.unlock();
        }
    }

    private void doLogout() throws FtpException {
        loggedIn = false;
        operation(FtpAt.LOGOUT, "logout", FtpAt.command(FtpAt.LOGOUT, List.of(), null));
    }

    @Override
    public List<String> list(String path) throws FtpException {
        String p = remote(path, "path");
        return FtpAt.lines(loggedInOperation(FtpAt.LIST, "list " + p,
                FtpAt.command(FtpAt.LIST, p.isEmpty() ? List.of() : List.of(p), null)));
    }

    @Override
    public List<String> names(String path) throws FtpException {
        String p = remote(path, "path");
        return FtpAt.lines(loggedInOperation(FtpAt.NLST, "name list " + p,
                FtpAt.command(FtpAt.NLST, p.isEmpty() ? List.of() : List.of(p), null)));
    }

    @Override
    public void cd(String directory) throws FtpException {
        String d = remote(directory, "directory");
        loggedInOperation(FtpAt.CD, "cd " + d, FtpAt.command(FtpAt.CD, List.of(d), null));
    }

    @Override
    public void mkdir(String directory) throws FtpException {
        String d = remote(directory, "directory");
        loggedInOperation(FtpAt.MKDIR, "mkdir " + d, FtpAt.command(FtpAt.MKDIR, List.of(d), null));
    }

    @Override
    public void rmdir(String directory) throws FtpException {
        String d = remote(directory, "directory");
        loggedInOperation(FtpAt.RMDIR, "rmdir " + d, FtpAt.command(FtpAt.RMDIR, List.of(d), null));
    }

    @Override
    public void rename(String from, String to) throws FtpException {
        String f = remote(from, "from");
        String t = remote(to, "to");
        loggedInOperation(FtpAt.RENAME, "rename " + f, FtpAt.command(FtpAt.RENAME, List.of(f, t), null));
    }

    @Override
    public void delete(String remoteFile) throws FtpException {
        String r = remote(remoteFile, "remote file");
        loggedInOperation(FtpAt.DELETE, "delete " + r, FtpAt.command(FtpAt.DELETE, List.of(r), null));
    }

    @Override
    public void download(String remoteFile, String moduleFile, boolean resume) throws FtpException {
        String r = remote(remoteFile, "remote file");
        ModuleFileNames.require(moduleFile);
        loggedInOperation(FtpAt.RETRIEVE, "download " + r, FtpAt.command(FtpAt.RETRIEVE, List.of(r, moduleFile),
                resume ? 1L : null));
    }

    @Override
    public void upload(String moduleFile, String remoteFile, long offset) throws FtpException {
        String r = remote(remoteFile, "remote file");
        ModuleFileNames.require(moduleFile);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        loggedInOperation(FtpAt.STORE, "upload " + r, FtpAt.command(FtpAt.STORE, List.of(moduleFile, r),
                offset > 0 ? offset : null));
    }

    @Override
    public void get(String remoteFile, OutputStream to, FtpProgress progress) throws FtpException {
        String r = remote(remoteFile, "remote file");
        try (TemporaryModuleFile tmp = files.createTemporary("ftp")) {
            loggedInOperation(FtpAt.RETRIEVE, "download " + r, FtpAt.command(FtpAt.RETRIEVE,
                    List.of(r, tmp.name()), null));
            long total;
            try {
                total = files.size(tmp.name());
            } catch (ModuleFileException e) {
                throw new FtpException("download " + r + ": " + e.getMessage(), e);
            }
            progress.update(FtpProgress.Stage.SERVER, total, total);
            try (InputStream in = tmp.openAndDelete()) {
                copy(in, to, FtpProgress.Stage.FROM_MODULE, total, progress);
            } catch (IOException e) {
                throw new FtpException("download " + r + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public byte[] get(String remoteFile) throws FtpException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        get(remoteFile, out, FtpProgress.NONE);
        return out.toByteArray();
    }

    @Override
    public void put(String remoteFile, byte[] data, FtpProgress progress) throws FtpException {
        String r = remote(remoteFile, "remote file");
        try (TemporaryModuleFile tmp = files.createTemporary("ftp")) {
            progress.update(FtpProgress.Stage.TO_MODULE, 0, data.length);
            try {
                if (data.length > 0) {
                    files.upload(tmp.name(), data);
                }
            } catch (ModuleFileException e) {
                throw new FtpException("upload " + r + ": " + e.getMessage(), e);
            }
            progress.update(FtpProgress.Stage.TO_MODULE, data.length, data.length);
            if (data.length == 0) {
                throw new FtpException("upload " + r + ": the module cannot hold an empty file; use storeDirect");
            }
            loggedInOperation(FtpAt.STORE, "upload " + r, FtpAt.command(FtpAt.STORE, List.of(tmp.name(), r), null));
            progress.update(FtpProgress.Stage.SERVER, data.length, data.length);
        }
    }

    private static void copy(InputStream in, OutputStream out, FtpProgress.Stage stage, long total, FtpProgress p)
            throws IOException {
        byte[] buf = new byte[COPY_BUFFER];
        long done = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            out.write(buf, 0, n);
            done += n;
            p.update(stage, done, total);
        }
    }

    // ------------------------------------------------------------------ direct link

    @Override
    public long retrieveDirect(String remoteFile, long offset, long length, OutputStream to, FtpProgress progress)
            throws FtpException {
        String r = remote(remoteFile, "remote file");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        return direct(FtpAt.DIRECT_RETRIEVE, "direct retrieve " + r, FtpAt.direct(FtpAt.DIRECT_RETRIEVE, r, offset),
                session -> {
                    InputStream in = session.input();
                    byte[] buf = new byte[COPY_BUFFER];
                    long done = 0;
                    long idleNanos = settings.directIdle().toNanos();
                    long lastData = System.nanoTime();
                    while (length < 0 || done < length) {
                        if (in.available() > 0 || !session.isOpen()) {
                            int want = length < 0 ? buf.length : (int) Math.min(buf.length, length - done);
                            int n = in.read(buf, 0, want);
                            if (n < 0) {
                                break; // NO CARRIER: the module ended the link
                            }
                            to.write(buf, 0, n);
                            done += n;
                            lastData = System.nanoTime();
                            progress.update(FtpProgress.Stage.DIRECT, done, length);
                        } else if (System.nanoTime() - lastData > idleNanos) {
                            break; // the module stays in the data phase at the end of the file (9.1.1)
                        } else {
                            Thread.sleep(10);
                        }
                    }
                    return done;
                });
    }

    @Override
    public long storeDirect(String remoteFile, long offset, InputStream from, FtpProgress progress)
            throws FtpException {
        String r = remote(remoteFile, "remote file");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        return direct(FtpAt.DIRECT_STORE, "direct store " + r, FtpAt.direct(FtpAt.DIRECT_STORE, r, offset),
                session -> {
                    OutputStream out = session.output();
                    byte[] buf = new byte[COPY_BUFFER];
                    long done = 0;
                    int n;
                    while ((n = from.read(buf)) > 0) {
                        out.write(buf, 0, n);
                        done += n;
                        progress.update(FtpProgress.Stage.DIRECT, done, -1);
                    }
                    out.flush();
                    return done;
                });
    }

    private interface DataPhase {
        long run(DataModeSession session) throws IOException, InterruptedException;
    }

    /**
     * CONNECT, the data phase, the +++ escape, then the +UUFTPCR that says how the transfer ended. The module
     * needs more than its ATS12 time of silence around "+++" (9.1.4), so ATS12 is set to three quarters of the
     * engine's guard time first: the engine then always waits long enough.
     */
    private long direct(int op, String what, AtCommand cmd, DataPhase phase) throws FtpException {
        begin();
        try {
            ensureLoggedIn();
            AtEngine at = engine();
            long units = Math.min(255, at.options().guardTime().toMillis() * 3 / 4 / 20);
            execute(AtCommand.basic("S12=" + units).build());
            BlockingQueue<int[]> results = new LinkedBlockingQueue<>();
            try (UrcBus.Subscription sub = at.subscribe("+UUFTPCR", u -> {
                int[] res = FtpAt.result(u.line());
                if (res != null && res[0] == op) {
                    results.add(res);
                }
            })) {
                DataModeSession session;
                try {
                    session = dial(at, cmd, what);
                } catch (AtException e) {
                    throw new FtpException(what + ": " + e.getMessage(), e);
                }
                long done;
                try {
                    done = phase.run(session);
                } catch (IOException e) {
                    throw new FtpException(what + ": " + e.getMessage(), e);
                } finally {
                    leave(session, what);
                }
                if (session.isOpen()) {
                    throw new FtpException(what + ": the module did not leave the direct link after +++");
                }
                int[] res = results.poll(settings.operationTimeout().toMillis(), TimeUnit.MILLISECONDS);
                if (res == null) {
                    throw new FtpException(what + ": no +UUFTPCR within " + settings.operationTimeout());
                }
                if (res[1] != 1) {
                    throw explain(what);
                }
                return done;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FtpException(what + ": interrupted");
        } finally {
            lock.unlock();
        }
    }

    /** Dials; a refusal on a session believed alive logs in again and dials once more. */
    private DataModeSession dial(AtEngine at, AtCommand cmd, String what) throws FtpException {
        try {
            return at.dial(cmd);
        } catch (AtErrorException e) {
            FtpException why = explain(what);
            if (why instanceof io.ucell.ftp.FtpServerException) {
                throw why; // the server refused RETR/STOR: the session is fine
            }
            LOG.info("{} refused ({}); logging in again", what, why.getMessage());
            stale = true;
            ensureLoggedIn();
            try {
                return at.dial(cmd);
            } catch (AtErrorException again) {
                throw explain(what);
            }
        }
    }

    /** Escapes the data phase; a second try when the first +++ was not recognised. */
    private static void leave(DataModeSession session, String what) throws InterruptedException {
        for (int attempt = 1; attempt <= 2 && session.isOpen(); attempt++) {
            try {
                session.escape();
            } catch (AtException e) {
                LOG.warn("{}: escape attempt {} failed: {}", what, attempt, e.getMessage());
            }
        }
    }

    /** Logs out when logged in; stops listening to the modem. */
    @Override
    public void close() {
        modem.removeListener(onStateChange);
        lock.lock();
        try {
            if (loggedIn && !stale) {
                doLogout();
            }
        } catch (FtpException e) {
            LOG.debug("logout on close: {}", e.getMessage());
        } finally {
            lock.unlock();
        }
    }

    /** For tests and status pages: whether the client believes it is logged in. */
    public boolean loggedIn() {
        return loggedIn && !stale;
    }
}
