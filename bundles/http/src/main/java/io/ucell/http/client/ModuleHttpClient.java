package io.ucell.http.client;

import io.ucell.at.AtCommand;
import io.ucell.at.AtEngine;
import io.ucell.at.AtException;
import io.ucell.at.AtQuoting;
import io.ucell.at.AtResponse;
import io.ucell.at.Urc;
import io.ucell.at.UrcBus;
import io.ucell.at.framing.AtLine;
import io.ucell.files.ModuleFileException;
import io.ucell.files.ModuleFiles;
import io.ucell.files.TemporaryModuleFile;
import io.ucell.http.HttpException;
import io.ucell.http.HttpMethod;
import io.ucell.http.HttpRequest;
import io.ucell.http.HttpResponse;
import io.ucell.http.HttpServerException;
import io.ucell.http.HttpService;
import io.ucell.http.HttpStreamResponse;
import io.ucell.http.at.ContentTypes;
import io.ucell.http.at.HttpErrors;
import io.ucell.http.at.ResponseFile;
import io.ucell.modem.ModemListener;
import io.ucell.modem.ModemService;
import io.ucell.modem.ModemState;
import io.ucell.modem.capability.ModuleCapabilities;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HTTP requests through one of the module's HTTP profiles (section 10). Each request resets the profile and
 * writes what it needs (server by name or IP, TLS and security profile before the port so the 443/80 rule of
 * 10.4 cannot move it, credentials, timeout and linger, custom headers, PDP mapping), puts a PUT/POST body into a
 * temporary module file (or, when short printable text, sends it as POST data), runs +UHTTPC into another
 * temporary file, waits for +UUHTTPCR, reads the response file back and parses it, and removes both files
 * ({@link ModuleFiles}). One request at a time per profile: callers queue on a fair lock.
 */
public final class ModuleHttpClient implements HttpService {
    private static final Logger LOG = LoggerFactory.getLogger(ModuleHttpClient.class);

    static final int CMD_HEAD = 0;
    static final int CMD_GET = 1;
    static final int CMD_DELETE = 2;
    static final int CMD_PUT = 3;
    static final int CMD_POST_FILE = 4;
    static final int CMD_POST_DATA = 5;
    /** Longest POST data string (+UHTTPC=p,5); longer or binary bodies go through a file. */
    public static final int MAX_POST_DATA = 128;
    /** Custom request headers the profile holds (+UHTTP op 9, ids 0-4). */
    public static final int MAX_HEADERS = 5;
    private static final int READ_BUFFER = 16 * 1024;
    private static final Duration CONFIG_TIMEOUT = Duration.ofSeconds(10);
    /** Time on top of the profile's timeout for the URC to come. */
    private static final Duration URC_MARGIN = Duration.ofSeconds(30);
    /** Modem states in which the module has been restarted or is gone. */
    private static final java.util.Set<ModemState> FORGETS = java.util.EnumSet.of(ModemState.OFF, ModemState.INITIALIZING,
            ModemState.RECOVERING, ModemState.FAILED);
    /** Marker the modem listener puts among the URCs when the module restarts. */
    private static final String DATA_LOST = "data lost: ";
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final ModemService modem;
    private final ModuleFiles files;
    private final ReentrantLock profileLock = new ReentrantLock(true);
    private volatile HttpSettings settings;

    public ModuleHttpClient(ModemService modem, ModuleFiles files, HttpSettings settings) {
        List<String> errors = settings.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.modem = modem;
        this.files = files;
        this.settings = settings;
    }

    /** New settings; refused (the old ones stay) when invalid. */
    public void update(HttpSettings s) {
        List<String> errors = s.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        this.settings = s;
    }

    public HttpSettings settings() {
        return settings;
    }

