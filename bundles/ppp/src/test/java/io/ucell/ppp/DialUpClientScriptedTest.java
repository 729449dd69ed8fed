package io.ucell.ppp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ucell.modem.capability.ModuleCapabilities.PppMode;
import io.ucell.modem.capability.ModuleFamily;
import io.ucell.modem.capability.ProductVersion;
import io.ucell.ppp.client.DialUpClient;
import io.ucell.ppp.client.PppSettings;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The AT sequences of dial-up (app note section 4) against a scripted module, per family. */
class DialUpClientScriptedTest {
    private static final String CGDCONT = "\r\n+CGDCONT: 1,\"IP\",\"apn_name\",\"100.108.232.233\",0,0,0,0\r\n"
            + "+CGDCONT: 2,\"IP\",\"other\",\"0.0.0.0\",0,0,0,0\r\n\r\nOK\r\n";
    private FakeModem modem;

    @AfterEach
    void close() {
        if (modem != null) {
            modem.close();
        }
    }

    private FakeModem modem(ModuleFamily f, ProductVersion v) {
        modem = new FakeModem(f, v);
        modem.module.answers(c -> c.startsWith("ATD") ? "\r\nCONNECT\r\n" : c.equals("AT+CGDCONT?") ? CGDCONT : "\r\nOK\r\n");
        return modem;
    }

    private static PppSettings settings(int cid, PppAuthType auth, String user, String pw, boolean nat, PortFilter pf) {
        return new PppSettings(cid, auth, user, pw, nat, pf);
    }

