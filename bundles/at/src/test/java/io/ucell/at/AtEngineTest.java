package io.ucell.at;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AtEngineTest {

    private final ScriptedModule module = new ScriptedModule();
    private AtEngine engine;

    private AtEngine start(AtEngineOptions options) {
        engine = new AtEngine(module, options).start();
        return engine;
    }

    private AtEngine start() {
        return start(AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO)
                .withTimeouts(CommandTimeouts.uniform(Duration.ofMillis(500))));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void typedResponseWithInformationLines() {
        start();
        module.script((m, c) -> m.send("\r\n+CSQ: 20,99\r\n\r\nOK\r\n"));
        AtResponse r = engine.executeOk(AtCommand.action("+CSQ").build());
        assertEquals(20, r.require("+CSQ").intParam(0));
        assertEquals(FinalResult.Kind.OK, r.result().kind());
    }

    @Test
    void errorsAreTyped() {
        start();
        module.script((m, c) -> m.send(c.contains("UPSD") ? "\r\n+CME ERROR: IP type configuration mismatch\r\n"
                : c.contains("X") ? "\r\n+CME ERROR: 4\r\n" : "\r\nERROR\r\n"));
        AtErrorException e = assertThrows(AtErrorException.class,
                () -> engine.executeOk(AtCommand.set("+UPSDA").param(0).param(3).build()));
        assertEquals(FinalResult.Kind.CME_ERROR, e.result().kind());
        assertEquals("IP type configuration mismatch", e.result().detail());
        AtResponse numeric = engine.execute(AtCommand.action("+X").build());
        assertEquals(4, numeric.result().errorCode().getAsInt());
        assertEquals(FinalResult.Kind.ERROR, engine.execute(AtCommand.action("+Y").build()).result().kind());
    }

    @Test
    void echoIsDropped() {
        start();
        module.script((m, c) -> m.send(c + "\r\r\n+CGMI: u-blox\r\n\r\nOK\r\n"));
        AtResponse r = engine.executeOk(AtCommand.action("+CGMI").build());
        assertEquals(1, r.lines().size());
    }

    @Test
    void unprefixedAnswersBelongToTheCommand() {
        start();
        module.script((m, c) -> m.send("\r\n356726100000000\r\n\r\n+UUSORD: 0,3\r\n\r\nOK\r\n"));
        List<Urc> urcs = Collections.synchronizedList(new ArrayList<>());
        engine.subscribe("+UUSORD", urcs::add);
        AtResponse r = engine.executeOk(AtCommand.action("+CGSN").build());
        assertEquals("356726100000000", r.firstText());
        assertEquals(1, r.lines().size());
        await().atMost(Duration.ofSeconds(2)).until(() -> urcs.size() == 1);
    }

    @Test
    void urcsAnywhereReachSubscribersOffTheReaderThread() throws Exception {
        start();
        module.script((m, c) -> m.send("\r\n+UUSORD: 0,1\r\n\r\n+USORD: 0,2,\"ab\"\r\n\r\n+UUSORD: 0,2\r\n\r\nOK\r\n\r\n+UUSOCL: 0\r\n"));
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        List<String> threads = Collections.synchronizedList(new ArrayList<>());
        engine.subscribe("+UUSORD", u -> {
            seen.add(u.text());
            threads.add(Thread.currentThread().getName());
        });
        engine.subscribe("+UUSOCL", u -> seen.add(u.text()));
        AtResponse r = engine.executeOk(AtCommand.set("+USORD").param(0).param(2).build());
        assertEquals("ab", r.require("+USORD").param(2));
        await().atMost(Duration.ofSeconds(2)).until(() -> seen.size() == 3);
        assertTrue(seen.contains("+UUSORD: 0,1") && seen.contains("+UUSORD: 0,2") && seen.contains("+UUSOCL: 0"));
        assertTrue(seen.indexOf("+UUSORD: 0,1") < seen.indexOf("+UUSORD: 0,2"), "order per subscriber");
        threads.forEach(t -> assertTrue(!t.contains("reader"), t));
    }

    @Test
    void slowSubscriberDoesNotStopReadingOrOthers() throws Exception {
        start();
        CountDownLatch release = new CountDownLatch(1);
        List<String> fast = Collections.synchronizedList(new ArrayList<>());
        List<String> slow = Collections.synchronizedList(new ArrayList<>());
        engine.subscribe("+UUPING", u -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            slow.add(u.text());
        });
        engine.subscribe("+CEREG", u -> fast.add(u.text()));
        for (int i = 1; i <= 100; i++) {
            module.send("\r\n+UUPING: " + i + ",32,\"h\",\"1.2.3.4\",64,1\r\n\r\n+CEREG: " + (i % 6) + "\r\n");
        }
        module.script((m, c) -> m.send("\r\nOK\r\n"));
        engine.executeOk(AtCommand.basic("").build()); // the reader still answers commands
        await().atMost(Duration.ofSeconds(3)).until(() -> fast.size() == 100);
        release.countDown();
        await().atMost(Duration.ofSeconds(3)).until(() -> slow.size() == 100);
        for (int i = 1; i <= 100; i++) {
            assertTrue(slow.get(i - 1).startsWith("+UUPING: " + i + ","), "order kept");
        }
    }

    @Test
    void binaryPromptWaitsFiftyMillisThenSendsExactBytes() {
        start();
        byte[] payload = new byte[256];
        for (int i = 0; i < 256; i++) {
            payload[i] = (byte) i;
        }
        long[] promptAt = new long[1];
        module.script((m, c) -> {
            if (c.startsWith("AT+USOWR")) {
                m.capturing = 256;
                promptAt[0] = System.nanoTime();
                m.send("\r\n@");
                new Thread(() -> {
                    await().atMost(Duration.ofSeconds(2)).until(() -> m.capturing == 0);
                    m.send("\r\n+USOWR: 0,256\r\n\r\nOK\r\n");
                }).start();
            }
        });
        AtResponse r = engine.executeOk(AtCommand.set("+USOWR").param(0).param(256).binaryData(payload).build());
        assertEquals(256, r.require("+USOWR").intParam(1));
        assertArrayEquals(payload, module.captured.toByteArray());
        assertTrue(module.lastWriteNanos - promptAt[0] >= 50_000_000L, "data sent at least 50 ms after '@'");
    }

    @Test
    void greaterThanPromptSendsPayloadAndTerminator() {
        start();
        module.script((m, c) -> {
            if (c.startsWith("AT+USECMNG")) {
                m.capturing = 6;
                m.send("\r\n>");
                new Thread(() -> {
                    await().atMost(Duration.ofSeconds(2)).until(() -> m.capturing == 0);
                    m.send("\r\n+USECMNG: 0,0,\"ca\",\"abc\"\r\n\r\nOK\r\n");
                }).start();
            }
        });
        engine.executeOk(AtCommand.set("+USECMNG").param(0).param(0).param("ca").param(5)
                .promptData("hello".getBytes(StandardCharsets.US_ASCII), new byte[] {0x1A}).build());
        assertEquals("hello\u001A", module.captured.toString(StandardCharsets.ISO_8859_1));
    }

    @Test
    void timeoutsRaiseUnresponsiveAndRecover() {
        start(AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO)
                .withTimeouts(CommandTimeouts.uniform(Duration.ofMillis(100))).withUnresponsiveThreshold(2));
        List<AtEngineEvent.Type> events = Collections.synchronizedList(new ArrayList<>());
        engine.addListener(e -> events.add(e.type()));
        module.script((m, c) -> { });
        assertThrows(AtTimeoutException.class, () -> engine.execute(AtCommand.basic("").build()));
        assertThrows(AtTimeoutException.class, () -> engine.execute(AtCommand.basic("").build()));
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(AtEngineEvent.Type.UNRESPONSIVE));
        module.script((m, c) -> m.send("\r\nOK\r\n"));
        engine.executeOk(AtCommand.basic("").build());
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(AtEngineEvent.Type.RESPONSIVE));
    }

    @Test
    void perCommandTimeoutFromTable() {
        CommandTimeouts t = CommandTimeouts.ublox();
        assertEquals(Duration.ofMinutes(3), t.forCommand(AtCommand.set("+COPS").param(0).build()));
        assertEquals(Duration.ofSeconds(10), t.forCommand(AtCommand.action("+CSQ").build()));
        assertEquals(Duration.ofSeconds(1), t.forCommand(AtCommand.action("+CSQ").timeout(Duration.ofSeconds(1)).build()));
    }

    @Test
    void commandsRunOneAtATimeWithTheMinimumGap() {
        start(AtEngineOptions.defaults().withMinCommandGap(Duration.ofMillis(30))
                .withTimeouts(CommandTimeouts.uniform(Duration.ofSeconds(2))));
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        module.script((m, c) -> {
            at.add(System.nanoTime());
            m.send("\r\n+CSQ: " + c.substring(c.indexOf('=') + 1) + ",99\r\n\r\nOK\r\n");
        });
        List<CompletableFuture<AtResponse>> futures = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            futures.add(engine.submit(AtCommand.set("+CSQ").param(i).build()));
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(i, futures.get(i).join().require("+CSQ").intParam(0));
        }
        for (int i = 1; i < at.size(); i++) {
            assertTrue(at.get(i) - at.get(i - 1) >= 30_000_000L, "gap between commands " + i);
        }
    }

    @Test
    void abortEndsAnAbortableCommand() throws Exception {
        start(AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO));
        module.script((m, c) -> { });
        CompletableFuture<AtResponse> f = engine.submit(AtCommand.set("+COPS").param(0).build());
        Thread.sleep(100);
        module.send("\r\nABORTED\r\n");
        engine.abortCurrent();
        Exception e = assertThrows(Exception.class, () -> f.get(3, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AtAbortedException, String.valueOf(e));
    }

    @Test
    void transportDropIsReportedAndReopenWorks() {
        start();
        List<AtEngineEvent.Type> events = Collections.synchronizedList(new ArrayList<>());
        engine.addListener(e -> events.add(e.type()));
        module.drop();
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(AtEngineEvent.Type.TRANSPORT_DOWN));
        assertThrows(AtTransportException.class, () -> engine.execute(AtCommand.basic("").build()));
        engine.reopen();
        await().atMost(Duration.ofSeconds(2)).until(() -> events.contains(AtEngineEvent.Type.TRANSPORT_UP));
        module.script((m, c) -> m.send("\r\nOK\r\n"));
        engine.executeOk(AtCommand.basic("").build());
    }

    @Test
    void connectHandsTheStreamOverUntilNoCarrier() throws Exception {
        start(AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO).withGuardTime(Duration.ofMillis(100)));
        module.script((m, c) -> {
            if (c.startsWith("AT+UFTPC")) {
                m.send("\r\nCONNECT\r\nfile body\r\nline 2\r\n\r\nNO CARRIER\r\n");
            } else {
                m.send("\r\nOK\r\n");
            }
        });
        DataModeSession s = engine.dial(AtCommand.set("+UFTPC").param(6).param("f.txt").expectConnect().build());
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        s.input().transferTo(got);
        assertEquals("file body\r\nline 2\r\n", got.toString(StandardCharsets.ISO_8859_1));
        assertEquals("NO CARRIER", s.endReason());
        engine.executeOk(AtCommand.basic("").build());
    }

    @Test
    void escapeReturnsToCommandMode() throws Exception {
        start(AtEngineOptions.defaults().withMinCommandGap(Duration.ZERO).withGuardTime(Duration.ofMillis(100)));
        long[] lastData = new long[1];
        module.script((m, c) -> {
            if (c.startsWith("AT+UFTPC")) {
                m.send("\r\nCONNECT\r\n");
            } else if (c.endsWith("+++")) {
                m.send("\r\nOK\r\n");
            } else {
                m.send("\r\nOK\r\n");
            }
        });
        DataModeSession s = engine.dial(AtCommand.set("+UFTPC").param(7).param("f.txt").expectConnect().build());
        s.output().write("upload\r".getBytes(StandardCharsets.ISO_8859_1));
        lastData[0] = System.nanoTime();
        // the scripted module sees "+++" as a line only once a CR follows; emulate the module's OK directly
        module.script((m, c) -> m.send("\r\nOK\r\n"));
        Thread escaper = new Thread(() -> {
            try {
                s.escape();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        escaper.start();
        Thread.sleep(250);
        module.send("\r\nOK\r\n");
        escaper.join(5000);
        assertEquals("OK", s.endReason());
        assertTrue(module.commands.contains("upload"));
        engine.executeOk(AtCommand.basic("").build());
    }
}
