package io.ucell.simulator.security;

import io.ucell.pki.CipherSuites;
import io.ucell.simulator.model.SecurityCapabilities;
import io.ucell.simulator.nvm.Nvm;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;

/**
 * The five security profiles of +USECPRF (section 3.2) and what they do to the module's TLS: every op code
 * is parsed, checked against the model's {@link SecurityCapabilities}, read back, and applied to the JDK TLS
 * that secure sockets, HTTPS and CoAP use ({@link #sslContext(int)}, {@link #parameters(int, SSLContext, String)},
 * {@link #clientTls(int, Socket, String, int, int)}, {@link #clientLibraryTls(int, String)}). Settings live in NVM except session resumption (op 13),
 * which the spec says is volatile (3.4). At most {@code maxTlsConnections} (4) TLS connections at once (3.3).
 * Thread safe (handlers and background work may both use it).
 */
public final class SecurityProfiles {
    public static final int PROFILES = 5;
    public static final int OP_VALIDATION_LEVEL = 0;
    public static final int OP_TLS_VERSION = 1;
    public static final int OP_CIPHER_SUITE = 2;
    public static final int OP_CA_CERT = 3;
    public static final int OP_HOSTNAME = 4;
    public static final int OP_CLIENT_CERT = 5;
    public static final int OP_CLIENT_KEY = 6;
    public static final int OP_KEY_PASSWORD = 7;
    public static final int OP_PSK = 8;
    public static final int OP_PSK_IDENTITY = 9;
    public static final int OP_SNI = 10;
    public static final int OP_ROT_PSK = 11;
    public static final int OP_PINNING = 12;
    public static final int OP_RESUMPTION = 13;

    private static final AtomicLong REVISIONS = new AtomicLong();
    private static final int MAX_STRING = 256;

    /** One parameter as the command gave it. */
    public record Value(String text, boolean quoted) {
        public static Value of(int n) {
            return new Value(Integer.toString(n), false);
        }

        public static Value str(String s) {
            return new Value(s, true);
        }
    }

    /** A pre-shared key and its identity (op 8 / op 9). */
    public record Psk(byte[] identity, byte[] key) {
    }

    private static final class Profile {
        int validation;
        int minVersion;
        int legacyCipher;
        /** IANA suites chosen with 99 (one) or 100 (list); empty = legacy or automatic. */
        final Set<Integer> ianaSuites = new LinkedHashSet<>();
        boolean ianaList;
        String ca = "";
        String hostname = "";
        String clientCert = "";
        String clientKey = "";
        String keyPassword = "";
        byte[] psk;
        byte[] pskIdentity;
        String sni = "";
        boolean rotPsk;
        String pinned = "";
        boolean resumption;
        int resumptionType;
        String sessionData;
        final Map<Integer, String> readBack = new TreeMap<>();
        long revision = REVISIONS.incrementAndGet();
        SSLContext context;
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(SecurityProfiles.class);

    private final Profile[] profiles = new Profile[PROFILES];
    /** True while the NVM values are replayed at boot (they are not written back). */
    private boolean loading;
    private final CredentialStore store;
    private final SecurityCapabilities caps;
    private final Nvm nvm;
    private final TlsSessionVault vault;
    private final Consumer<String> urcs;
    /** Open TLS connections, each as "has it ended?" (a secure socket: either of its sockets closed). */
    private final List<BooleanSupplier> live = new ArrayList<>();

    /** Profiles with an empty in-memory store and every capability (for tests and tools). */
    public SecurityProfiles() {
        this(new CredentialStore(), new SecurityCapabilities(true, true, true, true, true, true, 4), null,
                new TlsSessionVault(), urc -> {
                });
    }

    /**
     * @param nvm   where settings persist (null: volatile)
     * @param vault the module's session memory (outlives reboots)
     * @param urcs  where +UUSECPRF goes
     */
    public SecurityProfiles(CredentialStore store, SecurityCapabilities caps, Nvm nvm, TlsSessionVault vault,
            Consumer<String> urcs) {
        this.store = store;
        this.caps = caps;
        this.nvm = nvm;
        this.vault = vault;
        this.urcs = urcs;
        for (int p = 0; p < PROFILES; p++) {
            profiles[p] = fresh();
            load(p);
        }
    }

