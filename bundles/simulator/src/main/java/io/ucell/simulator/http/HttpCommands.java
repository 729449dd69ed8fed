package io.ucell.simulator.http;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * +UHTTP, +UHTTPC and +UHTTPER (app note section 10; linger of A.1.1). One instance per simulated module; the
 * 4 profiles and their last errors are volatile (a reboot resets them). Readings the app note leaves to the AT
 * manual, and what the simulator picked:
 * <ul>
 * <li>+UHTTP=p resets; +UHTTP=p,op reads (+UHTTP: p,op,value); ops 0 server IP, 1 server name (128 characters),
 * 2 user name and 3 password (30 characters each), 4 authentication (0 none, 1 basic), 5 port, 6 secure
 * (0/1[,security profile 0-4]; moves the port to 443/80 unless op 5 set it, 10.4), 7 timeout 30-180 s
 * [,linger 0-120 s], 9 custom header "id:name:value" (id 0-4; "id:" removes it), 20 PDP mapping
 * cid[,0 IPv4|1 IPv6] (SARA-R5 02B and LEXI-R520);</li>
 * <li>+UHTTPC=p,cmd,"path","response file"[,param1[,param2[,param3]]]: 0 HEAD, 1 GET, 2 DELETE, 3 PUT
 * ("data file"[,content type]), 4 POST file ("data file",content type), 5 POST data ("data",content type);
 * content types 0 application/x-www-form-urlencoded, 1 text/plain, 2 application/octet-stream,
 * 3 multipart/form-data, 4 application/json, 5 application/xml, 6 the user defined param3;</li>
 * <li>OK, then +UUHTTPCR: p,cmd,1 once the whole response is in the file, or +UUHTTPCR: p,cmd,0 and +UHTTPER
 * tells why. A server's 4xx/5xx is a success (the answer is in the file).</li>
 * </ul>
 */
public final class HttpCommands {
    static final int PROFILES = 4;
    static final int HEAD = 0;
    static final int GET = 1;
    static final int DELETE = 2;
    static final int PUT = 3;
    static final int POST_FILE = 4;
    static final int POST_DATA = 5;
    static final int MAX_SERVER_NAME = 128;
    static final int MAX_CREDENTIAL = 30;
    static final int MAX_POST_DATA = 128;
    static final int MAX_CONTENT_TYPE = 64;
    static final int MAX_PATH = 128;
    static final String[] CONTENT_TYPES = {"application/x-www-form-urlencoded", "text/plain",
        "application/octet-stream", "multipart/form-data", "application/json", "application/xml"};

    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Header names the JDK's HttpClient sets itself and refuses from callers. */
    private static final java.util.Set<String> RESTRICTED = java.util.Set.of("connection", "content-length", "expect",
            "host", "upgrade");

    private final HttpSecurity security;
    private Network boot;
    private final HttpProfile[] profiles = new HttpProfile[PROFILES];
    private final HttpError[] lastError = new HttpError[PROFILES];
    private final HttpTransaction[] running = new HttpTransaction[PROFILES];

    private HttpCommands(HttpSecurity security) {
        this.security = security;
        resetAll();
    }

    /** Registers the commands; TLS follows the module's security profiles ({@link HttpSecurity#MODULE}). */
    public static void register(CommandRegistry r) {
        register(r, HttpSecurity.MODULE);
    }

    public static void register(CommandRegistry r, HttpSecurity security) {
        HttpCommands c = new HttpCommands(security);
        r.register("+UHTTP", c::uhttp);
        r.register("+UHTTPC", c::uhttpc);
        r.register("+UHTTPER", c::uhttper);
    }

    private synchronized void resetAll() {
        for (int p = 0; p < PROFILES; p++) {
            profiles[p] = new HttpProfile();
            lastError[p] = HttpError.NONE;
            if (running[p] != null) {
                running[p].cancel();
                running[p] = null;
            }
        }
    }

    /** A reboot forgets the profiles, the errors and any request in flight (whose URC never comes). */
    private void checkBoot(ModuleContext m) {
        if (m.network() != boot) {
            boot = m.network();
            resetAll();
        }
    }

    private synchronized Response fail(int profile, HttpError e, CmeError cme) {
        lastError[profile] = e;
        return Response.cme(cme);
    }

