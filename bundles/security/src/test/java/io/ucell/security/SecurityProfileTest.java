package io.ucell.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.security.client.ProfileController;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.security.session.SessionStore;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import io.ucell.testsupport.TlsTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Security profiles end to end: the client configures the simulated module (+USECMNG, +USECPRF), the module
 * opens a +USOSEC socket to a JDK TLS 1.2 server on loopback that requires a client certificate and SNI.
 */
class SecurityProfileTest {
    private static final String HOST = "server.test";
    private static Issued serverCa;
    private static Issued clientCa;
    private static Issued server;
    private static Issued client;

    @TempDir
    Path dir;

    @BeforeAll
    static void pki() throws Exception {
        serverCa = TestPki.ca("ucell server CA");
        clientCa = TestPki.ca("ucell client CA");
        server = TestPki.leaf(serverCa, HOST, TestPki.rsa(2048), List.of(HOST));
        client = TestPki.leaf(clientCa, "device-7", TestPki.ec(), List.of());
    }

    /** Mutual authentication with host name and date checks, SNI, for {@value #HOST}. */
    private static ProfileSettings mutual(int profile, boolean resumption) {
        return new ProfileSettings(profile, List.of(HOST), 3, 3, "", "server-ca", serverCa.certPem(), HOST,
                "device-7", client.certPem(), "device-7-key", client.keyPem(), "", "", false, "", false, HOST, "", "",
                resumption, 0);
    }

    private static ProfileSettings with(ProfileSettings s, String hostname, String sni, String clientCertName,
            String clientKeyName) {
        return new ProfileSettings(s.profile(), s.servers(), s.validationLevel(), s.minTlsVersion(), s.cipherSuites(),
                s.caName(), s.caCertificate(), hostname, clientCertName, clientCertName.isEmpty() ? ""
                        : s.clientCertificate(), clientKeyName, clientKeyName.isEmpty() ? "" : s.clientKey(),
                s.clientKeyPassword(), s.psk(), s.pskHex(), s.pskIdentity(), s.rotPsk(), sni, s.pinnedName(),
                s.pinnedCertificate(), s.sessionResumption(), s.sessionType());
    }

