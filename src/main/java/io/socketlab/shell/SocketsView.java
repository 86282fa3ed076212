package io.socketlab.shell;

import io.socketlab.course.Lesson;
import io.socketlab.demo.live.LiveDemo;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.inspect.SocketRows;
import io.socketlab.inspect.SocketTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jline.reader.LineReader;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;

/**
 * {@code sockets} in the shell and inside a running demo: the kernel's table of this process's
 * sockets (or of one port, or all), with state, both ends and both queues, read when asked.
 */
public final class SocketsView implements Shell.Extension, LiveDemo.SideCommand {
    private final boolean color;
    private final SocketTable table;

    public SocketsView(boolean color) {
        this(color, SocketTable.forThisMachine());
    }

    /** A view of {@code table}; one table per shell, so ports seen earlier stay in view after a close. */
    public SocketsView(boolean color, SocketTable table) {
        this.color = color;
        this.table = table;
    }

    @Override
    public Map<String, String> commands(Lang lang) {
        Map<String, String> commands = new LinkedHashMap<>();
        commands.put("sockets", Messages.of("shell", lang).get("help.sockets"));
        return commands;
    }

    @Override
    public List<String> arguments(String command, Lesson lesson) {
        return List.of("all");
    }

    @Override
    public void run(String command, List<String> args, Lesson lesson, LineReader reader, Lang lang) {
        show(args, reader, lang);
    }

    @Override
    public String help(Lang lang) {
        return Messages.of("shell", lang).get("sockets.in.demo");
    }

    @Override
    public boolean take(String line, LineReader reader, Lang lang) {
        String[] words = line.split("\\s+");
        if (!words[0].equals("sockets")) {
            return false;
        }
        show(List.of(words).subList(1, words.length), reader, lang);
        return true;
    }

    private void show(List<String> args, LineReader reader, Lang lang) {
        Messages messages = Messages.of("shell", lang);
        SocketTable.Snapshot snapshot;
        String heading;
        if (args.isEmpty()) {
            snapshot = table.ofThisProcess();
            heading = "sockets.heading.process";
        } else if (args.get(0).equals("all")) {
            snapshot = table.all();
            heading = "sockets.heading.all";
        } else if (args.get(0).matches("\\d{1,5}") && Integer.parseInt(args.get(0)) <= 65535) {
            snapshot = table.onPort(Integer.parseInt(args.get(0)));
            heading = "sockets.heading.port";
        } else {
            reader.printAbove(messages.get("sockets.usage"));
            return;
        }
        if (!snapshot.available()) {
            reader.printAbove(snapshot.source().isEmpty() ? messages.get("sockets.none.here")
                    : messages.get("sockets.unavailable", snapshot.unavailable()));
            return;
        }
        reader.printAbove(styled(messages.get(heading, snapshot.source(), args.isEmpty() ? "" : args.get(0)), AttributedStyle.BOLD));
        if (snapshot.entries().isEmpty()) {
            reader.printAbove(messages.get("sockets.empty"));
            return;
        }
        List<String> rows = SocketRows.lines(snapshot.entries());
        reader.printAbove(styled("  " + rows.get(0), AttributedStyle.DEFAULT.foreground(AttributedStyle.CYAN)));
        for (String row : rows.subList(1, rows.size())) {
            reader.printAbove("  " + row);
        }
        reader.printAbove(styled(messages.get("sockets.legend"), AttributedStyle.DEFAULT.foreground(AttributedStyle.BRIGHT)));
    }

    private AttributedString styled(String text, AttributedStyle style) {
        return new AttributedString(text, color ? style : AttributedStyle.DEFAULT);
    }
}
