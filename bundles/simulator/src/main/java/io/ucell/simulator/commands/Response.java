package io.ucell.simulator.commands;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * What a command answers: information lines and a final result code, or a data prompt. URCs that the
 * command causes and that must follow its final result code (e.g. +UUPSDA after +UPSDA's OK) are carried
 * along so they cannot overtake it.
 */
public final class Response {
    public enum Final { OK, ERROR, CME, NO_CARRIER }

    /** A data prompt: '@' for a counted binary payload, '>' for text ended by Ctrl-Z. */
    public record Prompt(char symbol, int length, Function<byte[], Response> onData) {
    }

    private final List<String> lines;
    private final Final result;
    private final CmeError cme;
    private final Prompt prompt;
    private DataLink dataLink;
    private final List<String> urcsAfter = new ArrayList<>();
    private Runnable afterSent;

    private Response(List<String> lines, Final result, CmeError cme, Prompt prompt) {
        this.lines = lines;
        this.result = result;
        this.cme = cme;
        this.prompt = prompt;
    }

    public static Response ok(String... lines) {
        return new Response(List.of(lines), Final.OK, null, null);
    }

    public static Response ok(List<String> lines) {
        return new Response(Collections.unmodifiableList(new ArrayList<>(lines)), Final.OK, null, null);
    }

    public static Response error() {
        return new Response(List.of(), Final.ERROR, null, null);
    }

    /** NO CARRIER: a dial that could not be set up (section 4.1), or the end of a data call. */
    public static Response noCarrier() {
        return new Response(List.of(), Final.NO_CARRIER, null, null);
    }

    public static Response cme(CmeError e) {
        return new Response(List.of(), Final.CME, e, null);
    }

    /** '@' prompt: after it the module takes exactly {@code length} bytes of binary data. */
    public static Response binaryPrompt(int length, Function<byte[], Response> onData) {
        return new Response(List.of(), null, null, new Prompt('@', length, onData));
    }

    /**
     * A prompt after which the module takes exactly {@code length} bytes of any value, without the '@' prompt's
     * 50 ms guard (+UDWNFILE's '>').
     */
    public static Response countedPrompt(char symbol, int length, Function<byte[], Response> onData) {
        return new Response(List.of(), null, null, new Prompt(symbol, length, onData));
    }

    /** '>' prompt: text until Ctrl-Z (0x1A); ESC (0x1B) aborts and the handler gets null. */
    public static Response textPrompt(Function<byte[], Response> onData) {
        return new Response(List.of(), null, null, new Prompt('>', -1, onData));
    }

    /** CONNECT: the UART switches to the data phase of {@code link} (FTP direct link, PPP). */
    public static Response connect(DataLink link) {
        Response r = new Response(List.of(), null, null, null);
        r.dataLink = link;
        return r;
    }

    public DataLink dataLink() {
        return dataLink;
    }

    /**
     * '>' prompt that takes exactly {@code length} bytes (no Ctrl-Z: the count ends the data), as +USECMNG,
     * +UDWNFILE and +UMQTTC=9 (section 6.5) do.
     */
    public static Response countedTextPrompt(int length, Function<byte[], Response> onData) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative");
        }
        return countedPrompt('>', length, onData);
    }

    public Response urcAfter(String... urcs) {
        urcsAfter.addAll(Arrays.asList(urcs));
        return this;
    }

    /** Runs once the final result code has left the wire (e.g. the reboot after +CFUN=16's OK). */
    public Response thenRun(Runnable r) {
        this.afterSent = r;
        return this;
    }

    public List<String> lines() {
        return lines;
    }

    public Final result() {
        return result;
    }

    public CmeError cmeError() {
        return cme;
    }

    public Prompt prompt() {
        return prompt;
    }

    public List<String> urcsAfter() {
        return urcsAfter;
    }

    public Runnable afterSent() {
        return afterSent;
    }
}
