package io.socketlab.shell;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;

/**
 * Shows rendered lines: straight to the terminal when they fit on one screen, through jline's
 * {@link Less} (space, b, arrows, /search, q) when they do not.
 */
public final class Pager {
    private final Terminal terminal;

    public Pager(Terminal terminal) {
        this.terminal = terminal;
    }

    /** True when {@code lines} need more rows than the terminal has (or the height is unknown). */
    public boolean needsPaging(List<AttributedString> lines) {
        int height = terminal.getHeight();
        return height > 0 && lines.size() > height - 1;
    }

    public void show(List<AttributedString> lines, String name) throws IOException {
        if (!needsPaging(lines)) {
            for (AttributedString line : lines) {
                terminal.writer().println(line.toAnsi(terminal));
            }
            terminal.flush();
            return;
        }
        StringBuilder text = new StringBuilder();
        for (AttributedString line : lines) {
            text.append(line.toAnsi(256, false, null, null)).append('\n');
        }
        Less less = new Less(terminal, Path.of(""));
        less.veryQuiet = true;
        // Less reads keys in raw mode but leaves Ctrl-C to the terminal, whose default would end the
        // course; ignored here as less(1) does, and q leaves the pager.
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, Terminal.SignalHandler.SIG_IGN);
        try {
            less.run(new Source.InputStreamSource(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.UTF_8)), true, name));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
        }
    }
}
