package io.ucell.at.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AtFramerTest {

    /** Records what the framer reports, in order, as strings ("L:" line, "P:" prompt, "D:" data, "E:" end). */
    static final class Recorder implements AtFramer.Listener {
        final List<String> events = new ArrayList<>();
        final List<AtLine> lines = new ArrayList<>();
        final ByteArrayOutputStream data = new ByteArrayOutputStream();

        @Override
        public void onLine(AtLine line) {
            events.add("L:" + line.text());
            lines.add(line);
        }

        @Override
        public void onPrompt(char prompt) {
            events.add("P:" + prompt);
        }

        @Override
        public void onData(byte[] buf, int off, int len) {
            data.write(buf, off, len);
        }

        @Override
        public void onDataModeEnded(String marker) {
            events.add("E:" + marker);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void splitsLinesAndIgnoresEmptyOnes() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.feed(bytes("AT+CSQ\r\r\n+CSQ: 20,99\r\n\r\nOK\r\n"), 0, 28);
        assertEquals(List.of("L:AT+CSQ", "L:+CSQ: 20,99", "L:OK"), r.events);
        AtLine csq = r.lines.get(1);
        assertEquals("+CSQ", csq.prefix());
        assertEquals(List.of("20", "99"), csq.params());
    }

    @Test
    void quotedParametersKeepCommas() {
        AtLine l = AtLine.of("+COPS: 0,0,\"Op, Inc\",7");
        assertEquals(List.of("0", "0", "Op, Inc", "7"), l.params());
        assertEquals(7, l.intParam(3));
    }

    @Test
    void promptOnlyWhenExpected() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.feed(bytes("\r\n@"), 0, 3);
        assertTrue(r.events.isEmpty(), "an unexpected '@' starts a line");
        f.reset();
        f.expectPrompt(true);
        f.feed(bytes("\r\n@"), 0, 3);
        assertEquals(List.of("P:@"), r.events);
        f.expectPrompt(true);
        f.feed(bytes("> "), 0, 2);
        f.feed(bytes("\r\nOK\r\n"), 0, 6);
        assertEquals(List.of("P:@", "P:>", "L:OK"), r.events);
    }

    @Test
    void countedPayloadWithEveryByteValue() {
        byte[] payload = new byte[256];
        for (int i = 0; i < 256; i++) {
            payload[i] = (byte) i;
        }
        ByteArrayOutputStream s = new ByteArrayOutputStream();
        s.writeBytes(bytes("\r\n+USORD: 3,256,\""));
        s.writeBytes(payload);
        s.writeBytes(bytes("\"\r\n\r\nOK\r\n"));
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(s.toByteArray(), 0, s.size());
        assertEquals(2, r.lines.size());
        AtLine line = r.lines.get(0);
        assertEquals(3, line.intParam(0));
        assertArrayEquals(payload, line.bytesParam(2));
        assertEquals("OK", r.lines.get(1).text());
    }

    @Test
    void usorfPayloadAfterQuotedAddress() {
        String data = "a\"b,\r\nc";
        String in = "+USORF: 0,\"195.34.89.241\",7," + data.length() + ",\"" + data + "\"\r\nOK\r\n";
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(bytes(in), 0, in.length());
        AtLine l = r.lines.get(0);
        assertEquals(List.of("0", "195.34.89.241", "7", "7", data), l.params());
    }

    @Test
    void mqttReadHasTwoCountedFields() {
        String topic = "a,\"b";
        String msg = "x\r\n\"y,";
        String in = "+UMQTTC: 6,0,20," + topic.length() + ",\"" + topic + "\"," + msg.length() + ",\"" + msg + "\"\r\nOK\r\n";
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(bytes(in), 0, in.length());
        assertEquals(List.of("6", "0", "20", "4", topic, "6", msg), r.lines.get(0).params());
        assertEquals("OK", r.lines.get(1).text());
    }

    @Test
    void mqttSnReadCountsTopicAndMessage() {
        // app note 7.4: +UMQTTSNC: 9,<qos>,<topic type>,<total>,<topic length>,"<topic>",<message length>,"<message>"
        String msg = "20\r\n\",\u0000\u00ff";
        String in = "+UMQTTSNC: 9,1,0," + (1 + msg.length()) + ",1,\"1\"," + msg.length() + ",\"" + msg + "\"\r\nOK\r\n";
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(bytes(in), 0, in.length());
        assertEquals(List.of("9", "1", "0", Integer.toString(1 + msg.length()), "1", "1", Integer.toString(msg.length()), msg),
                r.lines.get(0).params());
        assertEquals("OK", r.lines.get(1).text());
        // the short reading without total and topic length
        String shortIn = "+UMQTTSNC: 9,0,2,\"aa\"," + msg.length() + ",\"" + msg + "\"\r\nOK\r\n";
        Recorder r2 = new Recorder();
        new AtFramer(r2, PayloadRules.defaults()).feed(bytes(shortIn), 0, shortIn.length());
        assertEquals(List.of("9", "0", "2", "aa", Integer.toString(msg.length()), msg), r2.lines.get(0).params());
    }

    @Test
    void hexModeReadCarriesTwiceTheAnnouncedCharacters() {
        String in = "+USORD: 0,5,\"48656C6C6F\"\r\nOK\r\n";
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(bytes(in), 0, in.length());
        assertEquals("48656C6C6F", r.lines.get(0).param(2));
    }

    @Test
    void zeroLengthReadAndUrcLookalike() {
        String in = "+USORD: 0,0\r\n+UUSORD: 0,25\r\nOK\r\n";
        Recorder r = new Recorder();
        new AtFramer(r, PayloadRules.defaults()).feed(bytes(in), 0, in.length());
        assertEquals(List.of("L:+USORD: 0,0", "L:+UUSORD: 0,25", "L:OK"), r.events);
    }

    @Test
    void dataModeUntilNoCarrierWithMarkerLookalikesInData() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.armConnect(true);
        String data = "hello\r\nNO CARRIE\r\nOK\r\nworld\r\n";
        String in = "\r\nCONNECT\r\n" + data + "\r\nNO CARRIER\r\n+UUFTPCR: 4,1\r\n";
        f.feed(bytes(in), 0, in.length());
        assertEquals(data, r.data.toString(StandardCharsets.ISO_8859_1));
        assertEquals(List.of("L:CONNECT", "E:NO CARRIER", "L:+UUFTPCR: 4,1"), r.events);
    }

    @Test
    void escapeOkEndsDataModeOnlyWhenEscaping() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.armConnect(true);
        f.feed(bytes("CONNECT\r\nab\r\nOK\r\n"), 0, 17);
        assertEquals("ab\r\nOK\r\n".substring(0, 2), r.data.toString(StandardCharsets.ISO_8859_1).substring(0, 2));
        f.escapePending(true);
        f.feed(bytes("cd\r\nOK\r\n"), 0, 8);
        assertEquals(List.of("L:CONNECT", "E:OK"), r.events);
        assertEquals("ab\r\nOK\r\ncd", r.data.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void disconnectBeforeTheEscapeOkIsNotData() {
        // FTP direct link (section 9.1): "+++" is answered DISCONNECT, OK, then +UUFTPCR
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.armConnect(true);
        String head = "\r\nCONNECT\r\nfile\r\nDISCONNECT\r\n";
        f.feed(bytes(head), 0, head.length());
        f.idle();
        f.escapePending(true);
        String tail = "\r\nDISCONNECT\r\n\r\nOK\r\n\r\n+UUFTPCR: 6,1\r\n";
        f.feed(bytes(tail), 0, tail.length());
        assertEquals("file\r\nDISCONNECT\r\n", r.data.toString(StandardCharsets.ISO_8859_1), "only while escaping");
        assertEquals(List.of("L:CONNECT", "E:OK", "L:+UUFTPCR: 6,1"), r.events);
    }

    @Test
    void ftpListingUrcIsCounted() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        String listing = "-rw-r--r-- 1 ftp ftp 12 Aug 5 09:42 a \"b\",c\r\ndrwxr-xr-x 2 ftp ftp 0 Aug 5 09:48 up\r\n";
        String in = "\r\n+UUFTPCD: 13," + listing.length() + ",\"" + listing + "\"\r\n";
        f.feed(bytes(in), 0, in.length());
        assertEquals(List.of("L:+UUFTPCD: 13," + listing.length() + ",\"" + listing + "\""), r.events);
    }

    @Test
    void idleReleasesHeldBackBytes() {
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        f.armConnect(true);
        f.feed(bytes("CONNECT\r\nline\r\n"), 0, 15);
        assertEquals("line", r.data.toString(StandardCharsets.ISO_8859_1));
        f.idle();
        assertEquals("line\r\n", r.data.toString(StandardCharsets.ISO_8859_1));
    }

    /**
     * A random stream of responses with counted payloads (all 256 byte values) and URCs at every
     * position the module may put them, fed in random chunk sizes: every line comes out intact and in order.
     */
    @RepeatedTest(50)
    void randomInterleavingsAndChunking() {
        Random rnd = new Random();
        long seed = rnd.nextLong();
        rnd.setSeed(seed);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<List<String>> expectedParams = new ArrayList<>();
        List<String> expectedUrcs = new ArrayList<>();
        for (int k = 0; k < 30; k++) {
            if (rnd.nextBoolean()) {
                String urc = "+UUSORD: " + rnd.nextInt(7) + "," + rnd.nextInt(1024);
                stream.writeBytes(bytes("\r\n" + urc + "\r\n"));
                expectedUrcs.add(urc);
            }
            byte[] payload = new byte[rnd.nextInt(300)];
            rnd.nextBytes(payload);
            stream.writeBytes(bytes("\r\n+USORD: 1," + payload.length + ",\""));
            stream.writeBytes(payload);
            stream.writeBytes(bytes("\"\r\n"));
            expectedParams.add(List.of("1", String.valueOf(payload.length), new String(payload, StandardCharsets.ISO_8859_1)));
            if (rnd.nextBoolean()) {
                // a URC between the information line and its OK
                String urc = "+CEREG: " + rnd.nextInt(6);
                stream.writeBytes(bytes("\r\n" + urc + "\r\n"));
                expectedUrcs.add(urc);
            }
            stream.writeBytes(bytes("\r\nOK\r\n"));
        }
        byte[] all = stream.toByteArray();
        Recorder r = new Recorder();
        AtFramer f = new AtFramer(r, PayloadRules.defaults());
        int pos = 0;
        while (pos < all.length) {
            int n = Math.min(all.length - pos, 1 + rnd.nextInt(64));
            f.feed(all, pos, n);
            pos += n;
        }
        List<List<String>> gotParams = new ArrayList<>();
        List<String> gotUrcs = new ArrayList<>();
        int oks = 0;
        for (AtLine l : r.lines) {
            if (l.hasPrefix("+USORD")) {
                gotParams.add(l.params());
            } else if (l.text().equals("OK")) {
                oks++;
            } else {
                gotUrcs.add(l.text());
            }
        }
        assertEquals(expectedParams, gotParams, "seed " + seed);
        assertEquals(expectedUrcs, gotUrcs, "seed " + seed);
        assertEquals(30, oks, "seed " + seed);
    }
}