    /** Linger (A.1.1): not on SARA-R5 00B (nor SARA-R422, which has no HTTP at all). */
    static boolean lingerSupported(ModuleContext m) {
        return m.model() != ModuleModel.SARA_R5_00B;
    }

    // ------------------------------------------------------------------ +UHTTP

    private Response uhttp(AtCommand c, ModuleContext m) {
        if (!m.capabilities().httpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UHTTP: (0-3),(0-7,9" + (m.capabilities().internalPdpMappingSupported() ? ",20" : "") + ")");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int p = c.intParam(0, 0, PROFILES - 1);
        if (c.paramCount() == 1) {
            synchronized (this) {
                profiles[p] = new HttpProfile();
                lastError[p] = HttpError.NONE;
            }
            return Response.ok();
        }
        int op = c.intParam(1);
        if (!c.has(2)) {
            String value = read(p, op, m);
            return value == null ? fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS)
                    : Response.ok("+UHTTP: " + p + "," + op + "," + value);
        }
        synchronized (this) {
            return write(p, op, c, m);
        }
    }

    private synchronized String read(int p, int op, ModuleContext m) {
        HttpProfile h = profiles[p];
        return switch (op) {
            case 0 -> quoted(h.serverIp);
            case 1 -> quoted(h.serverName);
            case 2 -> quoted(h.username);
            case 3 -> quoted(h.password);
            case 4 -> Integer.toString(h.authType);
            case 5 -> Integer.toString(h.port);
            case 6 -> h.secure ? "1," + h.securityProfile : "0";
            case 7 -> h.timeoutSeconds + (lingerSupported(m) ? "," + h.lingerSeconds : "");
            case 20 -> m.capabilities().internalPdpMappingSupported() ? (h.pdpCid < 0 ? "1,0" : h.pdpCid + "," + h.pdpIpType) : null;
            default -> null;
        };
    }

    private static String quoted(String s) {
        return "\"" + s + "\"";
    }

