package io.ucell.at;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.ucell.at.framing.AtLine;

/** What a command returned: its information lines and its final result code. */
public final class AtResponse {

    private final String command;
    private final List<AtLine> lines;
    private final FinalResult result;

    public AtResponse(String command, List<AtLine> lines, FinalResult result) {
        this.command = command;
        this.lines = List.copyOf(lines);
        this.result = result;
    }

    /** The command as traced (secrets masked). */
    public String command() {
        return command;
    }

    public List<AtLine> lines() {
        return lines;
    }

    public FinalResult result() {
        return result;
    }

    public boolean isOk() {
        return result.isSuccess();
    }

    /** The first information line with this prefix, e.g. "+USOCR". */
    public Optional<AtLine> line(String prefix) {
        return lines.stream().filter(l -> l.hasPrefix(prefix)).findFirst();
    }

    /** The first information line with this prefix, or an exception naming the command. */
    public AtLine require(String prefix) {
        return line(prefix).orElseThrow(() -> new AtException(command + " answered without a " + prefix + " line: " + lines));
    }

    /** All information lines with this prefix. */
    public List<AtLine> all(String prefix) {
        return lines.stream().filter(l -> l.hasPrefix(prefix)).collect(Collectors.toList());
    }

    /** The first information line's text (for ATI, +CGMI, +CGSN and the like, which answer without a prefix). */
    public String firstText() {
        if (lines.isEmpty()) {
            throw new AtException(command + " answered no information line");
        }
        return lines.get(0).text();
    }

    /** Throws {@link AtErrorException} unless the final result code is OK or CONNECT. */
    public AtResponse requireOk() {
        if (!isOk()) {
            throw new AtErrorException(command, this);
        }
        return this;
    }

    @Override
    public String toString() {
        return command + " -> " + lines + " " + result;
    }
}