    public static boolean validProfile(int p) {
        return p >= 0 && p < PROFILES;
    }

    public CredentialStore credentials() {
        return store;
    }

    public SecurityCapabilities capabilities() {
        return caps;
    }

    private static Profile fresh() {
        Profile p = new Profile();
        p.readBack.put(OP_VALIDATION_LEVEL, "0");
        p.readBack.put(OP_TLS_VERSION, "0");
        p.readBack.put(OP_CIPHER_SUITE, "0");
        return p;
    }

    /** AT+USECPRF=p: factory values (validation level 0, any TLS version, automatic cipher suites). */
    public synchronized void reset(int profile) {
        profiles[profile] = fresh();
        if (nvm != null) {
            for (String k : nvm.snapshot().stringPropertyNames()) {
                if (k.startsWith("usecprf." + profile + ".")) {
                    nvm.remove(k);
                }
            }
        }
    }

    /** Compatibility form: the parameters after the op as command text ({@code 1} or {@code "name"}). */
    public void set(int profile, int op, String value) {
        apply(profile, op, parse(value));
    }

    /** The read-back text of an op (what +USECPRF=p,op answers after the op), or null when never set or secret. */
    public synchronized String get(int profile, int op) {
        return profiles[profile].readBack.get(op);
    }

    /** 0 none, 1 root certificate, 2 + host name, 3 + validity date. */
    public synchronized int validationLevel(int profile) {
        return profiles[profile].validation;
    }

    /** The read lines of op 13 (enabled, type). */
    public synchronized List<String> resumptionLines(int profile) {
        Profile p = profiles[profile];
        return List.of("+USECPRF: " + profile + ",13,0," + (p.resumption ? 1 : 0),
                "+USECPRF: " + profile + ",13,1," + p.resumptionType);
    }

    /**
     * Applies one +USECPRF=p,op,... command.
     *
     * @throws IllegalArgumentException      a bad or missing value
     * @throws UnsupportedOperationException the model does not have the feature
     */
    public synchronized void apply(int profile, int op, List<Value> v) {
        Profile p = profiles[profile];
        String readBack = join(v);
        switch (op) {
            case OP_VALIDATION_LEVEL:
                p.validation = intIn(v, 0, 0, 3);
                break;
            case OP_TLS_VERSION: {
                int ver = intIn(v, 0, 0, 4);
                if (ver == 4 && !caps.tls13()) {
                    throw new UnsupportedOperationException("no TLS 1.3 on this model");
                }
                p.minVersion = ver;
                break;
            }
            case OP_CIPHER_SUITE:
                readBack = cipher(p, v);
                break;
            case OP_CA_CERT:
                p.ca = str(v, 0);
                break;
            case OP_HOSTNAME:
                p.hostname = str(v, 0);
                break;
            case OP_CLIENT_CERT:
                p.clientCert = str(v, 0);
                break;
            case OP_CLIENT_KEY:
                p.clientKey = str(v, 0);
                break;
            case OP_KEY_PASSWORD:
                p.keyPassword = str(v, 0);
                readBack = null;
                break;
            case OP_PSK:
                p.psk = bytes(v, 64);
                readBack = null;
                break;
            case OP_PSK_IDENTITY:
                p.pskIdentity = bytes(v, 128);
                break;
            case OP_SNI:
                p.sni = str(v, 0);
                break;
            case OP_ROT_PSK:
                if (!caps.rotPsk()) {
                    throw new UnsupportedOperationException("no root-of-trust PSK on this model");
                }
                p.rotPsk = intIn(v, 0, 0, 1) == 1;
                break;
            case OP_PINNING:
                if (!caps.pinning()) {
                    throw new UnsupportedOperationException("no certificate pinning on this model");
                }
                p.pinned = v.size() > 0 && !v.get(0).quoted() ? pinOff(v) : str(v, 0);
                break;
            case OP_RESUMPTION:
                resumption(profile, p, v);
                return; // volatile and no read-back of its own
            default:
                throw new IllegalArgumentException("op " + op);
        }
        if (readBack == null) {
            p.readBack.remove(op);
        } else {
            p.readBack.put(op, readBack);
        }
        changed(p);
        if (nvm != null && !loading) {
            nvm.put("usecprf." + profile + "." + op, op == OP_CIPHER_SUITE ? readBack : join(v));
        }
    }