    private Response write(int p, int op, AtCommand c, ModuleContext m) {
        HttpProfile h = profiles[p];
        switch (op) {
            case 0: {
                String ip = c.strParam(2);
                if (!validIp(ip)) {
                    return fail(p, HttpError.INVALID_IP, CmeError.INCORRECT_PARAMETERS);
                }
                h.serverIp = ip;
                h.serverName = "";
                return Response.ok();
            }
            case 1: {
                String name = c.strParam(2);
                if (name.length() > MAX_SERVER_NAME) {
                    return fail(p, HttpError.HOSTNAME_TOO_LONG, CmeError.INCORRECT_PARAMETERS);
                }
                if (!validName(name)) {
                    return fail(p, HttpError.INVALID_HOSTNAME, CmeError.INCORRECT_PARAMETERS);
                }
                h.serverName = name;
                h.serverIp = "";
                return Response.ok();
            }
            case 2: {
                String user = c.strParam(2);
                if (user.length() > MAX_CREDENTIAL) {
                    return fail(p, HttpError.USERNAME_TOO_LONG, CmeError.INCORRECT_PARAMETERS);
                }
                h.username = user;
                return Response.ok();
            }
            case 3: {
                String password = c.strParam(2);
                if (password.length() > MAX_CREDENTIAL) {
                    return fail(p, HttpError.PASSWORD_TOO_LONG, CmeError.INCORRECT_PARAMETERS);
                }
                h.password = password;
                return Response.ok();
            }
            case 4: {
                int auth = c.intParam(2);
                if (auth != 0 && auth != 1) {
                    return fail(p, HttpError.INVALID_AUTH, CmeError.INCORRECT_PARAMETERS);
                }
                h.authType = auth;
                return Response.ok();
            }
            case 5:
                h.port = c.intParam(2, 1, 65535);
                h.portSetByUser = true;
                return Response.ok();
            case 6: {
                boolean secure = c.intParam(2, 0, 1) == 1;
                if (secure && !m.capabilities().securitySupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                h.securityProfile = secure ? c.optInt(3, 0, 0, 4) : 0;
                h.secure = secure;
                // 10.4: the port follows the security option unless it was set by hand
                if (!h.portSetByUser) {
                    h.port = secure ? 443 : 80;
                }
                return Response.ok();
            }
            case 7: {
                int timeout = c.intParam(2, 30, 180);
                if (c.has(3)) {
                    if (!lingerSupported(m)) {
                        return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                    }
                    h.lingerSeconds = c.intParam(3, 0, 120);
                }
                h.timeoutSeconds = timeout;
                return Response.ok();
            }
            case 9:
                return customHeader(p, h, c.strParam(2));
            case 20: {
                if (!m.capabilities().internalPdpMappingSupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                int cid = c.intParam(2);
                if (!m.capabilities().validCid(cid)) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                h.pdpCid = cid;
                h.pdpIpType = c.optInt(3, 0, 0, 1);
                return Response.ok();
            }
            default:
                return fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS);
        }
    }

    /** "id:name:value" sets header id 0-4, "id:" (or "id") removes it. */
    private Response customHeader(int p, HttpProfile h, String spec) {
        int colon = spec.indexOf(':');
        String idText = colon < 0 ? spec : spec.substring(0, colon);
        int id;
        try {
            id = Integer.parseInt(idText.trim());
        } catch (NumberFormatException e) {
            return fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS);
        }
        if (id < 0 || id >= HttpProfile.HEADERS) {
            return fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS);
        }
        String rest = colon < 0 ? "" : spec.substring(colon + 1);
        if (rest.isEmpty()) {
            h.headers[id] = null;
            return Response.ok();
        }
        int second = rest.indexOf(':');
        String name = second < 0 ? rest : rest.substring(0, second).trim();
        String value = second < 0 ? "" : rest.substring(second + 1).trim();
        if (second < 0 || !TOKEN.matcher(name).matches() || RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
            return fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS);
        }
        h.headers[id] = name + ":" + value;
        return Response.ok();
    }

    static boolean validIp(String s) {
        if (IPV4.matcher(s).matches()) {
            return true;
        }
        if (!IPV6.matcher(s).matches()) {
            return false;
        }
        try {
            return InetAddress.getByName(s) != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A DNS name: labels of letters, digits and hyphens (an IP literal also passes). */
    static boolean validName(String s) {
        if (s.isEmpty() || s.length() > 253) {
            return false;
        }
        for (String label : s.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || !label.matches("[A-Za-z0-9_]([A-Za-z0-9_-]*[A-Za-z0-9_])?")) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ +UHTTPER

    private Response uhttper(AtCommand c, ModuleContext m) {
        if (!m.capabilities().httpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UHTTPER: (0-3)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int p = c.intParam(0, 0, PROFILES - 1);
        synchronized (this) {
            return Response.ok(lastError[p].line(p));
        }
    }

    // ------------------------------------------------------------------ +UHTTPC

    private Response uhttpc(AtCommand c, ModuleContext m) {
        if (!m.capabilities().httpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UHTTPC: (0-3),(0-5),\"path\",\"filename\",\"param1\",(0-6),\"param3\"");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int p = c.intParam(0, 0, PROFILES - 1);
        int command = c.intParam(1, HEAD, POST_DATA);
        String path = c.strParam(2);
        String responseFile = c.strParam(3);
        if (path.isEmpty() || path.length() > MAX_PATH) {
            return fail(p, HttpError.INVALID_INPUT, CmeError.INCORRECT_PARAMETERS);
        }
        if (!ModuleFileSystem.validName(responseFile)) {
            return fail(p, HttpError.EMPTY_FILE_NAME, CmeError.INCORRECT_PARAMETERS);
        }
        byte[] body = new byte[0];
        String contentType = null;
        if (command >= PUT) {
            String param1 = c.optStr(4, null);
            if (param1 == null) {
                return fail(p, command == POST_DATA ? HttpError.POST_DATA_SIZE : HttpError.EMPTY_FILE_NAME,
                        CmeError.INCORRECT_PARAMETERS);
            }
            if (command == POST_DATA) {
                if (param1.isEmpty() || param1.length() > MAX_POST_DATA) {
                    return fail(p, HttpError.POST_DATA_SIZE, CmeError.INCORRECT_PARAMETERS);
                }
                body = param1.getBytes(StandardCharsets.ISO_8859_1);
            } else {
                if (!ModuleFileSystem.validName(param1)) {
                    return fail(p, HttpError.EMPTY_FILE_NAME, CmeError.INCORRECT_PARAMETERS);
                }
                try {
                    if (!m.files().exists(param1)) {
                        return fail(p, HttpError.FILE_LENGTH, CmeError.INCORRECT_PARAMETERS);
                    }
                    body = m.files().read(param1);
                } catch (Exception e) {
                    return fail(p, HttpError.FILE_LENGTH, CmeError.INCORRECT_PARAMETERS);
                }
            }
            contentType = contentType(c, command);
            if (contentType == null) {
                return fail(p, HttpError.CONTENT_TYPE, CmeError.INCORRECT_PARAMETERS);
            }
        } else if (c.paramCount() > 4) {
            return fail(p, HttpError.API_USAGE, CmeError.INCORRECT_PARAMETERS);
        }
        HttpProfile profile;
        synchronized (this) {
            if (running[p] != null) {
                return fail(p, HttpError.BUSY, CmeError.OPERATION_NOT_ALLOWED);
            }
            profile = profiles[p].copy();
        }
        if (profile.server().isEmpty()) {
            return fail(p, HttpError.SERVER_MISSING, CmeError.OPERATION_NOT_ALLOWED);
        }
        // TLS is set up when the request runs, as the module does on connecting: a failure is +UUHTTPCR 0, 3/73
        HttpTransaction.TlsOpener tls = null;
        if (profile.secure) {
            String host = profile.server();
            int securityProfile = profile.securityProfile;
            tls = () -> security.open(m, securityProfile, host);
        }
        Network.InternalRoute route = route(m, profile);
        HttpTransaction t = null;
        HttpError early = HttpError.NONE;
        if (route == null) {
            early = HttpError.NO_PDP;
        } else {
            try {
                String address = profile.serverIp.isEmpty() ? m.dns().forward(profile.serverName, route.ipv6()) : profile.serverIp;
                t = new HttpTransaction(profile, command, path, body, contentType, address, tls);
            } catch (UnknownHostException e) {
                early = HttpError.DNS;
            }
        }
        HttpTransaction transaction = t;
        HttpError failure = early;
        // a placeholder keeps the profile busy until the URC, also when the request fails at once
        HttpTransaction mine = transaction != null ? transaction
                : new HttpTransaction(profile, command, path, body, contentType, "0.0.0.0", null);
        synchronized (this) {
            lastError[p] = HttpError.NONE;
            running[p] = mine;
        }
        Network thisBoot = m.network();
        return Response.ok().thenRun(() -> m.background().execute(() -> {
            HttpError outcome = failure;
            if (transaction != null) {
                HttpTransaction.Outcome o = transaction.run();
                outcome = o.error();
                if (outcome == HttpError.NONE) {
                    outcome = store(m, responseFile, o.file());
                }
            }
            finish(m, thisBoot, p, command, mine, outcome);
        }));
    }

    private static HttpError store(ModuleContext m, String name, byte[] content) {
        try {
            m.files().write(name, content);
            return HttpError.NONE;
        } catch (Exception e) {
            return HttpError.FILE_SYSTEM;
        }
    }

    private void finish(ModuleContext m, Network thisBoot, int p, int command, HttpTransaction t, HttpError outcome) {
        synchronized (this) {
            if (running[p] != t || m.network() != thisBoot) {
                return; // rebooted meanwhile: the module forgot the request
            }
            running[p] = null;
            lastError[p] = outcome;
        }
        m.emitUrc("+UUHTTPCR: " + p + "," + command + "," + (outcome == HttpError.NONE ? 1 : 0));
    }

    private static String contentType(AtCommand c, int command) {
        if (!c.has(5)) {
            // PUT may leave the type out (octet stream); POST needs it
            return command == PUT ? CONTENT_TYPES[2] : null;
        }
        int type = c.intParam(5);
        if (type >= 0 && type < CONTENT_TYPES.length) {
            return CONTENT_TYPES[type];
        }
        if (type == 6) {
            String user = c.optStr(6, "");
            return user.isEmpty() || user.length() > MAX_CONTENT_TYPE ? null : user;
        }
        return null;
    }

    /** The context the HTTP client uses: the +UHTTP=p,20 mapping where set, else the internal stack's. */
    private static Network.InternalRoute route(ModuleContext m, HttpProfile h) {
        Network net = m.network();
        if (h.pdpCid >= 0) {
            PdpContext ctx = net.registered() ? net.context(h.pdpCid) : null;
            return ctx != null && ctx.active() ? new Network.InternalRoute(ctx, h.pdpIpType == 1) : null;
        }
        return net.internalRoute();
    }
}