    @Override
    public HttpStreamResponse open(HttpRequest request) throws HttpException {
        HttpSettings s = settings;
        HttpTarget target;
        try {
            target = HttpTarget.of(request.url(), s.server());
            checkHeaders(request.headers());
            if (request.method().hasBody() && request.body().length == 0) {
                // +UDWNFILE takes at least one byte and POST data at least one character
                throw new IllegalArgumentException("the module cannot send an empty " + request.method() + " body");
            }
            if (request.method().hasBody() && ContentTypes.code(request.contentType()) == ContentTypes.USER_DEFINED
                    && (request.contentType().length() > ContentTypes.MAX_USER_DEFINED
                            || !AtQuoting.isQuotable(request.contentType()))) {
                throw new IllegalArgumentException("content type: at most " + ContentTypes.MAX_USER_DEFINED
                        + " characters, no double quote or control character");
            }
        } catch (IllegalArgumentException e) {
            throw new HttpException(e.getMessage(), e);
        }
        ModuleCapabilities caps = modem.capabilities();
        AtEngine at = modem.at();
        if (caps == null || at == null) {
            throw new HttpException("the modem is not ready (module not detected yet)");
        }
        List<String> capErrors = s.validate(caps);
        if (!capErrors.isEmpty()) {
            throw new HttpException(String.join("; ", capErrors));
        }
        if (target.secure() && !caps.securitySupported()) {
            throw new HttpException("the " + caps.describe() + " has no TLS");
        }
        int command = command(request);
        lock(s.queueTimeout());
        TemporaryModuleFile response = files.createTemporary("http-rsp");
        boolean answered = false;
        try (TemporaryModuleFile body = command == CMD_PUT || command == CMD_POST_FILE ? files.createTemporary("http-req") : null) {
            configureProfile(at, caps, s, target, request.headers());
            if (body != null) {
                try {
                    files.upload(body.name(), request.body());
                } catch (ModuleFileException e) {
                    throw new HttpException("the request body (" + request.body().length
                            + " bytes) could not be written into the module's file system: " + e.getMessage(), e);
                }
            }
            exchange(at, s, request, command, target, body, response);
            answered = true;
        } catch (AtException e) {
            throw new HttpException("AT link failure: " + e.getMessage(), e);
        } finally {
            profileLock.unlock();
            if (!answered) {
                response.close();
            }
        }
        // the response file has a unique name: read it after the profile is free for the next request
        return openResponse(response);
    }

