package io.ucell.at;

import java.time.Instant;

import io.ucell.at.framing.AtLine;

/** An unsolicited result code, with the time it was read. */
public record Urc(AtLine line, Instant receivedAt) {

    public String prefix() {
        return line.prefix();
    }

    public String text() {
        return line.text();
    }
}
