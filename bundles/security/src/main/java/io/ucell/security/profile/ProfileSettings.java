package io.ucell.security.profile;

import io.ucell.at.AtQuoting;
import io.ucell.pki.CipherSuites;
import io.ucell.security.CredentialException;
import io.ucell.security.CredentialType;
import io.ucell.security.credentials.CredentialValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * One security profile: every +USECPRF op code of section 3.2 and the certificates and keys it uses.
 * Certificates and keys are given as PEM text or as the path of a PEM or DER file; empty means "already in
 * the module under that name". {@link #toString()} never shows the key, its password or the PSK.
 *
 * @param profile          module profile number 0-4
 * @param servers          host names or {@code *.domain} patterns this profile is for (empty: any)
 * @param validationLevel  op 0: 0 none, 1 trusted root, 2 + host name, 3 + validity dates
 * @param minTlsVersion    op 1: 0 any, 1 TLS 1.0, 2 TLS 1.1, 3 TLS 1.2, 4 TLS 1.3
 * @param cipherSuites     op 2: empty = automatic; a legacy u-blox number (1-33); one IANA name; or several
 *                         IANA names separated by commas or blanks (a list, where the module has lists)
 * @param caName           op 3, with {@code caCertificate} imported under it
 * @param hostname         op 4: expected server host name
 * @param clientCertName   op 5, with {@code clientCertificate}
 * @param clientKeyName    op 6, with {@code clientKey}
 * @param clientKeyPassword op 7
 * @param psk              op 8 (with {@code pskHex} given in hex)
 * @param pskIdentity      op 9
 * @param rotPsk           op 11: the root of trust generates the PSK
 * @param sni              op 10: server name indication
 * @param pinnedName       op 12, with {@code pinnedCertificate} (a server certificate)
 * @param sessionResumption op 13,0
 * @param sessionType      op 13,1: 0 session id, 1 session ticket, 10/11 the same encrypted by the module
 */
