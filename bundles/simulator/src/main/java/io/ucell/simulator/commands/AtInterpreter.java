package io.ucell.simulator.commands;

import io.ucell.simulator.uart.UartTiming;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns received bytes into commands and answers: line splitting (CR, CR LF or a lone LF), echo, dispatch,
 * result-code framing according to +CMEE, and the data prompts. Runs on the receive thread, so commands are
 * executed one at a time in arrival order like on the module's single AT interface.
 */
public final class AtInterpreter {
    private static final Logger LOG = LoggerFactory.getLogger(AtInterpreter.class);
    /**
     * Longest command line the module accepts (characters after which it answers ERROR). Room for the
     * longest socket command: +USOST with a 255-character host and 1024 data characters (512 bytes in hex).
     */
    public static final int MAX_LINE = 2048;
    private static final byte CTRL_Z = 0x1A;
    private static final byte ESC = 0x1B;

    private enum Mode { LINE, BINARY, COUNTED, TEXT, DATA }

    private final CommandRegistry registry;
    private final ModuleContext module;
    private final Object stateLock;
    private final FrameSink out;
    private final LongSupplier extraDelayNanos;

    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private boolean overflow;
    private Mode mode = Mode.LINE;
    private Response.Prompt prompt;
    private final ByteArrayOutputStream promptData = new ByteArrayOutputStream();
    private volatile long promptSentAt;
    // data phase (CONNECT ... +++): the link, and the escape-sequence detector's state
    private DataLink link;
    private long lastHostData;
    private int pluses;
    private long lastPlus;
    private long escapeToken;
    // URCs wait while a data phase holds the UART (they would land in the file or the PPP stream)
    private volatile boolean holdingUrcs;
    private final java.util.Queue<String> heldUrcs = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicLong gapViolations = new AtomicLong();
    private final AtomicLong corruptedPromptBytes = new AtomicLong();

    /**
     * @param stateLock      held while a handler runs, so handlers and timers never see half-done state
     * @param extraDelayNanos fault injection: additional delay before each answer
     */
    public AtInterpreter(CommandRegistry registry, ModuleContext module, Object stateLock, FrameSink out,
            LongSupplier extraDelayNanos) {
        this.registry = registry;
        this.module = module;
        this.stateLock = stateLock;
        this.out = out;
        this.extraDelayNanos = extraDelayNanos;
    }

    /**
     * Holds a URC while a data phase (FTP direct link, PPP) has the UART: it is sent after the data phase ends
     * (after NO CARRIER, or after the escape's answer). False when the URC may go now. Takes no lock: URCs come
     * from threads that hold the state lock, which the receive thread takes while holding this object's lock.
     */
    public boolean holdUrc(String text) {
        if (!holdingUrcs) {
            return false;
        }
        heldUrcs.add(text);
        if (!holdingUrcs) {
            flushHeldUrcs(); // the data phase ended meanwhile
        }
        return true;
    }

    private void flushHeldUrcs() {
        String urc;
        while (!holdingUrcs && (urc = heldUrcs.poll()) != null) {
            module.emitUrc(urc);
        }
    }

    /** Forgets any partial line or prompt (reboot, new connection). */
    public synchronized void reset() {
        holdingUrcs = false;
        heldUrcs.clear();
        if (link != null) {
            DataLink l = link;
            link = null;
            l.abandon();
        }
        pluses = 0;
        line.reset();
        overflow = false;
        mode = Mode.LINE;
        prompt = null;
        promptData.reset();
        promptSentAt = 0;
    }

    public long commandGapViolations() {
        return gapViolations.get();
    }

    public long corruptedPromptBytes() {
        return corruptedPromptBytes.get();
    }

    /** One received byte with the time its stop bit arrived. */
    public synchronized void onByte(byte b, long arrivalNanos) {
        try {
            switch (mode) {
                case BINARY:
                    onPromptByte(b, arrivalNanos);
                    break;
                case COUNTED:
                    onCountedByte(b);
                    break;
                case TEXT:
                    onTextByte(b, arrivalNanos);
                    break;
                case DATA:
                    onDataByte(b, arrivalNanos);
                    break;
                default:
                    onLineByte(b, arrivalNanos);
            }
        } catch (RuntimeException e) {
            // garbage must never kill the receive thread
            LOG.warn("interpreter error on input byte 0x{}", Integer.toHexString(b & 0xFF), e);
            reset();
            sendFinal(Response.error());
        }
    }