    /** Status line and headers now; the body streams from the file, which closing deletes. */
    private static HttpStreamResponse openResponse(TemporaryModuleFile response) throws HttpException {
        InputStream in = null;
        try {
            in = new BufferedInputStream(response.openAndDelete(), READ_BUFFER);
            ResponseFile.Head h = ResponseFile.readHead(in);
            if (h.statusCode() >= 400) {
                try (InputStream rest = in) {
                    throw new HttpServerException(new HttpResponse(h.version(), h.statusCode(), h.reason(), h.headers(),
                            rest.readAllBytes()));
                }
            }
            return new HttpStreamResponse(h.version(), h.statusCode(), h.reason(), h.headers(), in);
        } catch (IOException | IllegalArgumentException e) {
            closeQuietly(in);
            response.close();
            throw new HttpException("the module reported success but its response file " + response.name()
                    + " is not readable: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(InputStream in) {
        if (in != null) {
            try {
                in.close();
            } catch (IOException e) {
                LOG.debug("closing the response file stream: {}", e.getMessage());
            }
        }
    }

    private static void checkHeaders(Map<String, String> headers) {
        if (headers.size() > MAX_HEADERS) {
            throw new IllegalArgumentException("the module takes at most " + MAX_HEADERS + " custom headers, not " + headers.size());
        }
        headers.forEach((name, value) -> {
            if (!TOKEN.matcher(name).matches()) {
                throw new IllegalArgumentException("invalid header name '" + name + "'");
            }
            if (!AtQuoting.isQuotable(value)) {
                throw new IllegalArgumentException("header " + name + ": the value holds a double quote or a control character");
            }
        });
    }

    private void lock(Duration wait) throws HttpException {
        try {
            if (!profileLock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new HttpException("another request on HTTP profile " + settings.profile() + " is still running after "
                        + wait.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException("interrupted while waiting for the HTTP profile");
        }
    }

    /** POST data for short printable text, else the file variants. */
    static int command(HttpRequest r) {
        return switch (r.method()) {
            case HEAD -> CMD_HEAD;
            case GET -> CMD_GET;
            case DELETE -> CMD_DELETE;
            case PUT -> CMD_PUT;
            case POST -> postData(r.body()) ? CMD_POST_DATA : CMD_POST_FILE;
        };
    }

    /** Fits +UHTTPC=p,5: 1-128 printable ASCII characters without a double quote. */
    static boolean postData(byte[] body) {
        if (body.length == 0 || body.length > MAX_POST_DATA) {
            return false;
        }
        for (byte b : body) {
            if (b < 0x20 || b > 0x7E || b == '"') {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ profile

    /** The +UHTTP commands of one request, in the order they must go. */
    static List<AtCommand> profileCommands(ModuleCapabilities caps, HttpSettings s, HttpTarget t, Map<String, String> headers) {
        int p = s.profile();
        List<AtCommand> c = new ArrayList<>();
        c.add(AtCommand.set("+UHTTP").param(p).timeout(CONFIG_TIMEOUT).build());
        c.add(uhttp(p, target(t)).param(t.host()).build());
        if (t.secure()) {
            c.add(uhttp(p, 6).param(1).param(s.securityProfile()).build());
        }
        // after op 6: an explicit port is not moved by the security option (10.4)
        c.add(uhttp(p, 5).param(t.port()).build());
        if (!s.username().isEmpty()) {
            c.add(uhttp(p, 2).param(s.username()).build());
            c.add(uhttp(p, 3).secret(s.password()).build());
            c.add(uhttp(p, 4).param(1).build());
        }
        AtCommand.Builder timeout = uhttp(p, 7).param(s.timeout().toSeconds());
        if (s.lingerSeconds() >= 0 && HttpSettings.lingerSupported(caps)) {
            timeout.param(s.lingerSeconds());
        }
        c.add(timeout.build());
        int id = 0;
        for (Map.Entry<String, String> h : headers.entrySet()) {
            c.add(uhttp(p, 9).param(id++ + ":" + h.getKey() + ":" + h.getValue()).build());
        }
        if (s.pdpCid() >= 0) {
            c.add(uhttp(p, 20).param(s.pdpCid()).param(s.pdpIpType()).build());
        }
        return c;
    }

    private static int target(HttpTarget t) {
        return t.hostIsIp() ? 0 : 1;
    }

    private static AtCommand.Builder uhttp(int profile, int op) {
        return AtCommand.set("+UHTTP").param(profile).param(op).timeout(CONFIG_TIMEOUT);
    }

    private void configureProfile(AtEngine at, ModuleCapabilities caps, HttpSettings s, HttpTarget t,
            Map<String, String> headers) throws HttpException {
        for (AtCommand c : profileCommands(caps, s, t, headers)) {
            AtResponse r = at.execute(c);
            if (!r.isOk()) {
                throw moduleError(at, s.profile(), c.traceText() + " refused: " + r.result());
            }
        }
    }

    // ------------------------------------------------------------------ request

    /** +UHTTPC, then its +UUHTTPCR: returns when the response file is complete. */
    private void exchange(AtEngine at, HttpSettings s, HttpRequest request, int command, HttpTarget target,
            TemporaryModuleFile body, TemporaryModuleFile response) throws HttpException {
        int p = s.profile();
        AtCommand.Builder b = AtCommand.set("+UHTTPC").param(p).param(command).param(target.path()).param(response.name());
        if (command == CMD_POST_DATA) {
            b.param(new String(request.body(), StandardCharsets.US_ASCII));
        } else if (body != null) {
            b.param(body.name());
        }
        if (request.method().hasBody()) {
            int type = ContentTypes.code(request.contentType());
            b.param(type);
            if (type == ContentTypes.USER_DEFINED) {
                b.param(request.contentType());
            }
        }
        BlockingQueue<Urc> inbox = new LinkedBlockingQueue<>();
        // a module that restarted forgot the request: no URC will come (lost coverage alone may still end well)
        ModemListener dataLost = (previous, current) -> {
            if (FORGETS.contains(current.state())) {
                inbox.add(new Urc(AtLine.of(DATA_LOST + current.state()), java.time.Instant.now()));
            }
        };
        modem.addListener(dataLost);
        try (UrcBus.Subscription sub = at.subscribe("+UUHTTPCR", inbox::add)) {
            AtResponse ok = at.execute(b.timeout(CONFIG_TIMEOUT).build());
            if (!ok.isOk()) {
                throw moduleError(at, p, "+UHTTPC refused: " + ok.result());
            }
            Duration wait = s.timeout().plus(URC_MARGIN);
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                long left = deadline - System.nanoTime();
                Urc u = left > 0 ? inbox.poll(left, TimeUnit.NANOSECONDS) : null;
                if (u == null) {
                    throw new HttpException("no +UUHTTPCR within " + wait.toSeconds() + " s");
                }
                if (u.line().text().startsWith(DATA_LOST)) {
                    throw new HttpException("the request was lost: the modem went " + u.line().text().substring(DATA_LOST.length())
                            + " before +UUHTTPCR");
                }
                List<String> params = u.line().params();
                if (params.size() < 3 || !params.get(0).trim().equals(Integer.toString(p))) {
                    continue; // another profile's
                }
                String cmd = params.get(1).trim();
                // POST data may be reported as POST (4) or as itself (5)
                if (!cmd.equals(Integer.toString(command)) && !(command == CMD_POST_DATA && cmd.equals("4"))) {
                    LOG.debug("ignoring {} (not this request's)", u.line().text());
                    continue;
                }
                if (!params.get(2).trim().equals("1")) {
                    throw moduleError(at, p, request.method() + " " + target.path() + " failed");
                }
                break;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpException("interrupted while waiting for the HTTP response");
        } finally {
            modem.removeListener(dataLost);
        }
    }

    /** Asks +UHTTPER and turns the answer into the exception to throw. */
    private static HttpException moduleError(AtEngine at, int profile, String what) {
        int[] err = {-1, -1};
        try {
            AtResponse r = at.execute(HttpErrors.query(profile, CONFIG_TIMEOUT));
            int[] read = r.isOk() ? HttpErrors.parse(r) : null;
            if (read != null) {
                err = read;
            }
        } catch (AtException e) {
            LOG.debug("+UHTTPER not readable", e);
        }
        String msg = what + (err[0] >= 0 ? ": " + HttpErrors.describe(err[0], err[1]) : "");
        return new HttpException(msg, err[0], err[1], null);
    }
}