    @Test
    void routerModeOnSaraR5WithPapAndFullConeNat() throws Exception {
        FakeModem m = modem(ModuleFamily.SARA_R5, ProductVersion.V02B);
        DialUpClient client = new DialUpClient(m, settings(2, PppAuthType.PAP, "ppp-user", "s3cret", true, null));
        PppLink link = client.dial();
        assertEquals(List.of("AT+UAUTHREQ=2,1,\"ppp-user\",\"s3cret\"", "AT+UPORTFWD=100,2", "ATS12=3", "AT+CGDCONT?", "ATD*99***2#"), m.module.commands);
        assertEquals(PppMode.ROUTER, link.mode());
        assertEquals(2, link.cid());
        assertEquals(Optional.of("192.168.202.1"), link.expectedHostAddress());
        assertEquals(Optional.of("192.168.202.2"), link.expectedModuleAddress());
        assertTrue(link.isOpen());
        assertTrue(m.engine.isInDataMode());
        assertEquals(Optional.of(link), client.link());

        // bytes both ways, every value (PPP frames are binary)
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        m.module.sendData(all);
        byte[] got = link.input().readNBytes(256);
        assertArrayEquals(all, got);
        link.output().write("~frame~".getBytes(StandardCharsets.ISO_8859_1));
        await().atMost(Duration.ofSeconds(2)).until(() -> new String(m.module.hostBytes(), StandardCharsets.ISO_8859_1).equals("~frame~"));

        // +++ answered OK: online command mode, then ATH
        link.hangUp();
        assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(Duration.ofSeconds(1)));
        assertEquals("ATH", m.module.commands.get(m.module.commands.size() - 1));
        assertFalse(link.isOpen());
        assertFalse(m.engine.isInDataMode());
        assertEquals(Optional.empty(), client.link());
        assertEquals(-1, link.input().read());
        link.hangUp(); // nothing more
        assertEquals(6, m.module.commands.size());
    }

    @Test
    void bridgeModeOnSaraR42SetsCvhuAndTakesTheContextAddress() throws Exception {
        FakeModem m = modem(ModuleFamily.SARA_R42, ProductVersion.V01B);
        m.module.escapeAnswer = "NO CARRIER";
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "", "", false, null));
        PppLink link = client.dial();
        assertEquals(List.of("AT+UAUTHREQ=1,0", "AT+CVHU=0", "ATS12=3", "AT+CGDCONT?", "ATD*99***1#"), m.module.commands);
        assertEquals(PppMode.BRIDGE, link.mode());
        assertEquals(Optional.of("100.108.232.233"), link.expectedHostAddress());
        assertEquals(Optional.empty(), link.expectedModuleAddress());
        // +++ answered NO CARRIER: the call is over, no ATH
        link.hangUp();
        assertEquals(Optional.of(LinkEnd.HUNG_UP), link.awaitEnd(Duration.ofSeconds(1)));
        assertEquals(5, m.module.commands.size());
    }

    @Test
    void aModuleWithoutUauthreqStillDialsWhereTheAppNoteDoesNotAskForIt() throws Exception {
        // 4.1 makes +UAUTHREQ mandatory on SARA-R5/LEXI-R520 only: elsewhere, with no authentication wanted, a
        // module that refuses the command is dialled all the same
        FakeModem m = modem(ModuleFamily.SARA_R42, ProductVersion.V01B);
        // (and one that refuses ATS12: the escape then relies on the module's own guard time)
        m.module.answers(c -> c.startsWith("AT+UAUTHREQ") || c.startsWith("ATS12") ? "\r\nERROR\r\n"
                : c.startsWith("ATD") ? "\r\nCONNECT\r\n" : "\r\nOK\r\n");
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "", "", false, null));
        PppLink link = client.dial();
        assertEquals(List.of("AT+UAUTHREQ=1,0", "AT+CVHU=0", "ATS12=3", "AT+CGDCONT?", "ATD*99***1#"), m.module.commands);
        assertTrue(link.isOpen());
        link.hangUp();

        // but when the user asked for PAP, a refusal stops the dial with a clear reason
        m.module.commands.clear();
        client.update(settings(1, PppAuthType.PAP, "u", "p", false, null));
        PppException e = assertThrows(PppException.class, client::dial);
        assertTrue(e.getMessage().contains("+UAUTHREQ"), e.getMessage());
        assertTrue(m.module.commands.stream().noneMatch(c -> c.startsWith("ATD")), m.module.commands.toString());
    }

    @Test
    void bridgeModeBeforeTheContextIsUpExpectsNoAddress() throws Exception {
        FakeModem m = modem(ModuleFamily.LEXI_R422, ProductVersion.V01B);
        DialUpClient client = new DialUpClient(m, settings(2, PppAuthType.CHAP, "u", "p", false, null));
        PppLink link = client.dial();
        assertEquals(List.of("AT+UAUTHREQ=2,2,\"u\",\"p\"", "AT+CVHU=0", "ATS12=3", "AT+CGDCONT?", "ATD*99***2#"), m.module.commands);
        assertEquals(Optional.empty(), link.expectedHostAddress());
        link.close();
    }

    @Test
    void theModuleEndingTheCallIsReported() throws Exception {
        FakeModem m = modem(ModuleFamily.LEXI_R520, ProductVersion.V02B);
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "dummy", "dummy", false, null));
        List<LinkEnd> heard = new CopyOnWriteArrayList<>();
        client.addLinkListener((l, why) -> heard.add(why));
        PppLink link = client.dial();
        assertThrows(PppException.class, client::dial, "one link at a time");
        m.module.sendData(new byte[] {0x7E, 1, 2});
        m.module.noCarrier(); // after the DTE's LCP Terminate-Request the module sends NO CARRIER
        assertEquals(Optional.of(LinkEnd.NO_CARRIER), link.awaitEnd(Duration.ofSeconds(2)));
        await().atMost(Duration.ofSeconds(2)).until(() -> heard.equals(List.of(LinkEnd.NO_CARRIER)));
        assertArrayEquals(new byte[] {0x7E, 1, 2}, link.input().readAllBytes());
        // command mode again: the next dial works
        int before = m.module.commands.size();
        PppLink again = client.dial();
        assertTrue(again.isOpen());
        assertEquals("ATD*99***1#", m.module.commands.get(m.module.commands.size() - 1));
        assertEquals(before + 4, m.module.commands.size());
        again.hangUp();
    }

    @Test
    void aLostTransportEndsTheLink() throws Exception {
        FakeModem m = modem(ModuleFamily.SARA_R5, ProductVersion.V01B);
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "dummy", "dummy", false, null));
        PppLink link = client.dial();
        CopyOnWriteArrayList<LinkEnd> heard = new CopyOnWriteArrayList<>();
        link.ended().thenAccept(heard::add);
        m.module.close();
        assertEquals(Optional.of(LinkEnd.TRANSPORT_DOWN), link.awaitEnd(Duration.ofSeconds(3)));
        await().atMost(Duration.ofSeconds(1)).until(() -> heard.equals(List.of(LinkEnd.TRANSPORT_DOWN)));
    }

    @Test
    void aRefusedDialSaysWhatTheModuleNeeds() {
        FakeModem m = modem(ModuleFamily.SARA_R5, ProductVersion.V02B);
        m.module.answers(c -> c.startsWith("ATD") ? "\r\nNO CARRIER\r\n" : "\r\nOK\r\n");
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "dummy", "dummy", false, null));
        PppDialRefusedException e = assertThrows(PppDialRefusedException.class, client::dialWithoutPreparation);
        assertEquals("NO CARRIER", e.moduleAnswer());
        assertTrue(e.getMessage().contains("+UAUTHREQ"), e.getMessage());
        assertTrue(e.getMessage().contains("SARA-R5 02B"), e.getMessage());
        assertEquals(List.of("ATD*99***1#"), m.module.commands);
        // ERROR and +CME ERROR are refusals too
        m.module.answers(c -> c.startsWith("ATD") ? "\r\n+CME ERROR: 30\r\n" : "\r\nOK\r\n");
        PppDialRefusedException cme = assertThrows(PppDialRefusedException.class, client::dial);
        assertTrue(cme.moduleAnswer().contains("30"), cme.moduleAnswer());
        assertFalse(m.engine.isInDataMode());
    }

    @Test
    void aRefusedPreparationStopsBeforeTheDial() {
        FakeModem m = modem(ModuleFamily.SARA_R5, ProductVersion.V02B);
        m.module.answers(c -> c.startsWith("AT+UPORTFWD") ? "\r\nERROR\r\n" : "\r\nOK\r\n");
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "dummy", "pw", true, null));
        PppException e = assertThrows(PppException.class, client::dial);
        assertTrue(e.getMessage().contains("+UPORTFWD"), e.getMessage());
        assertEquals(List.of("AT+UAUTHREQ=1,0,\"dummy\",\"pw\"", "AT+UPORTFWD=100,1"), m.module.commands);
    }

    @Test
    void wrongSettingsForTheFamilyNeverReachTheModule() {
        record Case(ModuleFamily f, ProductVersion v, PppSettings s, String says) {
        }
        PortFilter pf = PortFilter.of(true, "6000-6050");
        List<Case> cases = List.of(
                new Case(ModuleFamily.SARA_R5, ProductVersion.V02B, settings(1, PppAuthType.NONE, "", "", false, null), "+UAUTHREQ"),
                new Case(ModuleFamily.LEXI_R520, ProductVersion.V02B, settings(1, PppAuthType.PAP, "u", "", false, null), "dummy user name and password"),
                new Case(ModuleFamily.SARA_R5, ProductVersion.V00B, settings(1, PppAuthType.NONE, "d", "d", true, null), "full-cone NAT"),
                new Case(ModuleFamily.SARA_R42, ProductVersion.V01B, settings(1, PppAuthType.NONE, "", "", true, null), "full-cone NAT"),
                new Case(ModuleFamily.SARA_R5, ProductVersion.V02B, settings(1, PppAuthType.NONE, "d", "d", false, pf), "+UEMBPF"),
                new Case(ModuleFamily.SARA_R42, ProductVersion.V01B, settings(8, PppAuthType.NONE, "", "", false, null), "outside 0-7"),
                new Case(ModuleFamily.SARA_R42, ProductVersion.V01B, settings(1, PppAuthType.CHAP, "", "", false, null), "needs a user name"),
                new Case(ModuleFamily.SARA_R42, ProductVersion.V01B, settings(1, PppAuthType.PAP, "u", "pa\"ss", false, null), "password holds a quote"));
        for (Case c : cases) {
            FakeModem m = modem(c.f(), c.v());
            try {
                DialUpClient client = new DialUpClient(m, c.s());
                PppException e = assertThrows(PppException.class, client::dial, c.toString());
                assertTrue(e.getMessage().contains(c.says()), e.getMessage());
                assertFalse(e.getMessage().contains("pa\"ss"), "the password is never shown");
                assertEquals(List.of(), m.module.commands, "nothing reached the module");
            } finally {
                m.close();
            }
        }
        // what each family accepts
        assertEquals(List.of(), settings(1, PppAuthType.NONE, "d", "d", true, null).validate(
                io.ucell.modem.capability.ModuleCapabilities.of(ModuleFamily.SARA_R5, ProductVersion.V01B)));
        assertEquals(List.of(), settings(7, PppAuthType.NONE, "", "", false, pf).validate(
                io.ucell.modem.capability.ModuleCapabilities.of(ModuleFamily.SARA_R422, ProductVersion.V01B)));
        assertFalse(settings(1, PppAuthType.PAP, "u", "secret-pw", false, null).toString().contains("secret-pw"));
    }

    @Test
    void portFilterIsWrittenAndTheModuleRebootedOnlyWhenItDiffers() throws Exception {
        FakeModem m = modem(ModuleFamily.SARA_R42, ProductVersion.V01B);
        String[] stored = {"1,\"9999-19999\""};
        m.module.answers(c -> {
            if (c.equals("AT+UEMBPF?")) {
                return "\r\n+UEMBPF: " + stored[0] + "\r\n\r\nOK\r\n";
            }
            if (c.startsWith("AT+UEMBPF=")) {
                stored[0] = c.substring("AT+UEMBPF=".length());
            }
            return c.startsWith("ATD") ? "\r\nCONNECT\r\n" : "\r\nOK\r\n";
        });
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "", "", false, PortFilter.of(true, "6000-6050")));
        assertEquals(PortFilter.of(true, "9999-19999"), client.storedPortFilter());
        assertTrue(client.applyPortFilter());
        assertEquals(List.of("AT+UEMBPF?", "AT+UEMBPF?", "AT+UEMBPF=1,\"6000-6050\"", "AT+CFUN=16", "AT+UEMBPF?"), m.module.commands);
        assertEquals(1, m.restarts.get());
        assertFalse(client.applyPortFilter(), "already so: no write, no reboot");
        assertEquals(1, m.restarts.get());
        // the dial checked it already: no +UEMBPF before it
        m.module.commands.clear();
        PppLink link = client.dial();
        assertEquals(List.of("AT+UAUTHREQ=1,0", "AT+CVHU=0", "ATS12=3", "AT+CGDCONT?", "ATD*99***1#"), m.module.commands);
        assertThrows(PppException.class, client::applyPortFilter, "not while a link is up");
        link.hangUp();

        // a new setting: the next dial applies it first
        client.update(settings(1, PppAuthType.NONE, "", "", false, PortFilter.of(false, "")));
        m.module.commands.clear();
        client.dial().hangUp();
        assertEquals(List.of("AT+UEMBPF?", "AT+UEMBPF=0", "AT+CFUN=16", "AT+UEMBPF?", "AT+UAUTHREQ=1,0", "AT+CVHU=0",
                "ATS12=3", "AT+CGDCONT?", "ATD*99***1#", "ATH"), m.module.commands);
        assertEquals(2, m.restarts.get());
        assertEquals(PortFilter.of(false, ""), client.storedPortFilter());
    }

    @Test
    void routerModeRefusesAnIpv6Context() {
        FakeModem m = modem(ModuleFamily.LEXI_R520, ProductVersion.V02B);
        m.module.answers(c -> c.equals("AT+CGDCONT?") ? "\r\n+CGDCONT: 3,\"IPV6\",\"v6apn\",\"\",0,0,0,0\r\n\r\nOK\r\n"
                : c.startsWith("ATD") ? "\r\nCONNECT\r\n" : "\r\nOK\r\n");
        DialUpClient client = new DialUpClient(m, settings(3, PppAuthType.NONE, "d", "d", false, null));
        PppException e = assertThrows(PppException.class, client::dial);
        assertTrue(e.getMessage().contains("IPv4 only"), e.getMessage());
        assertFalse(m.module.commands.stream().anyMatch(c -> c.startsWith("ATD")), m.module.commands.toString());
    }

    @Test
    void noDialWhileTheModemServiceBringsTheModuleUp() throws Exception {
        FakeModem m = modem(ModuleFamily.SARA_R42, ProductVersion.V01B);
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "", "", false, null));
        m.state(io.ucell.modem.ModemState.INITIALIZING);
        PppException e = assertThrows(PppException.class, client::dial);
        assertTrue(e.getMessage().contains("not registered (modem state INITIALIZING)"), e.getMessage());
        assertEquals(List.of(), m.module.commands);
        m.state(io.ucell.modem.ModemState.REGISTERED);
        client.dial().hangUp();
    }

    @Test
    void portFilterOnSaraR5IsRefused() {
        FakeModem m = modem(ModuleFamily.SARA_R5, ProductVersion.V02B);
        DialUpClient client = new DialUpClient(m, settings(1, PppAuthType.NONE, "d", "d", false, null));
        PppException e = assertThrows(PppException.class, client::storedPortFilter);
        assertTrue(e.getMessage().contains("SARA-R42"), e.getMessage());
        assertEquals(List.of(), m.module.commands);
    }
}