    private void onLineByte(byte b, long arrival) {
        if (b == '\r' || b == '\n') {
            if (line.size() > 0 || overflow) {
                byte[] raw = line.toByteArray();
                boolean tooLong = overflow;
                line.reset();
                overflow = false;
                handleLine(raw, tooLong);
            }
            return;
        }
        if (line.size() == 0 && !overflow) {
            long since = arrival - out.lastSentNanos();
            if (out.lastSentNanos() != 0 && since >= 0
                    && since < module.capabilities().minCommandGap().toNanos()) {
                gapViolations.incrementAndGet();
                LOG.debug("command started {} us after the last output; the module asks for {} ms",
                        since / 1000, module.capabilities().minCommandGap().toMillis());
            }
        }
        if (line.size() >= MAX_LINE) {
            overflow = true;
            return;
        }
        line.write(b);
    }

    private void handleLine(byte[] raw, boolean tooLong) {
        Session session = module.session();
        if (session.echo()) {
            byte[] echo = new byte[raw.length + 1];
            System.arraycopy(raw, 0, echo, 0, raw.length);
            echo[raw.length] = '\r';
            out.send(echo, null);
        }
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int at = text.toUpperCase(Locale.ROOT).indexOf("AT");
        if (at < 0) {
            // no "AT" prefix: the module's parser never starts a command, nothing is answered
            return;
        }
        UartTiming.parkUntil(System.nanoTime() + module.config().processingDelay().toNanos()
                + Math.max(0, extraDelayNanos.getAsLong()));
        if (tooLong) {
            sendFinal(Response.error());
            return;
        }
        String body = text.substring(at + 2).strip();
        Response r = execute(text, body);
        sendResponse(r);
    }

    private Response execute(String text, String body) {
        AtCommand cmd;
        try {
            cmd = AtCommand.parse(text, body);
        } catch (BadCommandException e) {
            return Response.error();
        }
        if (cmd.name().isEmpty()) {
            return Response.ok();
        }
        CommandHandler h = registry.lookup(cmd.name());
        if (h == null) {
            return Response.error();
        }
        synchronized (stateLock) {
            try {
                Response r = h.handle(cmd, module);
                return r == null ? Response.error() : r;
            } catch (BadParameterException e) {
                return Response.cme(CmeError.INCORRECT_PARAMETERS);
            } catch (BadCommandException e) {
                return Response.error();
            } catch (RuntimeException e) {
                // the name only: parameters may hold passwords and keys (+UAUTHREQ, +UFTP, +USECPRF)
                LOG.warn("command AT{} ({}) failed", cmd.name(), cmd.kind(), e);
                return Response.cme(CmeError.UNKNOWN);
            }
        }
    }

    private void sendResponse(Response r) {
        if (r.dataLink() != null) {
            startDataPhase(r.dataLink());
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : r.lines()) {
            sb.append("\r\n").append(l).append("\r\n");
        }
        if (r.prompt() != null) {
            if (sb.length() > 0) {
                out.send(sb.toString().getBytes(StandardCharsets.ISO_8859_1), null);
            }
            prompt = r.prompt();
            promptData.reset();
            promptSentAt = 0;
            mode = r.prompt().symbol() == '@' ? Mode.BINARY : r.prompt().length() >= 0 ? Mode.COUNTED : Mode.TEXT;
            if (mode != Mode.TEXT && prompt.length() == 0) {
                finishPrompt(new byte[0]);
                return;
            }
            // the time the prompt left the wire starts the host's 50 ms wait
            out.send(new byte[] {(byte) r.prompt().symbol()}, () -> promptSentAt = out.lastSentNanos());
            return;
        }
        sb.append(finalText(r));
        out.send(sb.toString().getBytes(StandardCharsets.ISO_8859_1), r.afterSent());
        for (String urc : r.urcsAfter()) {
            module.emitUrc(urc);
        }
    }

    private void sendFinal(Response r) {
        out.send(finalText(r).getBytes(StandardCharsets.ISO_8859_1), null);
    }

    private String finalText(Response r) {
        switch (r.result()) {
            case OK:
                return "\r\nOK\r\n";
            case NO_CARRIER:
                return "\r\nNO CARRIER\r\n";
            case CME:
                int cmee = module.session().cmee();
                if (cmee == 1) {
                    return "\r\n+CME ERROR: " + r.cmeError().code() + "\r\n";
                }
                if (cmee == 2) {
                    return "\r\n+CME ERROR: " + r.cmeError().text() + "\r\n";
                }
                return "\r\nERROR\r\n";
            default:
                return "\r\nERROR\r\n";
        }
    }

    private void onPromptByte(byte b, long arrival) {
        long sent = promptSentAt;
        long guard = module.config().promptGuard().toNanos();
        if (prompt.symbol() == '@' && (sent == 0 || arrival < sent + guard)) {
            // data sent sooner than 50 ms after '@' is garbled, as on the real module (section 5.3.1)
            b ^= 0x55;
            corruptedPromptBytes.incrementAndGet();
        }
        promptData.write(b);
        if (promptData.size() >= prompt.length()) {
            finishPrompt(promptData.toByteArray());
        }
    }

