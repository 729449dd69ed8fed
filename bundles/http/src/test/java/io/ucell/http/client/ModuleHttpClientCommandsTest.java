package io.ucell.http.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.at.AtCommand;
import io.ucell.http.HttpRequest;
import io.ucell.modem.capability.ModuleCapabilities;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The +UHTTP commands a request writes, the choice of +UHTTPC command, URL handling and settings checks. */
class ModuleHttpClientCommandsTest {
    private static final ModuleCapabilities R5_02B = ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V02B);
    private static final ModuleCapabilities R5_00B = ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V00B);

    private static List<String> texts(List<AtCommand> commands) {
        return commands.stream().map(AtCommand::text).toList();
    }

    @Test
    void profileForAnHttpsRequestWithEverything() {
        HttpSettings s = new HttpSettings(2, "", "user", "secret", 3, Duration.ofSeconds(90), 5, 1, 1, Duration.ZERO);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-A", "1");
        headers.put("Accept", "text/plain");
        List<AtCommand> c = ModuleHttpClient.profileCommands(R5_02B, s, HttpTarget.of("https://example.org/a?b=c", null), headers);
        assertEquals(List.of("AT+UHTTP=2", "AT+UHTTP=2,1,\"example.org\"", "AT+UHTTP=2,6,1,3", "AT+UHTTP=2,5,443",
                "AT+UHTTP=2,2,\"user\"", "AT+UHTTP=2,3,\"secret\"", "AT+UHTTP=2,4,1", "AT+UHTTP=2,7,90,5",
                "AT+UHTTP=2,9,\"0:X-A:1\"", "AT+UHTTP=2,9,\"1:Accept:text/plain\"", "AT+UHTTP=2,20,1,1"), texts(c));
        // the password never shows in a trace
        assertTrue(c.stream().noneMatch(x -> x.traceText().contains("secret")));
    }

    @Test
    void profileForPlainHttpByIpOnA00B() {
        HttpSettings s = HttpSettings.defaults().withTimeout(Duration.ofSeconds(30), 7);
        List<AtCommand> c = ModuleHttpClient.profileCommands(R5_00B, s, HttpTarget.of("http://[2001:db8::1]:8080/", null), Map.of());
        // no linger on the 00B (A.1.1): only the timeout is written
        assertEquals(List.of("AT+UHTTP=0", "AT+UHTTP=0,0,\"2001:db8::1\"", "AT+UHTTP=0,5,8080", "AT+UHTTP=0,7,30"), texts(c));
        assertFalse(s.validate(R5_00B).isEmpty());
        assertEquals(List.of(), s.withTimeout(Duration.ofSeconds(30), -1).validate(R5_00B));
    }

    @Test
    void postDataOnlyForShortPrintableText() {
        assertEquals(ModuleHttpClient.CMD_POST_DATA, ModuleHttpClient.command(HttpRequest.post("/", "a=1&b=2", HttpRequest.FORM)));
        assertEquals(ModuleHttpClient.CMD_POST_FILE, ModuleHttpClient.command(HttpRequest.post("/", "say \"hi\"", HttpRequest.TEXT_PLAIN)));
        assertEquals(ModuleHttpClient.CMD_POST_FILE, ModuleHttpClient.command(HttpRequest.post("/", "x".repeat(129), HttpRequest.TEXT_PLAIN)));
        assertEquals(ModuleHttpClient.CMD_POST_DATA, ModuleHttpClient.command(HttpRequest.post("/", "x".repeat(128), HttpRequest.TEXT_PLAIN)));
        assertEquals(ModuleHttpClient.CMD_POST_FILE, ModuleHttpClient.command(HttpRequest.post("/", new byte[] {1}, HttpRequest.OCTET_STREAM)));
        assertEquals(ModuleHttpClient.CMD_POST_FILE, ModuleHttpClient.command(HttpRequest.post("/", "line\n", HttpRequest.TEXT_PLAIN)));
        assertEquals(ModuleHttpClient.CMD_POST_FILE, ModuleHttpClient.command(HttpRequest.post("/", new byte[0], HttpRequest.OCTET_STREAM)));
        assertEquals(ModuleHttpClient.CMD_PUT, ModuleHttpClient.command(HttpRequest.put("/", "a".getBytes(StandardCharsets.US_ASCII), null)));
        assertEquals(ModuleHttpClient.CMD_HEAD, ModuleHttpClient.command(HttpRequest.head("/")));
        assertEquals(ModuleHttpClient.CMD_DELETE, ModuleHttpClient.command(HttpRequest.delete("/")));
    }

    @Test
    void urls() {
        HttpTarget t = HttpTarget.of("/x/y?z=1", "http://host.example:8080/");
        assertEquals(new HttpTarget(false, "host.example", 8080, "/x/y?z=1"), t);
        assertFalse(t.hostIsIp());
        assertEquals(new HttpTarget(true, "10.0.0.1", 443, "/"), HttpTarget.of("https://10.0.0.1", null));
        assertTrue(HttpTarget.of("https://10.0.0.1", null).hostIsIp());
        assertEquals("/a%20b", HttpTarget.of("http://h/a%20b#frag", null).path());
        assertThrows(IllegalArgumentException.class, () -> HttpTarget.of("/x", ""));
        assertThrows(IllegalArgumentException.class, () -> HttpTarget.of("ftp://h/", null));
        assertThrows(IllegalArgumentException.class, () -> HttpTarget.of("http://u:p@h/", null));
        assertThrows(IllegalArgumentException.class, () -> HttpTarget.of("http:///nohost", null));
        assertThrows(IllegalArgumentException.class, () -> HttpTarget.of("http://" + "a".repeat(254) + "/", null));
    }

    @Test
    void settingsChecks() {
        assertEquals(List.of(), HttpSettings.defaults().validate());
        assertTrue(HttpSettings.defaults().withProfile(4).validate().get(0).contains("profile must be 0-3"));
        assertTrue(HttpSettings.defaults().withTimeout(Duration.ofSeconds(10), -1).validate().get(0).contains("30-180"));
        assertTrue(HttpSettings.defaults().withTimeout(Duration.ofSeconds(60), 121).validate().get(0).contains("linger"));
        List<String> pw = HttpSettings.defaults().withCredentials("u", "p\"w").validate();
        assertTrue(pw.get(0).startsWith("password"), pw.toString());
        assertFalse(pw.get(0).contains("p\"w"), "the password is never in a message");
        assertTrue(HttpSettings.defaults().withCredentials("", "pw").validate().get(0).contains("needs a username"));
        assertTrue(HttpSettings.defaults().withCredentials("u".repeat(31), "").validate().get(0).startsWith("username"));
        assertTrue(HttpSettings.defaults().withServer("coap://x").validate().get(0).startsWith("server"));
        assertTrue(HttpSettings.defaults().withSecurityProfile(5).validate().get(0).contains("security profile"));
        assertTrue(HttpSettings.defaults().withPdp(12, 0).validate().get(0).contains("PDP context"));
        assertFalse(HttpSettings.defaults().withCredentials("u", "topsecret").toString().contains("topsecret"));
        ModuleCapabilities r422 = ModuleCapabilities.of(ModuleFamily.SARA_R422, ProductVersion.V01B);
        assertTrue(HttpSettings.defaults().validate(r422).get(0).contains("no HTTP client"));
        ModuleCapabilities r5_01 = ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V01B);
        assertTrue(HttpSettings.defaults().withPdp(1, 0).validate(r5_01).get(0).contains("PDP context"));
        assertEquals(List.of(), HttpSettings.defaults().withPdp(1, 0).validate(R5_02B));
    }
}