    @Test
    void connectsOnlyWithTheRightCaClientCertificateKeyAndSni() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, HOST));
                SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_02B, dir)) {
            ProfileController p = sim.profile("profile-1");
            assertEquals(List.of(), p.configure(mutual(1, false)));
            assertTrue(p.applied(), String.valueOf(p.error()));
            SecurityProfile chosen = sim.directory.profileFor(HOST).orElseThrow();
            assertEquals(1, chosen.id());
            assertTrue(sim.directory.profileFor("elsewhere.test").isEmpty());

            assertTrue(sim.connect(1, tls.port()).isOk());
            await().atMost(Duration.ofSeconds(5)).until(() -> tls.sessionIds.size() == 1);

            // no SNI: the server has no certificate for the client
            p.configure(with(mutual(1, false), HOST, "", "device-7", "device-7-key"));
            assertTrue(p.applied());
            assertFalse(sim.connect(1, tls.port()).isOk());
            // no client certificate: the server refuses the client
            p.configure(with(mutual(1, false), HOST, HOST, "", ""));
            assertTrue(p.applied());
            assertFalse(sim.connect(1, tls.port()).isOk());
            // a wrong expected host name: the module refuses the server (validation level 3)
            p.configure(with(mutual(1, false), "other.test", HOST, "device-7", "device-7-key"));
            assertFalse(sim.connect(1, tls.port()).isOk());
            // a CA that did not issue the server certificate
            ProfileSettings wrongCa = new ProfileSettings(1, List.of(HOST), 3, 3, "", "client-ca", clientCa.certPem(),
                    HOST, "device-7", "", "device-7-key", "", "", "", false, "", false, HOST, "", "", false, 0);
            assertEquals(List.of(), p.configure(wrongCa));
            assertFalse(sim.connect(1, tls.port()).isOk());
            // right again
            p.configure(mutual(1, false));
            assertTrue(sim.connect(1, tls.port()).isOk());
            await().atMost(Duration.ofSeconds(5)).until(() -> tls.sessionIds.size() == 2);
        }
    }

    @Test
    void anEncryptedClientKeyWorksWithItsPassword() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, HOST));
                SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_02B, dir)) {
            ProfileController p = sim.profile("profile-encrypted-key");
            String encrypted = TestPki.encryptedKeyPem(client.keys().getPrivate(), "s3cret-pass");
            ProfileSettings m = mutual(0, false);
            ProfileSettings withPassword = new ProfileSettings(0, m.servers(), 3, 3, "", m.caName(), m.caCertificate(),
                    HOST, m.clientCertName(), m.clientCertificate(), "encrypted-key", encrypted, "s3cret-pass", "", false,
                    "", false, HOST, "", "", false, 0);
            assertEquals(List.of(), p.configure(withPassword));
            assertTrue(p.applied(), String.valueOf(p.error()));
            assertTrue(sim.connect(0, tls.port()).isOk());
            ProfileSettings wrongPassword = new ProfileSettings(0, m.servers(), 3, 3, "", m.caName(), m.caCertificate(),
                    HOST, m.clientCertName(), m.clientCertificate(), "encrypted-key", encrypted, "wrong", "", false, "",
                    false, HOST, "", "", false, 0);
            List<String> problems = p.configure(wrongPassword);
            assertTrue(problems.stream().anyMatch(x -> x.contains("password")), problems.toString());
        }
    }

    @Test
    void weakOrExpiredMaterialIsRefusedBeforeUploadAndTheOldProfileStays() throws Exception {
        try (SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_02B, dir)) {
            ProfileController p = sim.profile("profile-2");
            assertEquals(List.of(), p.configure(mutual(2, false)));
            String caMd5 = p.credentials().md5(CredentialType.CA_CERTIFICATE, "server-ca");
            assertNotNull(caMd5);

            Issued weak = TestPki.leaf(clientCa, "weak", TestPki.rsa(1024), List.of());
            ProfileSettings s = mutual(2, false);
            ProfileSettings weakKey = new ProfileSettings(2, s.servers(), 3, 3, "", "server-ca", serverCa.certPem(), HOST,
                    "weak", weak.certPem(), "weak-key", weak.keyPem(), "", "", false, "", false, HOST, "", "", false, 0);
            List<String> problems = p.configure(weakKey);
            assertTrue(problems.stream().anyMatch(x -> x.contains("1024-bit RSA key")), problems.toString());
            assertEquals(mutual(2, false).clientCertName(), p.settings().clientCertName(), "the previous settings stay");
            assertEquals(null, p.credentials().md5(CredentialType.CLIENT_CERTIFICATE, "weak"), "nothing uploaded");

            Issued expiredCa = TestPki.sign("expired CA", TestPki.ec(), null, List.of(), true,
                    java.time.Instant.now().minus(Duration.ofDays(10)), java.time.Instant.now().minus(Duration.ofDays(1)));
            ProfileSettings old = new ProfileSettings(2, s.servers(), 1, 0, "", "old-ca", expiredCa.certPem(), "", "", "",
                    "", "", "", "", false, "", false, "", "", "", false, 0);
            problems = p.configure(old);
            assertTrue(problems.stream().anyMatch(x -> x.contains("expired on")), problems.toString());

            ProfileSettings mismatch = new ProfileSettings(2, s.servers(), 1, 0, "", "", "", "", "device-7",
                    client.certPem(), "other-key", serverCa.keyPem(), "", "", false, "", false, "", "", "", false, 0);
            problems = p.configure(mismatch);
            assertTrue(problems.stream().anyMatch(x -> x.contains("does not match")), problems.toString());

            // the same CA again is not uploaded again
            ImportResult again = p.credentials().importCredential(CredentialType.CA_CERTIFICATE, "server-ca",
                    serverCa.cert().getEncoded(), null);
            assertFalse(again.uploaded());
            assertEquals(caMd5, again.md5());
            assertTrue(p.credentials().list().stream().anyMatch(c -> c.type() == CredentialType.PRIVATE_KEY
                    && c.name().equals("device-7-key")));
            // another certificate under the same name replaces it
            ImportResult replaced = p.credentials().importCredential(CredentialType.CA_CERTIFICATE, "server-ca",
                    clientCa.certPem().getBytes(), null);
            assertTrue(replaced.uploaded());
            assertEquals(replaced.md5(), p.credentials().md5(CredentialType.CA_CERTIFICATE, "server-ca"));
            assertNotEquals(caMd5, replaced.md5());
            // the simulated module has no file system yet: the import from a module file is refused, with the reason
            CredentialException fromFile = assertThrows(CredentialException.class, () -> p.credentials()
                    .importFromModuleFile(CredentialType.CA_CERTIFICATE, "file-ca", "ca.crt", null));
            assertTrue(fromFile.getMessage().contains("from its file \"ca.crt\""), fromFile.getMessage());
            assertTrue(p.credentials().remove(CredentialType.CA_CERTIFICATE, "server-ca"));
            assertEquals(null, p.credentials().md5(CredentialType.CA_CERTIFICATE, "server-ca"));
        }
    }

    @Test
    void expiredServerCertificateFailsTheHandshakeAtValidationLevelThree() throws Exception {
        Issued expired = TestPki.expiredLeaf(serverCa, HOST, TestPki.rsa(2048), List.of(HOST));
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(expired, clientCa, null));
                SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_01B, dir)) {
            ProfileController p = sim.profile("profile-3");
            assertEquals(List.of(), p.configure(mutual(3, false)));
            assertFalse(sim.connect(3, tls.port()).isOk());
            assertTrue(tls.sessionIds.isEmpty());
        }
    }

    /** Type 0: session id and master secret in the URC; type 10: the same, encrypted by the module (3.4.1.2). */
    @ParameterizedTest
    @ValueSource(ints = {0, 10})
    void sessionDataSurvivesAModuleRebootAndTheServerResumes(int type) throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, HOST));
                SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_02B, dir)) {
            ProfileController p = sim.profile("profile-4");
            ProfileSettings m = mutual(4, true);
            assertEquals(List.of(), p.configure(new ProfileSettings(4, m.servers(), m.validationLevel(), m.minTlsVersion(),
                    "", m.caName(), m.caCertificate(), m.hostname(), m.clientCertName(), m.clientCertificate(),
                    m.clientKeyName(), m.clientKey(), "", "", false, "", false, m.sni(), "", "", true, type)));
            assertTrue(p.applied(), String.valueOf(p.error()));
            assertTrue(sim.connect(4, tls.port()).isOk());
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.sessions.load(4) != null && tls.sessionIds.size() == 1);
            SessionStore.Session first = sim.sessions.load(4);
            assertEquals(type == 0 ? 2 : 12, first.sub());
            assertEquals(type, first.type());
            // at rest the file holds only the CryptoService's encryption
            String onDisk = Files.readString(dir.resolve("session-4.dat"));
            assertFalse(onDisk.contains(first.values().get(0)), "session id stored in clear");

            int applications = p.applications();
            sim.module.reboot();
            // the modem service notices the reboot and comes back; the profile puts the session back
            await().atMost(Duration.ofSeconds(30)).until(() -> sim.modem.status().state() != io.ucell.modem.ModemState.DATA_ACTIVE);
            sim.awaitDataActive();
            await().atMost(Duration.ofSeconds(10)).until(() -> p.applications() > applications);
            assertTrue(sim.directory.profileFor(HOST).isPresent());
            assertTrue(sim.connect(4, tls.port()).isOk());
            await().atMost(Duration.ofSeconds(5)).until(() -> tls.sessionIds.size() == 2);
            assertEquals(tls.sessionIds.get(0), tls.sessionIds.get(1), "the server resumed the same session");
            await().atMost(Duration.ofSeconds(5)).until(() -> p.resumption().resumed() == 1);
            assertEquals(first, sim.sessions.load(4));

            // another server (a fresh session cache) refuses: new data, stored
            try (TlsTestServer other = new TlsTestServer(TestPki.serverContext(server, clientCa, HOST))) {
                assertTrue(sim.connect(4, other.port()).isOk());
                await().atMost(Duration.ofSeconds(5)).until(() -> p.resumption().refused() == 1);
                assertNotEquals(first, sim.sessions.load(4));
            }
        }
    }

    @Test
    void featuresTheModuleLacksAreRefused() throws Exception {
        try (SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_00B, dir)) {
            ProfileController p = sim.profile("profile-5");
            ProfileSettings tls13 = new ProfileSettings(0, List.of(), 0, 4, "", "", "", "", "", "", "", "", "", "", false,
                    "", false, "", "", "", false, 0);
            assertEquals(List.of(), p.configure(tls13)); // valid in itself
            assertFalse(p.applied());
            assertTrue(p.error().contains("has no TLS 1.3"), p.error());
            ProfileSettings tickets = new ProfileSettings(0, List.of(), 0, 3, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
                    + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "", "", "", "", "", "", "", "", "", false, "", false, "",
                    "", "", true, 1);
            p.configure(tickets);
            assertTrue(p.error().contains("session ticket"), p.error());
            ProfileSettings list = new ProfileSettings(0, List.of(), 0, 3, "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,"
                    + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "", "", "", "", "", "", "", "", "", false, "", false, "",
                    "", "", true, 0);
            p.configure(list);
            assertTrue(p.applied(), String.valueOf(p.error()));
            assertEquals("100,\"C02F;C030\"", sim.module.securityProfiles().get(0, 2));
        }
        try (SecuritySim sim = new SecuritySim(ModuleModel.SARA_R42_01B, dir)) {
            ProfileController p = sim.profile("profile-6");
            ProfileSettings pin = new ProfileSettings(0, List.of(), 0, 0, "", "", "", "", "", "", "", "", "", "", false,
                    "", false, "", "pinned", server.certPem(), false, 0);
            p.configure(pin);
            assertTrue(p.error().contains("no server certificate pinning"), p.error());
        }
        try (SecuritySim sim = new SecuritySim(ModuleModel.SARA_R422, dir)) {
            ProfileController p = sim.profile("profile-7");
            p.configure(ProfileSettings.of(0));
            assertTrue(p.error().contains("section 3 does not apply"), p.error());
            CredentialException e = assertThrows(CredentialException.class, () -> p.credentials().list());
            assertTrue(e.getMessage().contains("no certificate store"));
        }
    }

    @Test
    void settingsNeverShowSecrets() {
        ProfileSettings s = new ProfileSettings(0, List.of(), 0, 0, "", "", "", "", "", "", "k", client.keyPem(),
                "key-password", "psk-secret", false, "id", false, "", "", "", false, 0);
        assertFalse(s.toString().contains("psk-secret"));
        assertFalse(s.toString().contains("key-password"));
        assertFalse(s.toString().contains("PRIVATE KEY"));
    }
}