    // ------------------------------------------------------------------ data phase

    private void startDataPhase(DataLink l) {
        mode = Mode.DATA;
        link = l;
        holdingUrcs = true;
        pluses = 0;
        lastHostData = System.nanoTime();
        DataLink.Port port = new DataLink.Port() {
            @Override
            public void toHost(byte[] data) {
                synchronized (AtInterpreter.this) {
                    if (link != l) {
                        return;
                    }
                    out.send(data.clone(), null);
                }
            }

            @Override
            public void hangUp(String... urcs) {
                synchronized (AtInterpreter.this) {
                    if (link != l) {
                        return;
                    }
                    endDataPhase();
                    out.send("\r\nNO CARRIER\r\n".getBytes(StandardCharsets.ISO_8859_1), null);
                    for (String urc : urcs) {
                        module.emitUrc(urc);
                    }
                    flushHeldUrcs();
                }
            }
        };
        out.send("\r\nCONNECT\r\n".getBytes(StandardCharsets.ISO_8859_1), () -> {
            // the guard time before the escape counts from the moment the host could start sending
            synchronized (AtInterpreter.this) {
                lastHostData = System.nanoTime();
            }
            l.start(port);
        });
    }

    private void endDataPhase() {
        holdingUrcs = false;
        mode = Mode.LINE;
        link = null;
        pluses = 0;
        escapeToken++;
    }

    /**
     * Escape detection (section 9.1.4): at least TEPD (ATS12) of silence, three escape characters (ATS2) less
     * than TEPD apart, then TEPD of silence. Characters that turn out not to be an escape are data. ATS12=0
     * turns the timing off: three escape characters in a row end the data phase at once.
     */
    private void onDataByte(byte b, long arrival) {
        long tepd = module.session().escapeGuard() * 20_000_000L;
        boolean escapeChar = (b & 0xFF) == module.session().escapeChar();
        if (escapeChar && pluses < 3) {
            boolean fits = tepd == 0 || (pluses == 0 ? arrival - lastHostData >= tepd : arrival - lastPlus < tepd);
            if (fits) {
                pluses++;
                lastPlus = arrival;
                if (pluses == 3) {
                    if (tepd == 0) {
                        escape();
                    } else {
                        armEscapeCheck(arrival + tepd);
                    }
                }
                return;
            }
        }
        if (pluses > 0) {
            flushPluses();
            if (escapeChar && pluses == 0 && (tepd == 0 || arrival - lastHostData >= tepd)) {
                onDataByte(b, arrival); // a late escape character may start a new sequence
                return;
            }
        }
        link.fromHost(b & 0xFF);
        lastHostData = arrival;
    }

    /** Escape characters held back are data after all. */
    private void flushPluses() {
        int c = module.session().escapeChar();
        for (int i = 0; i < pluses; i++) {
            link.fromHost(c);
        }
        lastHostData = lastPlus;
        pluses = 0;
        escapeToken++;
    }

    private void armEscapeCheck(long deadline) {
        long token = ++escapeToken;
        module.background().execute(() -> {
            io.ucell.simulator.uart.UartTiming.parkUntil(deadline);
            synchronized (AtInterpreter.this) {
                if (mode == Mode.DATA && escapeToken == token && pluses == 3) {
                    escape();
                }
            }
        });
    }

    private void escape() {
        DataLink l = link;
        endDataPhase();
        String text = l.escapeText();
        if (text != null) {
            out.send(("\r\n" + text + "\r\n").getBytes(StandardCharsets.ISO_8859_1), null);
        }
        Response r;
        synchronized (stateLock) {
            try {
                r = l.escaped();
            } catch (RuntimeException e) {
                LOG.warn("data link escape failed", e);
                r = Response.ok();
            }
        }
        sendResponse(r == null ? Response.ok() : r);
        flushHeldUrcs();
    }

    private void onCountedByte(byte b) {
        promptData.write(b);
        if (promptData.size() >= prompt.length()) {
            finishPrompt(promptData.toByteArray());
        }
    }

    private void onTextByte(byte b, long arrival) {
        if (b == CTRL_Z) {
            finishPrompt(promptData.toByteArray());
        } else if (b == ESC) {
            finishPrompt(null);
        } else {
            promptData.write(b);
        }
    }

    private void finishPrompt(byte[] data) {
        Response.Prompt p = prompt;
        mode = Mode.LINE;
        prompt = null;
        promptData.reset();
        Response r;
        synchronized (stateLock) {
            try {
                r = p.onData().apply(data);
            } catch (RuntimeException e) {
                LOG.warn("prompt handler failed", e);
                r = Response.error();
            }
        }
        sendResponse(r == null ? Response.error() : r);
    }
}
