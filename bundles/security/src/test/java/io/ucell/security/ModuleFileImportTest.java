package io.ucell.security;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.files.client.AtModuleFiles;
import io.ucell.security.client.ProfileController;
import io.ucell.security.credentials.CredentialManager;
import io.ucell.security.profile.ProfileSettings;
import io.ucell.simulator.model.ModuleModel;
import io.ucell.testsupport.TestPki;
import io.ucell.testsupport.TestPki.Issued;
import io.ucell.testsupport.TlsTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Section 3.1's flow: certificates and a key uploaded into the module's file system (+UDWNFILE through the files
 * bundle), imported from there with +USECMNG=1, then used by a security profile that names them.
 */
class ModuleFileImportTest {
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
        client = TestPki.leaf(clientCa, "device-9", TestPki.ec(), List.of());
    }

    private static String md5(byte[] der) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(der));
    }

    @Test
    void importsFromModuleFilesAndAProfileUsesThem() throws Exception {
        try (TlsTestServer tls = new TlsTestServer(TestPki.serverContext(server, clientCa, HOST));
                SecuritySim sim = new SecuritySim(ModuleModel.SARA_R5_02B, dir);
                AtModuleFiles files = new AtModuleFiles(sim.modem::at)) {
            CredentialManager credentials = new CredentialManager(sim.modem);
            files.upload("ca_cert.crt", TestPki.bytes(serverCa.certPem()));
            files.upload("client_cert.der", client.cert().getEncoded());
            String encryptedKey = TestPki.encryptedKeyPem(client.keys().getPrivate(), "k3y-pass");
            files.upload("client_key.key", encryptedKey.getBytes(StandardCharsets.US_ASCII));

            ImportResult ca = credentials.importFromModuleFile(CredentialType.CA_CERTIFICATE, "ca_cert", "ca_cert.crt",
                    null);
            assertEquals(md5(serverCa.cert().getEncoded()), ca.md5(), "the module hashes the DER of the PEM file");
            assertTrue(ca.uploaded());
            ImportResult cc = credentials.importFromModuleFile(CredentialType.CLIENT_CERTIFICATE, "client_cert",
                    "client_cert.der", null);
            assertEquals(md5(client.cert().getEncoded()), cc.md5());
            // the encrypted key: refused without its password, imported with it
            CredentialException noPassword = assertThrows(CredentialException.class, () -> credentials
                    .importFromModuleFile(CredentialType.PRIVATE_KEY, "client_key", "client_key.key", null));
            assertTrue(noPassword.getMessage().contains("refused"), noPassword.getMessage());
            credentials.importFromModuleFile(CredentialType.PRIVATE_KEY, "client_key", "client_key.key", "k3y-pass");
            assertEquals(ca.md5(), credentials.md5(CredentialType.CA_CERTIFICATE, "ca_cert"));
            List<StoredCredential> items = credentials.list();
            assertTrue(items.stream().anyMatch(i -> i.name().equals("client_key")), items.toString());
            // the same name again from another file: replaced, the new MD5
            files.upload("other_ca.crt", clientCa.cert().getEncoded());
            ImportResult replaced = credentials.importFromModuleFile(CredentialType.CA_CERTIFICATE, "other", "other_ca.crt",
                    null);
            assertEquals(md5(clientCa.cert().getEncoded()), replaced.md5());

            // refused before the module: a file name the module cannot have; the module's refusals are reported
            CredentialException badName = assertThrows(CredentialException.class, () -> credentials
                    .importFromModuleFile(CredentialType.CA_CERTIFICATE, "x", "certs/ca.crt", null));
            assertTrue(badName.getMessage().contains("module file name"), badName.getMessage());
            CredentialException missing = assertThrows(CredentialException.class, () -> credentials
                    .importFromModuleFile(CredentialType.CA_CERTIFICATE, "x", "missing.crt", null));
            assertTrue(missing.getMessage().contains("missing.crt"), missing.getMessage());
            files.upload("junk.txt", "not a certificate".getBytes(StandardCharsets.US_ASCII));
            assertThrows(CredentialException.class, () -> credentials
                    .importFromModuleFile(CredentialType.CA_CERTIFICATE, "x", "junk.txt", null));
            assertEquals(null, credentials.md5(CredentialType.CA_CERTIFICATE, "x"));

            // a profile naming the imported items (no material of its own): mutual TLS with SNI works
            ProfileController p = sim.profile("from-files");
            ProfileSettings s = new ProfileSettings(1, List.of(HOST), 3, 3, "", "ca_cert", "", HOST, "client_cert", "",
                    "client_key", "", "k3y-pass", "", false, "", false, HOST, "", "", false, 0);
            assertEquals(List.of(), p.configure(s));
            assertTrue(p.applied(), String.valueOf(p.error()));
            assertTrue(sim.connect(1, tls.port()).isOk());
            await().atMost(Duration.ofSeconds(5)).until(() -> tls.sessionIds.size() == 1);
            // and with the other CA it does not
            ProfileSettings wrongCa = new ProfileSettings(1, List.of(HOST), 3, 3, "", "other", "", HOST, "client_cert",
                    "", "client_key", "", "k3y-pass", "", false, "", false, HOST, "", "", false, 0);
            assertEquals(List.of(), p.configure(wrongCa));
            assertFalse(sim.connect(1, tls.port()).isOk());
        }
    }
}
