package io.socketlab.cli;

import io.socketlab.render.RenderOptions;
import io.socketlab.shell.DemoExtension;
import io.socketlab.shell.SocketsView;
import io.socketlab.shell.Shell;
import io.socketlab.course.Course;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jline.terminal.Terminal;

/** With no verb: the interactive course at the learner's current chapter. */
final class ShellCommand {
    private final Main main;

    ShellCommand(Main main) {
        this.main = main;
    }

    Integer call() {
        Workspace ws = main.workspace();
        // the course loads while the terminal opens: each takes tens of milliseconds of the start
        CompletableFuture<Course> loading = CompletableFuture.supplyAsync(ws::course, task -> {
            Thread thread = new Thread(task, "course-loading");
            thread.setDaemon(true);
            thread.start();
        });
        try (Terminal terminal = main.terminals().open()) {
            var course = loaded(loading);
            boolean dumb = Terminal.TYPE_DUMB.equals(terminal.getType()) || Terminal.TYPE_DUMB_COLOR.equals(terminal.getType());
            boolean color = !ws.options().plainRequested() && !dumb;
            boolean ascii = !color || RenderOptions.asciiWanted(ws.options().env());
            SocketsView sockets = new SocketsView(color);
            Shell.Settings settings = new Shell.Settings(color, ascii, course.root().resolve(".socketlab").resolve("history"));
            return new Shell(terminal, course, ws.options().shellLang(ws.progress().language()), ws.progressStore(), settings,
                    List.of(new DemoExtension(course, color, ws.progressStore(), List.of(sockets)), sockets,
                            new ExerciseExtension(course.root(), ws.progressStore(), color))).run();
        } catch (IOException e) {
            loaded(loading);  // a course that cannot load says so before the terminal's trouble
            ws.err().println("socketlab: cannot open the terminal: " + e.getMessage());
            return 1;
        }
    }

    /** The course loaded beside the terminal; what stopped its loading is thrown here, as if loaded here. */
    private static Course loaded(CompletableFuture<Course> loading) {
        try {
            return loading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        }
    }
}