    private static String pinOff(List<Value> v) {
        if (intIn(v, 0, 0, 0) != 0) {
            throw new IllegalArgumentException("pinning takes a certificate name or 0");
        }
        return "";
    }

    private void changed(Profile p) {
        p.revision = REVISIONS.incrementAndGet();
        p.context = null;
        // the session was made with the old settings (its context holds the old certificates): the next
        // handshake is a full one with the new settings; a host restores session data after setting the ops
        p.sessionData = null;
    }

    private String cipher(Profile p, List<Value> v) {
        int mode = intIn(v, 0, 0, 101);
        if (mode <= 33) {
            if (mode > 0 && CipherSuites.byLegacy(mode) == null) {
                throw new IllegalArgumentException("legacy cipher suite " + mode);
            }
            p.legacyCipher = mode;
            p.ianaSuites.clear();
            p.ianaList = false;
            return Integer.toString(mode);
        }
        if (mode != 99 && mode != 100) {
            throw new IllegalArgumentException("cipher suite mode " + mode);
        }
        int iana = CipherSuites.iana(str(v, 1), str(v, 2));
        CipherSuites.Suite s = CipherSuites.byIana(iana);
        if (s == null) {
            throw new IllegalArgumentException("unknown IANA cipher suite");
        }
        if (CipherSuites.tls13(iana) && !caps.tls13()) {
            throw new UnsupportedOperationException("no TLS 1.3 cipher suites on this model");
        }
        if (mode == 99) {
            p.legacyCipher = 0;
            p.ianaSuites.clear();
            p.ianaSuites.add(iana);
            p.ianaList = false;
            return "99,\"" + str(v, 1).toUpperCase() + "\",\"" + str(v, 2).toUpperCase() + "\"";
        }
        if (!caps.cipherList()) {
            throw new UnsupportedOperationException("no cipher suite lists on this model");
        }
        int action = v.size() > 3 ? intIn(v, 3, 0, 1) : 0;
        if (!p.ianaList) {
            p.ianaSuites.clear();
            p.ianaList = true;
        }
        p.legacyCipher = 0;
        if (action == 0) {
            p.ianaSuites.add(iana);
        } else {
            p.ianaSuites.remove(iana);
        }
        StringBuilder sb = new StringBuilder("100,\"");
        for (int s2 : p.ianaSuites) {
            sb.append(sb.length() > 5 ? ";" : "").append(CipherSuites.hex(s2));
        }
        return sb.append('"').toString();
    }

    private void resumption(int profile, Profile p, List<Value> v) {
        int sub = intIn(v, 0, 0, 12);
        switch (sub) {
            case 0:
                p.resumption = intIn(v, 1, 0, 1) == 1;
                break;
            case 1: {
                int type = intIn(v, 1, 0, 11);
                if (type != 0 && type != 1 && type != 10 && type != 11) {
                    throw new IllegalArgumentException("session resumption type " + type);
                }
                if ((type == 1 || type == 11) && !caps.statelessResumption()) {
                    throw new UnsupportedOperationException("no stateless session resumption on this model");
                }
                if (type >= 10 && !caps.rotPsk()) {
                    throw new UnsupportedOperationException("no local encryption of session data on this model");
                }
                p.resumptionType = type;
                break;
            }
            case 2:
                p.sessionData = str(v, 1) + "," + str(v, 2);
                break;
            case 12: {
                String clear = vault.decrypt(str(v, 1));
                // data this module did not encrypt cannot resume anything: a full handshake follows
                p.sessionData = clear == null ? "" : clear;
                break;
            }
            default:
                throw new IllegalArgumentException("session resumption op " + sub);
        }
    }

    // ------------------------------------------------------------------ TLS

