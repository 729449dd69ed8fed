package io.ucell.ftp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.ftp.client.FtpSettings;
import java.lang.annotation.Annotation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The component's configuration checks (module independent). */
class FtpComponentConfigTest {

    private static FtpConfig config(String server, int port, String user, boolean secureControl, boolean secureData,
            int linger, int pdpCid) {
        return new FtpConfig() {
            @Override public Class<? extends Annotation> annotationType() { return FtpConfig.class; }
            @Override public String server() { return server; }
            @Override public int port() { return port; }
            @Override public String user() { return user; }
            @Override public String password() { return ""; }
            @Override public String account() { return ""; }
            @Override public boolean passive() { return true; }
            @Override public int timeout() { return 30; }
            @Override public int linger_command() { return linger; }
            @Override public int linger_data() { return linger; }
            @Override public boolean secure_control() { return secureControl; }
            @Override public boolean secure_data() { return secureData; }
            @Override public int security_profile() { return 0; }
            @Override public int pdp_cid() { return pdpCid; }
            @Override public int pdp_ip_type() { return 0; }
            @Override public int operation_timeout() { return 180; }
            @Override public int direct_idle() { return 3000; }
        };
    }

    @Test
    void validAndInvalidConfigurations() {
        assertEquals(List.of(), FtpComponent.problems(config("ftp.u-blox.com", 21, "anonymous", false, false, -1, -1), "pw"));
        assertEquals(List.of(), FtpComponent.problems(config("", 21, "anonymous", false, false, -1, -1), ""),
                "no server yet is allowed: operations are refused until one is set");
        assertTrue(FtpComponent.problems(config("a\"b", 21, "u", false, false, -1, -1), "").get(0).contains("server"));
        assertTrue(FtpComponent.problems(config("h", 70000, "u", false, false, -1, -1), "").get(0).contains("port"));
        assertTrue(FtpComponent.problems(config("h", 21, "u", false, true, -1, -1), "").get(0).contains("control"));
        assertTrue(FtpComponent.problems(config("h", 21, "u", false, false, 500, -1), "").get(0).contains("linger"));
        assertTrue(FtpComponent.problems(config("h", 21, "u", false, false, -1, 12), "").get(0).contains("cid"));
        assertTrue(FtpComponent.problems(config("h", 21, "u", false, false, -1, -1), "p\r\nw").get(0).contains("password"));
        FtpSettings s = FtpComponent.toSettings(config(" ftp.example.org ", 2121, "me", true, true, 5, -1), "pw");
        assertEquals("ftp.example.org", s.server());
        assertEquals(2121, s.port());
        assertEquals("pw", s.password());
        assertTrue(s.secureControl() && s.secureData());
    }
}