public record ProfileSettings(int profile, List<String> servers, int validationLevel, int minTlsVersion,
        String cipherSuites, String caName, String caCertificate, String hostname, String clientCertName,
        String clientCertificate, String clientKeyName, String clientKey, String clientKeyPassword, String psk,
        boolean pskHex, String pskIdentity, boolean rotPsk, String sni, String pinnedName, String pinnedCertificate,
        boolean sessionResumption, int sessionType) {

    public static final int MAX_NAME = 200;
    public static final int MAX_TEXT = 256;

    public ProfileSettings {
        servers = servers == null ? List.of() : List.copyOf(servers);
        cipherSuites = nz(cipherSuites);
        caName = nz(caName);
        caCertificate = nz(caCertificate);
        hostname = nz(hostname);
        clientCertName = nz(clientCertName);
        clientCertificate = nz(clientCertificate);
        clientKeyName = nz(clientKeyName);
        clientKey = nz(clientKey);
        clientKeyPassword = nz(clientKeyPassword);
        psk = nz(psk);
        pskIdentity = nz(pskIdentity);
        sni = nz(sni);
        pinnedName = nz(pinnedName);
        pinnedCertificate = nz(pinnedCertificate);
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    /** A profile with only its number: validation off, everything automatic. */
    public static ProfileSettings of(int profile) {
        return new ProfileSettings(profile, List.of(), 0, 0, "", "", "", "", "", "", "", "", "", "", false, "",
                false, "", "", "", false, 0);
    }

    // ------------------------------------------------------------------ cipher suites

    /** The op 2 selection: automatic, one legacy number, one IANA suite, or a list of IANA suites. */
    public record CipherSelection(int legacy, List<Integer> iana, boolean list) {
    }

    /** @throws IllegalArgumentException naming what is wrong */
    public CipherSelection cipherSelection() {
        String c = cipherSuites;
        if (c.isEmpty() || c.equals("0")) {
            return new CipherSelection(0, List.of(), false);
        }
        if (c.matches("\\d+")) {
            int n = Integer.parseInt(c);
            if (CipherSuites.byLegacy(n) == null) {
                throw new IllegalArgumentException("cipher suite " + n + " is not a legacy u-blox number (1-33)");
            }
            return new CipherSelection(n, List.of(), false);
        }
        List<Integer> iana = new ArrayList<>();
        for (String name : c.split("[,;\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            CipherSuites.Suite s = name.matches("(0x)?[0-9A-Fa-f]{4}") ? CipherSuites.byIana(Integer.parseInt(
                    name.replace("0x", ""), 16)) : CipherSuites.byName(name);
            if (s == null) {
                throw new IllegalArgumentException("unknown cipher suite " + name);
            }
            iana.add(s.iana());
        }
        return new CipherSelection(0, iana, iana.size() > 1);
    }

    // ------------------------------------------------------------------ checks

    /** Problems found without the module (ranges, names, the certificates and keys themselves); empty when valid. */
    public List<String> problems(Instant now) {
        List<String> errors = new ArrayList<>();
        if (profile < 0 || profile > 4) {
            errors.add("profile must be 0-4");
        }
        if (validationLevel < 0 || validationLevel > 3) {
            errors.add("validation level must be 0-3");
        }
        if (minTlsVersion < 0 || minTlsVersion > 4) {
            errors.add("minimum TLS version must be 0 (any) or 1-4 (TLS 1.0-1.3)");
        }
        if (sessionType != 0 && sessionType != 1 && sessionType != 10 && sessionType != 11) {
            errors.add("session resumption type must be 0, 1, 10 or 11");
        }
        try {
            cipherSelection();
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        text(errors, "CA certificate name", caName, MAX_NAME);
        text(errors, "expected host name", hostname, MAX_TEXT);
        text(errors, "client certificate name", clientCertName, MAX_NAME);
        text(errors, "client key name", clientKeyName, MAX_NAME);
        text(errors, "client key password", clientKeyPassword, 128);
        text(errors, "PSK identity", pskIdentity, 128);
        text(errors, "SNI", sni, MAX_TEXT);
        text(errors, "pinned certificate name", pinnedName, MAX_NAME);
        for (String s : servers) {
            if (s.isBlank() || s.contains(" ")) {
                errors.add("server \"" + s + "\" is not a host name or *.domain pattern");
            }
        }
        if (!psk.isEmpty()) {
            byte[] key = null;
            if (pskHex) {
                try {
                    key = HexFormat.of().parseHex(psk);
                } catch (IllegalArgumentException e) {
                    errors.add("PSK is not hex");
                }
            } else {
                text(errors, "PSK", psk, 64);
                key = psk.getBytes(StandardCharsets.ISO_8859_1);
            }
            if (key != null && (key.length == 0 || key.length > 64)) {
                errors.add("PSK must be 1-64 bytes");
            }
            if (pskIdentity.isEmpty()) {
                errors.add("a PSK needs a PSK identity");
            }
            if (rotPsk) {
                errors.add("a PSK and a root-of-trust generated PSK exclude each other");
            }
        }
        if (clientCertName.isEmpty() != clientKeyName.isEmpty()) {
            errors.add("a client certificate and its key go together (give both names or neither)");
        }
        material(errors, "CA certificate", caName, caCertificate);
        material(errors, "client certificate", clientCertName, clientCertificate);
        material(errors, "client key", clientKeyName, clientKey);
        material(errors, "pinned certificate", pinnedName, pinnedCertificate);
        if (!errors.isEmpty()) {
            return errors;
        }
        // the certificates and keys themselves
        try {
            check(CredentialType.CA_CERTIFICATE, caCertificate, null, now);
            CredentialValidator.Checked cert = check(CredentialType.CLIENT_CERTIFICATE, clientCertificate, null, now);
            CredentialValidator.Checked key = check(CredentialType.PRIVATE_KEY, clientKey, clientKeyPassword, now);
            check(CredentialType.SERVER_CERTIFICATE, pinnedCertificate, null, now);
            if (cert != null && key != null) {
                CredentialValidator.checkPair(cert.certificate(), key.key());
            }
        } catch (CredentialException e) {
            errors.add(e.getMessage());
        }
        return errors;
    }

    /** The feature checks against the module (section 3's applicability notes); empty when allowed. */
    public List<String> problemsFor(SecurityRules rules) {
        List<String> errors = new ArrayList<>();
        if (!rules.supported()) {
            errors.add("the " + rules.module() + " has no security profiles (app note section 3 does not apply to it)");
            return errors;
        }
        if (minTlsVersion == 4 && !rules.tls13()) {
            errors.add("the " + rules.module() + " has no TLS 1.3");
        }
        CipherSelection sel;
        try {
            sel = cipherSelection();
        } catch (IllegalArgumentException e) {
            return errors;
        }
        if (sel.list() && !rules.cipherList()) {
            errors.add("the " + rules.module() + " takes one cipher suite, not a list");
        }
        if (!rules.tls13() && sel.iana().stream().anyMatch(CipherSuites::tls13)) {
            errors.add("the " + rules.module() + " has no TLS 1.3 cipher suites");
        }
        if (!pinnedName.isEmpty() && !rules.pinning()) {
            errors.add("the " + rules.module() + " has no server certificate pinning");
        }
        if (rotPsk && !rules.rotPsk()) {
            errors.add("the " + rules.module() + " has no root-of-trust generated PSK");
        }
        if (sessionResumption && (sessionType == 1 || sessionType == 11) && !rules.statelessResumption()) {
            errors.add("the " + rules.module() + " has no stateless (session ticket) resumption");
        }
        if (sessionResumption && sessionType >= 10 && !rules.rotPsk()) {
            errors.add("the " + rules.module() + " cannot encrypt session data (no root of trust)");
        }
        return errors;
    }

    private static void text(List<String> errors, String what, String value, int max) {
        if (value.length() > max) {
            errors.add(what + " is longer than " + max + " characters");
            return;
        }
        try {
            AtQuoting.quote(value);
        } catch (IllegalArgumentException e) {
            errors.add(what + " holds a quote or a control character");
        }
    }

    private static void material(List<String> errors, String what, String name, String material) {
        if (!material.isEmpty() && name.isEmpty()) {
            errors.add(what + " is given but has no name to import it under");
        }
        if (!material.isEmpty() && !isPem(material) && !Files.isReadable(Path.of(material))) {
            errors.add(what + ": neither PEM text nor a readable file: " + (material.length() > 80 ? "(long text)"
                    : material));
        }
    }

    private static boolean isPem(String s) {
        return s.startsWith("-----BEGIN ");
    }

    /** The bytes of a certificate or key setting (PEM text, or the file's contents), or null when empty. */
    public static byte[] load(String material) throws CredentialException {
        if (material.isEmpty()) {
            return null;
        }
        if (isPem(material)) {
            return material.getBytes(StandardCharsets.US_ASCII);
        }
        try {
            return Files.readAllBytes(Path.of(material));
        } catch (IOException e) {
            throw new CredentialException("cannot read " + material + ": " + e.getMessage());
        }
    }

    private static CredentialValidator.Checked check(CredentialType t, String material, String password, Instant now)
            throws CredentialException {
        byte[] data = load(material);
        return data == null ? null : CredentialValidator.check(t, data, password, now);
    }

    /** Whether this profile serves {@code host}: an exact name or a {@code *.domain} pattern (empty list: any). */
    public boolean serves(String host) {
        if (host == null) {
            return servers.isEmpty();
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (String s : servers) {
            String p = s.toLowerCase(Locale.ROOT);
            if (p.equals(h) || (p.startsWith("*.") && h.endsWith(p.substring(1)))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "ProfileSettings[profile=" + profile + ", servers=" + servers + ", validation=" + validationLevel
                + ", tls=" + minTlsVersion + ", ciphers=" + cipherSuites + ", ca=" + caName + ", hostname=" + hostname
                + ", clientCert=" + clientCertName + ", clientKey=" + clientKeyName + ", keyPassword="
                + (clientKeyPassword.isEmpty() ? "" : "****") + ", psk=" + (psk.isEmpty() ? "" : "****")
                + ", pskIdentity=" + pskIdentity + ", rotPsk=" + rotPsk + ", sni=" + sni + ", pinned=" + pinnedName
                + ", resumption=" + sessionResumption + "/" + sessionType + "]";
    }
}
