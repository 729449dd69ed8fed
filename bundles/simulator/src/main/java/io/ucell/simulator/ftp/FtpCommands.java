package io.ucell.simulator.ftp;

import io.ucell.simulator.commands.AtCommand;
import io.ucell.simulator.commands.CmeError;
import io.ucell.simulator.commands.CommandRegistry;
import io.ucell.simulator.commands.ModuleContext;
import io.ucell.simulator.commands.Response;
import io.ucell.simulator.files.ModuleFileSystem;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.simulator.network.Network;
import io.ucell.simulator.network.PdpContext;
import io.ucell.simulator.security.ProfileTls;
import io.ucell.simulator.security.SecurityProfiles;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * +UFTP, +UFTPC and +UFTPER (app note section 9, linger of A.1.1). Settings and the connection are volatile
 * (a reboot drops them). What the simulator picked where the spec is silent:
 * <ul>
 * <li>+UFTP op codes: 0 server IP, 1 server name, 2 user, 3 password, 4 account, 5
 * timeout[,linger_cmd[,linger_data]] (s; the timeout bounds connect and every reply, 0 none; linger 0-120, not
 * on SARA-R5 00B), 6 mode (0 active, 1 passive), 7 port, 8 control channel TLS 0/1[,security profile 0-4], 12
 * data channel TLS 0/1, 20 cid,ip type (SARA-R5 02B and LEXI-R520 only). Server 128 characters, user, password
 * and account 30.</li>
 * <li>+UFTPC op codes: 0 logout, 1 login, 2 delete, 3 rename, 4 retrieve to a module file ([,1] restarts from
 * the local file's size), 5 store a module file ([,offset]), 6 direct link retrieve, 7 direct link store
 * ([,offset] for both), 8 change directory ("" = parent), 10 mkdir, 11 rmdir, 13 LIST, 14 NLST ([,"path"]).
 * Each answers OK, then +UUFTPCR: op,1|0 (13/14 after +UUFTPCD: op,length,"data"); 6 and 7 answer CONNECT.</li>
 * <li>Refused at once (+CME ERROR, +UFTPER set): not logged in, another operation running, missing local file.</li>
 * </ul>
 */
public final class FtpCommands {
    private static final Logger LOG = LoggerFactory.getLogger(FtpCommands.class);
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private Network boot;
    private FtpProfile profile = new FtpProfile();
    private volatile FtpError lastError = FtpError.NONE;
    private volatile FtpSession session;
    private final AtomicBoolean busy = new AtomicBoolean();
    /** Bumped at every reboot: results of operations started before it are dropped. */
    private volatile int generation;

    private FtpCommands() {
    }

    public static void register(CommandRegistry r) {
        FtpCommands c = new FtpCommands();
        r.register("+UFTP", c::uftp);
        r.register("+UFTPC", c::uftpc);
        r.register("+UFTPER", c::uftper);
    }

    /** A reboot forgets the settings, the error and the connection (handlers run under the state lock). */
    private void checkBoot(ModuleContext m) {
        if (m.network() != boot) {
            boot = m.network();
            profile = new FtpProfile();
            lastError = FtpError.NONE;
            generation++;
            busy.set(false);
            FtpSession s = session;
            session = null;
            if (s != null) {
                m.background().execute(s::close);
            }
        }
    }

    private Response refuse(FtpError e, CmeError cme) {
        lastError = e;
        return Response.cme(cme);
    }

    // ------------------------------------------------------------------ +UFTP

    private Response uftp(AtCommand c, ModuleContext m) {
        if (!m.capabilities().ftpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        FtpProfile p = profile;
        switch (c.kind()) {
            case TEST:
                return Response.ok("+UFTP: (0-8,12,20)");
            case READ:
                return Response.ok(read(p, m));
            case SET:
                break;
            default:
                return Response.error();
        }
        int op = c.intParam(0);
        switch (op) {
            case 0: {
                String ip = c.strParam(1);
                if (!ip.isEmpty() && !isIpLiteral(ip)) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                p.serverIp = ip;
                p.byName = false;
                return Response.ok();
            }
            case 1:
                p.serverName = text(c, FtpProfile.MAX_SERVER);
                p.byName = true;
                return Response.ok();
            case 2:
                p.user = text(c, FtpProfile.MAX_CREDENTIAL);
                return Response.ok();
            case 3:
                p.password = text(c, FtpProfile.MAX_CREDENTIAL);
                return Response.ok();
            case 4:
                p.account = text(c, FtpProfile.MAX_CREDENTIAL);
                return Response.ok();
            case 5: {
                int timeout = c.intParam(1, 0, 86_400);
                if ((c.has(2) || c.has(3)) && m.model() == ModuleModel.SARA_R5_00B) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED); // A.1.1: no linger on SARA-R5 00B
                }
                int lc = c.optInt(2, p.lingerCmd, 0, 120);
                int ld = c.optInt(3, p.lingerData, 0, 120);
                p.timeout = timeout;
                p.lingerCmd = lc;
                p.lingerData = ld;
                return Response.ok();
            }
            case 6:
                p.passive = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 7:
                p.port = c.intParam(1, 1, 65535);
                return Response.ok();
            case 8: {
                if (!m.capabilities().securitySupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                boolean on = c.intParam(1, 0, 1) == 1;
                int prof = c.optInt(2, p.securityProfile, 0, SecurityProfiles.PROFILES - 1);
                p.secureControl = on;
                p.securityProfile = prof;
                return Response.ok();
            }
            case 12:
                if (!m.capabilities().securitySupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                p.secureData = c.intParam(1, 0, 1) == 1;
                return Response.ok();
            case 20: {
                if (!m.capabilities().internalPdpMappingSupported()) {
                    return Response.cme(CmeError.OPERATION_NOT_SUPPORTED);
                }
                int cid = c.intParam(1, 0, m.capabilities().maxCid());
                int type = c.optInt(2, 0, 0, 1);
                p.pdpCid = cid;
                p.pdpIpType = type;
                return Response.ok();
            }
            default:
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
    }

    private static String text(AtCommand c, int max) {
        String v = c.strParam(1);
        if (v.length() > max) {
            throw new io.ucell.simulator.commands.BadParameterException("too long");
        }
        return v;
    }

    private static boolean isIpLiteral(String s) {
        if (!IP_LITERAL.matcher(s).matches()) {
            return false;
        }
        try {
            InetAddress.getByName(s); // a literal: no lookup
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static List<String> read(FtpProfile p, ModuleContext m) {
        List<String> l = new ArrayList<>();
        l.add("+UFTP: 0,\"" + p.serverIp + "\"");
        l.add("+UFTP: 1,\"" + p.serverName + "\"");
        l.add("+UFTP: 2,\"" + p.user + "\"");
        l.add("+UFTP: 4,\"" + p.account + "\"");
        l.add("+UFTP: 5," + p.timeout + (m.model() == ModuleModel.SARA_R5_00B ? "" : "," + p.lingerCmd + "," + p.lingerData));
        l.add("+UFTP: 6," + (p.passive ? 1 : 0));
        l.add("+UFTP: 7," + p.port);
        if (m.capabilities().securitySupported()) {
            l.add("+UFTP: 8," + (p.secureControl ? 1 : 0) + "," + p.securityProfile);
            l.add("+UFTP: 12," + (p.secureData ? 1 : 0));
        }
        if (m.capabilities().internalPdpMappingSupported() && p.pdpCid >= 0) {
            l.add("+UFTP: 20," + p.pdpCid + "," + p.pdpIpType);
        }
        return l;
    }

    // ------------------------------------------------------------------ +UFTPER

    private Response uftper(AtCommand c, ModuleContext m) {
        if (!m.capabilities().ftpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok();
        }
        FtpError e = lastError;
        return Response.ok("+UFTPER: " + e.errorClass() + "," + e.code());
    }

    // ------------------------------------------------------------------ +UFTPC

    private interface Work {
        /** Runs the operation; returns URCs to send before +UUFTPCR. */
        List<String> run() throws FtpFailure;
    }

    private Response uftpc(AtCommand c, ModuleContext m) {
        if (!m.capabilities().ftpSupported()) {
            return Response.error();
        }
        checkBoot(m);
        if (c.kind() == AtCommand.Kind.TEST) {
            return Response.ok("+UFTPC: (0-8,10,11,13,14)");
        }
        if (c.kind() != AtCommand.Kind.SET) {
            return Response.error();
        }
        int op = c.intParam(0);
        if (busy.get()) {
            return refuse(FtpError.BUSY, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (op == 1) {
            return login(m);
        }
        FtpSession s = session;
        if (s == null || !s.connected()) {
            session = null;
            return refuse(FtpError.NOT_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        ModuleFileSystem fs = m.files();
        switch (op) {
            case 0:
                return async(m, op, () -> {
                    session = null;
                    s.logout();
                    return List.of();
                });
            case 2: {
                String remote = c.strParam(1);
                return async(m, op, () -> {
                    s.delete(remote);
                    return List.of();
                });
            }
            case 3: {
                String from = c.strParam(1);
                String to = c.strParam(2);
                return async(m, op, () -> {
                    s.rename(from, to);
                    return List.of();
                });
            }
            case 4: {
                String remote = c.strParam(1);
                String local = localName(c, 2);
                boolean restart = c.optInt(3, 0, 0, 1) == 1;
                return async(m, op, () -> {
                    s.retrieve(remote, fs, local, restart);
                    return List.of();
                });
            }
            case 5: {
                String local = localName(c, 1);
                String remote = c.strParam(2);
                int offset = c.optInt(3, 0, 0, Integer.MAX_VALUE);
                long size = fs.size(local);
                if (size < 0) {
                    return refuse(FtpError.LOCAL_FILE_MISSING, CmeError.NOT_FOUND);
                }
                if (offset > size) {
                    return Response.cme(CmeError.INCORRECT_PARAMETERS);
                }
                return async(m, op, () -> {
                    s.store(fs, local, remote, offset);
                    return List.of();
                });
            }
            case 6:
            case 7:
                return directLink(m, s, op, c.strParam(1), c.optInt(2, 0, 0, Integer.MAX_VALUE));
            case 8: {
                String dir = c.optStr(1, "");
                return async(m, op, () -> {
                    s.cd(dir);
                    return List.of();
                });
            }
            case 10: {
                String dir = c.strParam(1);
                return async(m, op, () -> {
                    s.mkdir(dir);
                    return List.of();
                });
            }
            case 11: {
                String dir = c.strParam(1);
                return async(m, op, () -> {
                    s.rmdir(dir);
                    return List.of();
                });
            }
            case 13:
            case 14: {
                String path = c.optStr(1, "");
                return async(m, op, () -> {
                    byte[] data = op == 13 ? s.list(path) : s.names(path);
                    return List.of("+UUFTPCD: " + op + "," + data.length + ",\""
                            + new String(data, StandardCharsets.ISO_8859_1) + "\"");
                });
            }
            default:
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
        }
    }

    private static String localName(AtCommand c, int i) {
        String n = c.strParam(i);
        if (!ModuleFileSystem.validName(n)) {
            throw new io.ucell.simulator.commands.BadParameterException("invalid module file name");
        }
        return n;
    }

    /** OK now; the work on a background thread; then the URCs and +UUFTPCR: op,1|0. */
    private Response async(ModuleContext m, int op, Work work) {
        busy.set(true);
        int gen = generation;
        return Response.ok().thenRun(() -> m.background().execute(() -> {
            List<String> urcs = List.of();
            FtpError err = FtpError.NONE;
            try {
                urcs = work.run();
            } catch (FtpFailure f) {
                err = f.error;
            } catch (RuntimeException e) {
                LOG.warn("FTP operation {} failed", op, e);
                err = FtpError.CONNECTION_LOST;
            }
            finish(m, gen, op, err, urcs);
        }));
    }

    private void finish(ModuleContext m, int gen, int op, FtpError err, List<String> urcs) {
        if (gen != generation) {
            return; // the module rebooted meanwhile
        }
        lastError = err;
        FtpSession s = session;
        if (s != null && !s.connected()) {
            session = null;
        }
        busy.set(false);
        for (String u : urcs) {
            m.emitUrc(u);
        }
        m.emitUrc("+UUFTPCR: " + op + "," + (err == FtpError.NONE ? 1 : 0));
    }

    private Response login(ModuleContext m) {
        FtpSession current = session;
        if (current != null && current.connected()) {
            return refuse(FtpError.ALREADY_CONNECTED, CmeError.OPERATION_NOT_ALLOWED);
        }
        FtpProfile p = profile;
        String server = p.server();
        if (server.isEmpty()) {
            return refuse(FtpError.SERVER_MISSING, CmeError.OPERATION_NOT_ALLOWED);
        }
        if (p.user.isEmpty()) {
            return async(m, 1, () -> {
                throw new FtpFailure(FtpError.USER_MISSING); // 9.3: +UFTPER: 1,1 "user missing"
            });
        }
        Network.InternalRoute route = route(m, p);
        // the security profiles of this boot; the TLS slot is taken when the connection is made
        SecurityProfiles profiles = p.secureControl ? m.securityProfiles() : null;
        int securityProfile = p.securityProfile;
        String user = p.user;
        String password = p.password;
        String account = p.account;
        boolean passive = p.passive;
        boolean secureControl = p.secureControl;
        boolean secureData = p.secureData;
        int port = p.port;
        int timeout = p.timeout;
        int lingerCmd = p.lingerCmd;
        int lingerData = p.lingerData;
        boolean byName = p.byName;
        return async(m, 1, () -> {
            if (route == null) {
                throw new FtpFailure(FtpError.NO_CONTEXT);
            }
            InetAddress address;
            try {
                address = InetAddress.getByName(byName ? m.dns().forward(server, route.ipv6()) : server);
            } catch (UnknownHostException e) {
                throw new FtpFailure(FtpError.HOST_NOT_RESOLVED);
            }
            ProfileTls tls = null;
            if (profiles != null) {
                // one of the module's 4 TLS connections for the whole FTPS session (control and data channels),
                // the profile's trust, keys, version, suites and SNI (op 10, else the server name) on each of them
                try {
                    tls = profiles.clientLibraryTls(securityProfile, server);
                } catch (javax.net.ssl.SSLException e) {
                    LOG.info("FTPS with security profile {}: {}", securityProfile, e.getMessage());
                    throw new FtpFailure(FtpError.SECURE_SOCKET);
                }
            }
            FtpSession s = FtpSession.login(new FtpSession.Target(address, port, user, password, account, passive,
                    secureControl, secureData, timeout, lingerCmd, lingerData, tls));
            session = s;
            return List.of();
        });
    }

    /** The context FTP uses: the +UFTP=20 mapping where set, else the internal stack's. */
    private static Network.InternalRoute route(ModuleContext m, FtpProfile p) {
        Network net = m.network();
        if (p.pdpCid >= 0) {
            PdpContext ctx = net.registered() ? net.context(p.pdpCid) : null;
            return ctx != null && ctx.active() ? new Network.InternalRoute(ctx, p.pdpIpType == 1) : null;
        }
        return net.internalRoute();
    }

    private Response directLink(ModuleContext m, FtpSession s, int op, String remote, long offset) {
        int gen = generation;
        busy.set(true);
        java.util.function.Consumer<FtpError> outcome = err -> finish(m, gen, op, err, List.of());
        try {
            if (op == 6) {
                InputStream in = s.openRetrieve(remote, offset);
                return Response.connect(new DirectLink.Retrieve(s, in, m.config().baud(), m.background(), outcome));
            }
            OutputStream out = s.openStore(remote, offset);
            return Response.connect(new DirectLink.Store(s, out, m.background(), outcome));
        } catch (FtpFailure f) {
            busy.set(false);
            lastError = f.error;
            return Response.cme(CmeError.OPERATION_NOT_ALLOWED);
        }
    }
}
