package io.socketlab.cli;

import io.socketlab.render.RenderOptions;
import io.socketlab.shell.DemoExtension;
import io.socketlab.shell.SocketsView;
import io.socketlab.shell.Shell;
import java.io.IOException;
import java.util.List;
import org.jline.terminal.Terminal;

/** With no verb: the interactive course at the learner's current chapter. */
final class ShellCommand {
    private final Main main;

    ShellCommand(Main main) {
        this.main = main;
    }

    Integer call() {
        Workspace ws = main.workspace();
        var course = ws.course();
        try (Terminal terminal = main.terminals().open()) {
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            boolean color = !ws.options().plainRequested() && !dumb;
            boolean ascii = !color || RenderOptions.asciiWanted(ws.options().env());
            SocketsView sockets = new SocketsView(color);
            Shell.Settings settings = new Shell.Settings(color, ascii, course.root().resolve(".socketlab").resolve("history"));
            return new Shell(terminal, course, ws.options().shellLang(ws.progress().language()), ws.progressStore(), settings,
                    List.of(new DemoExtension(course, color, ws.progressStore(), List.of(sockets)), sockets,
                            new ExerciseExtension(course.root(), ws.progressStore(), color))).run();
        } catch (IOException e) {
            ws.err().println("socketlab: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }
}