    /**
     * The JDK TLS context of a profile: its client certificate and key, and the trust of its validation level.
     * Without session resumption a new one each time (nothing is resumed); with it, one per profile setting,
     * or, after session data the module issued was set, the context that holds that session.
     *
     * @throws GeneralSecurityException with the reason (missing certificate, weak key...)
     */
    public synchronized SSLContext sslContext(int profile) throws GeneralSecurityException {
        Profile p = profiles[profile];
        if (!p.resumption) {
            // no session cache to share: without op 13 every handshake is a full one
            return build(p);
        }
        if (p.sessionData != null) {
            SSLContext kept = vault.lookup(p.sessionData);
            if (kept != null) {
                return kept;
            }
        }
        if (p.context == null) {
            p.context = build(p);
        }
        return p.context;
    }

    /** Changes with every setting of the profile (for callers caching endpoints built on it). */
    public synchronized long revision(int profile) {
        Profile p = profiles[profile];
        return p.revision + (p.sessionData == null ? 0 : p.sessionData.hashCode());
    }

    private SSLContext build(Profile p) throws GeneralSecurityException {
        KeyManager[] kms = null;
        if (!p.clientCert.isEmpty() || !p.clientKey.isEmpty()) {
            X509Certificate cert = store.certificate(CredentialStore.Type.CLIENT_CERT, p.clientCert);
            if (cert == null) {
                throw new GeneralSecurityException("no client certificate \"" + p.clientCert + "\"");
            }
            PrivateKey key = store.privateKey(p.clientKey, p.keyPassword);
            try {
                ProfileTrustManager.checkKeySize(cert.getPublicKey(), cert);
            } catch (CertificateException e) {
                throw new GeneralSecurityException(e.getMessage());
            }
            char[] pw = "module".toCharArray();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try {
                ks.load(null, null);
            } catch (IOException e) {
                throw new GeneralSecurityException(e);
            }
            ks.setKeyEntry("client", key, pw, new X509Certificate[] {cert});
            KeyManagerFactory kmf = KeyManagerFactory.getInstance("SunX509");
            kmf.init(ks, pw);
            kms = kmf.getKeyManagers();
        }
        List<X509Certificate> anchors;
        if (!p.ca.isEmpty()) {
            X509Certificate ca = store.certificate(CredentialStore.Type.CA_CERT, p.ca);
            if (ca == null && p.validation > 0) {
                throw new GeneralSecurityException("no trusted root certificate \"" + p.ca + "\"");
            }
            anchors = ca == null ? List.of() : List.of(ca);
        } else {
            anchors = store.certificates(CredentialStore.Type.CA_CERT);
        }
        X509Certificate pin = null;
        if (!p.pinned.isEmpty()) {
            pin = store.certificate(CredentialStore.Type.SERVER_CERT, p.pinned);
            if (pin == null) {
                throw new GeneralSecurityException("no server certificate \"" + p.pinned + "\" to pin");
            }
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kms, new TrustManager[] {new ProfileTrustManager(p.validation, anchors, p.hostname, pin)},
                new SecureRandom());
        return ctx;
    }

