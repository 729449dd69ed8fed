package io.ucell.security.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.security.profile.ProfileSettings;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.kura.configuration.Password;
import org.junit.jupiter.api.Test;

/** The factory component's metatype and how a Kura configuration becomes settings. */
class SecurityProfileComponentTest {

    @Test
    void metatypeIsAFactoryWithTheFactoryPidAsOcdIdAndPasswordFields() throws Exception {
        String text = Files.readString(Path.of("target/classes/OSGI-INF/metatype/" + SecurityProfileComponent.FACTORY_PID + ".xml"));
        assertTrue(text.contains("<OCD id=\"io.ucell.security.profile\""), text);
        assertTrue(text.contains("factoryPid=\"io.ucell.security.profile\""), text);
        for (String secret : List.of("client.key", "client.key.password", "psk")) {
            assertTrue(text.contains("<AD id=\"" + secret + "\" type=\"Password\""), secret);
        }
        String ds = Files.readString(Path.of("target/classes/OSGI-INF/" + SecurityProfileComponent.class.getName() + ".xml"));
        assertTrue(ds.contains("configuration-policy=\"require\""), ds);
        assertTrue(ds.contains("configuration-pid=\"io.ucell.security.profile\""), ds);
    }

    @Test
    void configurationBecomesSettingsWithPasswordsRevealed() throws Exception {
        io.ucell.security.AesCryptoAccess crypto = new io.ucell.security.AesCryptoAccess();
        String encrypted = new String(crypto.get().encryptAes("psk-secret".toCharArray()));
        ProfileSettings s = SecurityProfileComponent.toSettings(config(), Map.of("psk", new Password(encrypted),
                "client.key", "", "client.key.password", ""), crypto.get());
        assertEquals("psk-secret", s.psk());
        assertEquals(List.of("broker.test", "*.example.test"), s.servers());
        assertEquals(List.of(), s.problems(Instant.now()));
        assertTrue(s.serves("a.example.test"));
        assertTrue(!s.serves("example.test.evil"));
    }

    /** A SecurityProfileConfig with the annotation's defaults, a few values replaced. */
    static SecurityProfileConfig config() {
        return new SecurityProfileConfig() {
            public Class<? extends Annotation> annotationType() {
                return SecurityProfileConfig.class;
            }

            public int profile_id() {
                return 1;
            }

            public String servers() {
                return "broker.test, *.example.test";
            }

            public int validation_level() {
                return 0;
            }

            public int tls_version() {
                return 3;
            }

            public String cipher_suites() {
                return "";
            }

            public String ca_certificate_name() {
                return "";
            }

            public String ca_certificate() {
                return "";
            }

            public String hostname() {
                return "";
            }

            public String client_certificate_name() {
                return "";
            }

            public String client_certificate() {
                return "";
            }

            public String client_key_name() {
                return "";
            }

            public String client_key() {
                return "";
            }

            public String client_key_password() {
                return "";
            }

            public String psk() {
                return "";
            }

            public boolean psk_hex() {
                return false;
            }

            public String psk_identity() {
                return "device-1";
            }

            public boolean rot_psk() {
                return false;
            }

            public String sni() {
                return "";
            }

            public String pinned_certificate_name() {
                return "";
            }

            public String pinned_certificate() {
                return "";
            }

            public boolean session_resumption() {
                return true;
            }

            public int session_type() {
                return 0;
            }
        };
    }
}
