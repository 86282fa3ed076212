package io.socketlab.demo.live;

import io.socketlab.demo.trace.Side;
import io.socketlab.demo.trace.TraceEvent;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.render.TextWrapper;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * Runs a demo's server and client in this process while the learner types into the client at the
 * prompt. Everything either side does is printed above the prompt with {@link LineReader#printAbove},
 * the one call that is safe while {@code readLine} waits.
 */
public final class LiveDemo implements DemoOutput {
    private final LineReader reader;
    private final Messages messages;
    private final boolean color;
    private volatile boolean hex;

    private final List<SideCommand> sideCommands;

    /** A command the shell offers inside a running demo (such as sockets): tried before a line goes to the client. */
    public interface SideCommand {
        /** One line saying how to use it, shown when the demo starts. */
        String help(Lang lang);

        /** True when it took {@code line}; it prints above the prompt through {@code reader}. */
        boolean take(String line, LineReader reader, Lang lang);
    }

    private LiveDemo(LineReader reader, Lang lang, boolean color, List<SideCommand> sideCommands) {
        this.reader = reader;
        this.sideCommands = List.copyOf(sideCommands);
        this.messages = Messages.of("demo", lang);
        this.color = color;
    }

    /**
     * Runs demo {@code demoId} of {@code chapter}, whose session {@code sessions} makes, until the learner
     * types {@code stop}, presses Ctrl-C or Ctrl-D; then closes every socket and thread it started and
     * returns. Output has no escape codes when {@code color} is false.
     */
    public static void run(LineReader reader, String demoId, int chapter, Function<DemoOutput, DemoSession> sessions,
                           Lang lang, boolean color) {
        run(reader, demoId, chapter, sessions, lang, color, List.of());
    }

    /** As {@link #run(LineReader, String, int, Function, Lang, boolean)}, with {@code sideCommands} at the demo's prompt. */
    public static void run(LineReader reader, String demoId, int chapter, Function<DemoOutput, DemoSession> sessions,
                           Lang lang, boolean color, List<SideCommand> sideCommands) {
        new LiveDemo(reader, lang, color, sideCommands).loop(demoId, chapter, sessions);
    }

    private void loop(String demoId, int chapter, Function<DemoOutput, DemoSession> sessions) {
        try (DemoSession session = sessions.apply(this)) {
            printMessage(messages.get("demo.help", demoId, chapter));
            if (session.hasPersonAtServer()) {
                printMessage(messages.get("demo.help.chat"));
                printMessage(messages.get("demo.help.server"));
            }
            for (SideCommand side : sideCommands) {
                print(new AttributedString(side.help(messages.lang())));
            }
            print(timeline().header(messages.get("demo.column.server"), messages.get("demo.column.client")));
            try {
                session.start("127.0.0.1");
            } catch (IOException e) {
                printMessage(messages.get("demo.error", e.getMessage()));
                return;
            }
            while (true) {
                String line;
                try {
                    line = reader.readLine(messages.get("demo.prompt"));
                } catch (UserInterruptException | EndOfFileException end) {
                    break;
                }
                if (line.trim().equals("stop")) {
                    break;
                }
                if (line.trim().equals("hex")) {
                    hex = !hex;
                    printMessage(messages.get(hex ? "demo.hex.on" : "demo.hex.off"));
                    continue;
                }
                if (taken(line)) {
                    continue;
                }
                try {
                    if (line.startsWith("!")) {
                        if (session.hasPersonAtServer()) {
                            session.typeAsServer(line.substring(1));
                        } else {
                            printMessage(messages.get("demo.no.server.person"));
                        }
                    } else {
                        session.typeAsClient(line);
                    }
                } catch (IOException e) {
                    line(Side.CLIENT, messages.get("demo.error", e.getMessage()));
                }
            }
        }
        // readLine has returned, so the terminal is ours again: write directly rather than above a prompt
        reader.getTerminal().writer().println(messages.get("demo.stopped"));
        reader.getTerminal().flush();
    }

    private boolean taken(String line) {
        for (SideCommand side : sideCommands) {
            if (side.take(line.trim(), reader, messages.lang())) {
                return true;
            }
        }
        return false;
    }

    private TraceTimeline timeline() {
        int width = reader.getTerminal().getWidth();
        return new TraceTimeline(width > 0 ? width : 80, color, messages);
    }

    @Override
    public void onCall(TraceEvent event) {
        for (AttributedString row : timeline().rows(event, hex)) {
            print(row);
        }
    }

    @Override
    public void line(Side side, String text) {
        String label = messages.get(side == Side.SERVER ? "demo.column.server" : "demo.column.client");
        AttributedStringBuilder row = new AttributedStringBuilder();
        AttributedStyle style = AttributedStyle.BOLD.foreground(side == Side.SERVER ? AttributedStyle.CYAN : AttributedStyle.YELLOW);
        if (color) {
            row.styled(style, label);
        } else {
            row.append(label);
        }
        row.append(' ').append(text);
        print(row.toAttributedString());
    }

    @Override
    public Lang lang() {
        return messages.lang();
    }

    /** A message, not a timeline row: wrapped at word boundaries to the terminal's width. */
    private void printMessage(String message) {
        reader.printAbove(TextWrapper.wrapMessage(message, reader.getTerminal().getWidth()));
    }

    private void print(AttributedString row) {
        if (color) {
            reader.printAbove(row);
        } else {
            reader.printAbove(row.toString());
        }
    }
}