    /** Protocols, cipher suites and SNI of a profile for a connection to {@code host}. */
    public synchronized SSLParameters parameters(int profile, SSLContext ctx, String host) throws SSLException {
        Profile p = profiles[profile];
        SSLParameters params = ctx.getDefaultSSLParameters();
        List<String> protocols = new ArrayList<>();
        String[] all = {"TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"};
        for (int i = 0; i < all.length; i++) {
            boolean allowed = p.minVersion == 0 || i + 1 >= p.minVersion;
            if (allowed && (i < 3 || caps.tls13())) {
                protocols.add(all[i]);
            }
        }
        List<String> supported = Arrays.asList(ctx.getSupportedSSLParameters().getProtocols());
        protocols.retainAll(supported);
        params.setProtocols(protocols.toArray(new String[0]));
        List<String> suites = new ArrayList<>();
        if (p.legacyCipher > 0) {
            suites.add(CipherSuites.byLegacy(p.legacyCipher).name());
        }
        for (int iana : p.ianaSuites) {
            suites.add(CipherSuites.byIana(iana).name());
        }
        if (!suites.isEmpty()) {
            List<String> available = Arrays.asList(ctx.getSupportedSSLParameters().getCipherSuites());
            suites.retainAll(available);
            if (suites.isEmpty()) {
                throw new SSLException("none of the profile's cipher suites is available (PSK suites are not "
                        + "in the JDK's TLS)");
            }
            params.setCipherSuites(suites.toArray(new String[0]));
        } else if (!caps.tls13()) {
            List<String> noTls13 = new ArrayList<>(Arrays.asList(params.getCipherSuites()));
            noTls13.removeIf(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_"));
            params.setCipherSuites(noTls13.toArray(new String[0]));
        }
        if (!p.sni.isEmpty()) {
            params.setServerNames(List.of(new SNIHostName(p.sni)));
        }
        return params;
    }

    /** DTLS pre-shared key of a profile (op 8 and 9), or null when none is set. */
    public synchronized Psk psk(int profile) {
        Profile p = profiles[profile];
        return p.psk == null ? null : new Psk(p.pskIdentity == null ? new byte[0] : p.pskIdentity.clone(), p.psk.clone());
    }

    /**
     * TLS over an already connected socket with the profile's settings: handshake (bounded by
     * {@code timeoutMs}), the 4-connection limit, then the +UUSECPRF session URCs when resumption is on.
     * Other simulated applications (MQTT, HTTP, FTP) call this for their secure connections.
     *
     * @param host the server name the application was given (SNI default and host name check)
     */
    public SSLSocket clientTls(int profile, Socket connected, String host, int port, int timeoutMs)
            throws IOException {
        SSLContext ctx;
        SSLParameters params;
        synchronized (this) {
            checkLimit(profile);
            try {
                ctx = sslContext(profile);
            } catch (GeneralSecurityException e) {
                LOG.info("security profile {}: no TLS for {}:{}: {}", profile, host, port, e.getMessage());
                throw new SSLException("security profile " + profile + ": " + e.getMessage(), e);
            }
            params = parameters(profile, ctx, host);
        }
        SSLSocket ssl = (SSLSocket) ctx.getSocketFactory().createSocket(connected, host, port, true);
        ssl.setUseClientMode(true);
        ssl.setSSLParameters(params);
        ssl.setSoTimeout(timeoutMs);
        try {
            ssl.startHandshake();
        } catch (IOException e) {
            // the module's AT answer is a bare ERROR: the log says why
            LOG.info("security profile {}: TLS handshake with {}:{} failed: {}", profile, host, port, e.getMessage());
            ssl.close();
            throw e;
        }
        ssl.setSoTimeout(0);
        synchronized (this) {
            live.add(() -> ssl.isClosed() || connected.isClosed());
        }
        sessionEstablished(profile, ctx, ssl.getSession());
        return ssl;
    }

    private void checkLimit(int profile) throws SSLException {
        live.removeIf(BooleanSupplier::getAsBoolean);
        if (live.size() >= caps.maxTlsConnections()) {
            LOG.info("security profile {}: {} TLS connections already open", profile, live.size());
            throw new SSLException(caps.maxTlsConnections() + " TLS connections are already open");
        }
    }

    /** TLS connections open now (sockets the module has not closed, {@link ProfileTls} not closed). */
    public synchronized int openTlsConnections() {
        live.removeIf(BooleanSupplier::getAsBoolean);
        return live.size();
    }

    /**
     * TLS for a client library that makes its own connections (HTTP's HttpClient, an FTPS client): takes one of
     * the module's TLS connections until closed, and gives an SSLContext whose engines and sockets all use the
     * profile (CA, client certificate and key, validation level with {@code host} as the name to check unless
     * op 4 sets one, TLS version, cipher suites, SNI: op 10, else {@code host} when it is a name) whatever
     * parameters the library sets. Call {@link ProfileTls#established} after the handshake for the +UUSECPRF
     * session URCs.
     *
     * @param host the server name (or IP) the application was given
     * @throws SSLException when 4 TLS connections are open or the profile cannot make a context (missing
     *                      certificate...), with the reason
     */
    public ProfileTls clientLibraryTls(int profile, String host) throws SSLException {
        AtomicBoolean closed = new AtomicBoolean();
        synchronized (this) {
            checkLimit(profile);
            Forced f = forced(profile, host);
            live.add(closed::get);
            return new ProfileTls(profile, f.ctx, f.wrapped, f.params, this, closed);
        }
    }

    /**
     * The same forced context as {@link #clientLibraryTls} (the profile's trust, keys, TLS version, cipher suites
     * and SNI on every engine and socket, whatever the library sets) without taking one of the 4 TLS connections:
     * for the CoAP client's own TLS endpoints, which the module's limit does not count.
     */
    public SSLContext libraryContext(int profile, String host) throws SSLException {
        synchronized (this) {
            return forced(profile, host).wrapped;
        }
    }

    private record Forced(SSLContext ctx, SSLParameters params, SSLContext wrapped) {
    }

    private Forced forced(int profile, String host) throws SSLException {
        SSLContext ctx;
        try {
            ctx = sslContext(profile);
        } catch (GeneralSecurityException e) {
            LOG.info("security profile {}: no TLS for {}: {}", profile, host, e.getMessage());
            throw new SSLException("security profile " + profile + ": " + e.getMessage(), e);
        }
        SSLParameters params = parameters(profile, ctx, host);
        if ((params.getServerNames() == null || params.getServerNames().isEmpty()) && isHostName(host)) {
            params.setServerNames(List.of(new SNIHostName(host)));
        }
        return new Forced(ctx, params, ForcedSslContext.wrap(ctx, host, params));
    }

    /**
     * DTLS for a secure UDP socket: the profile's PSK, certificate check (the same as TLS; the name checked is
     * op 4, else {@code host}), client certificate and key, and SNI (op 10, else {@code host} when it is a name).
     * Takes one of the module's TLS connections until closed.
     *
     * @throws SSLException when 4 TLS connections are open or a certificate or key the profile names is missing
     */
    public ProfileDtls clientDtls(int profile, String host) throws SSLException {
        synchronized (this) {
            checkLimit(profile);
            Profile p = profiles[profile];
            try {
                X509Certificate cert = null;
                PrivateKey key = null;
                if (!p.clientCert.isEmpty() || !p.clientKey.isEmpty()) {
                    cert = store.certificate(CredentialStore.Type.CLIENT_CERT, p.clientCert);
                    if (cert == null) {
                        throw new GeneralSecurityException("no client certificate \"" + p.clientCert + "\"");
                    }
                    key = store.privateKey(p.clientKey, p.keyPassword);
                }
                ProfileTrustManager trust = new ProfileTrustManager(p.validation, anchors(p), 
                        p.hostname.isEmpty() ? host : p.hostname, pinned(p));
                String sni = !p.sni.isEmpty() ? p.sni : isHostName(host) ? host : null;
                AtomicBoolean closed = new AtomicBoolean();
                live.add(closed::get);
                return new ProfileDtls(p.psk == null ? null : psk(profile), trust, cert, key, sni, closed);
            } catch (GeneralSecurityException e) {
                LOG.info("security profile {}: no DTLS for {}: {}", profile, host, e.getMessage());
                throw new SSLException("security profile " + profile + ": " + e.getMessage(), e);
            }
        }
    }

    private List<X509Certificate> anchors(Profile p) throws GeneralSecurityException {
        if (p.ca.isEmpty()) {
            return store.certificates(CredentialStore.Type.CA_CERT);
        }
        X509Certificate ca = store.certificate(CredentialStore.Type.CA_CERT, p.ca);
        if (ca == null && p.validation > 0) {
            throw new GeneralSecurityException("no trusted root certificate \"" + p.ca + "\"");
        }
        return ca == null ? List.of() : List.of(ca);
    }

    private X509Certificate pinned(Profile p) throws GeneralSecurityException {
        if (p.pinned.isEmpty()) {
            return null;
        }
        X509Certificate pin = store.certificate(CredentialStore.Type.SERVER_CERT, p.pinned);
        if (pin == null) {
            throw new GeneralSecurityException("no server certificate \"" + p.pinned + "\" to pin");
        }
        return pin;
    }

    private static boolean isHostName(String host) {
        return host != null && !host.isEmpty() && !host.contains(":") && !host.matches("[0-9.]+");
    }

    /** After a handshake: with resumption on, +UUSECPRF type and session data (new data = not resumed). */
    public void sessionEstablished(int profile, SSLContext ctx, SSLSession session) {
        String data;
        int type;
        synchronized (this) {
            Profile p = profiles[profile];
            if (!p.resumption || session == null || session.getId().length == 0) {
                return;
            }
            data = vault.remember(ctx, session);
            // the module keeps the session for this boot; the host stores it for the next one
            p.sessionData = data;
            type = p.resumptionType;
        }
        urcs.accept("+UUSECPRF: " + profile + ",13,1," + type);
        if (type >= 10) {
            String enc = vault.encrypt(data);
            urcs.accept("+UUSECPRF: " + profile + ",13,12,\"" + enc + "\"," + enc.length());
        } else {
            int comma = data.indexOf(',');
            urcs.accept("+UUSECPRF: " + profile + ",13,2,\"" + data.substring(0, comma) + "\",\""
                    + data.substring(comma + 1) + "\"");
        }
    }

    // ------------------------------------------------------------------ parameter helpers

    private static int intIn(List<Value> v, int i, int min, int max) {
        if (i >= v.size() || v.get(i).quoted() || v.get(i).text().isEmpty()) {
            throw new IllegalArgumentException("parameter " + i + " must be a number");
        }
        int n;
        try {
            n = Integer.parseInt(v.get(i).text());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter " + i + " must be a number");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException("parameter " + i + " out of range");
        }
        return n;
    }

    private static String str(List<Value> v, int i) {
        if (i >= v.size() || !v.get(i).quoted()) {
            throw new IllegalArgumentException("parameter " + i + " must be a quoted string");
        }
        String s = v.get(i).text();
        if (s.length() > MAX_STRING) {
            throw new IllegalArgumentException("parameter " + i + " too long");
        }
        return s;
    }

    /** A string parameter, optionally followed by 1 = the string is hex (so it may hold any byte). */
    private static byte[] bytes(List<Value> v, int max) {
        String s = str(v, 0);
        boolean hex = v.size() > 1 && intIn(v, 1, 0, 1) == 1;
        byte[] b;
        try {
            b = hex ? HexFormat.of().parseHex(s) : s.getBytes(StandardCharsets.ISO_8859_1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not hex");
        }
        if (b.length == 0 || b.length > max) {
            throw new IllegalArgumentException("length 1.." + max);
        }
        return b;
    }

    private static String join(List<Value> v) {
        StringBuilder sb = new StringBuilder();
        for (Value x : v) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(x.quoted() ? "\"" + x.text() + "\"" : x.text());
        }
        return sb.toString();
    }

    /** Splits stored command text ({@code 100,"C0","2F",0}) back into values. */
    static List<Value> parse(String text) {
        List<Value> out = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            if (i < text.length() && text.charAt(i) == '"') {
                int end = text.indexOf('"', i + 1);
                out.add(Value.str(text.substring(i + 1, end)));
                i = end + 2;
            } else {
                int end = text.indexOf(',', i);
                end = end < 0 ? text.length() : end;
                out.add(new Value(text.substring(i, end).trim(), false));
                i = end + 1;
            }
        }
        return out;
    }

    private void load(int profile) {
        if (nvm == null) {
            return;
        }
        String prefix = "usecprf." + profile + ".";
        loading = true;
        try {
            replay(profile, prefix);
        } finally {
            loading = false;
        }
    }

    private void replay(int profile, String prefix) {
        for (Map.Entry<Object, Object> e : new TreeMap<>(nvm.snapshot()).entrySet()) {
            String k = (String) e.getKey();
            if (!k.startsWith(prefix)) {
                continue;
            }
            try {
                int op = Integer.parseInt(k.substring(prefix.length()));
                String value = (String) e.getValue();
                if (op == OP_CIPHER_SUITE && value.startsWith("100,\"")) {
                    // a list is stored as its read-back: add its suites one by one
                    String list = value.substring(5, value.length() - 1);
                    for (String hex : list.isEmpty() ? new String[0] : list.split(";")) {
                        apply(profile, op, List.of(Value.of(100), Value.str(hex.substring(0, 2)),
                                Value.str(hex.substring(2)), Value.of(0)));
                    }
                    continue;
                }
                // replays the command; the NVM write it makes is the same value
                apply(profile, op, parse(value));
            } catch (RuntimeException ignored) {
                // a value this model no longer accepts stays out
            }
        }
    }
}
