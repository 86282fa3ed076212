package io.socketlab.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.course.Lesson;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.testing.Screen;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jline.reader.LineReader;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Drives a shell through a terminal built on streams, typing each step once the prompt is back. */
public final class ShellDriver {
    /** A step that is the interrupt a real terminal sends when Ctrl-C is pressed. */
    public static final String CTRL_C = "<ctrl-c>";
    /**
     * A step that presses Ctrl-C while a command runs, once the shell has printed the text that
     * follows this prefix: {@code CTRL_C_AFTER + "Checking"}. It does not wait for a prompt.
     */
    public static final String CTRL_C_AFTER = "<ctrl-c after>";
    /** Marks the start of every readLine: the shell waits for the learner. */
    private static final String PROMPT_READY = "\u001b[?2004h";

    private ShellDriver() {
    }

    /**
     * Runs the shell {@code shellOn} builds on an 80×200 terminal and types each of {@code steps}
     * once the shell is waiting at its prompt for it (as a learner does); returns everything the
     * shell printed. The shell must end (quit or Ctrl-D) with exit code 0.
     */
    public static String session(Function<Terminal, Shell> shellOn, String... steps) throws Exception {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 64 * 1024);
        Screen screen = new Screen();
        try (Terminal terminal = TerminalBuilder.builder().provider("exec").system(false).streams(in, screen)
                .type("xterm-256color").size(new Size(80, 200)).encoding(StandardCharsets.UTF_8).build()) {
            Shell shell = shellOn.apply(terminal);
            CompletableFuture<Integer> done = CompletableFuture.supplyAsync(shell::run);
            int prompts = 0;
            for (int i = 0; i < steps.length; i++) {
                if (steps[i].startsWith(CTRL_C_AFTER)) {
                    awaitText(screen, steps[i].substring(CTRL_C_AFTER.length()), done);
                    terminal.raise(Terminal.Signal.INT);
                    continue;
                }
                awaitPrompts(screen, ++prompts, done);
                if (steps[i].equals(CTRL_C)) {
                    terminal.raise(Terminal.Signal.INT);
                } else {
                    typing.write(steps[i].getBytes(StandardCharsets.UTF_8));
                    typing.flush();
                }
            }
            assertEquals(0, done.get(30, TimeUnit.SECONDS));
            return drained(terminal, screen);
        }
    }

    /**
     * Everything written to {@code terminal} so far, as it reached {@code screen}. On a terminal built
     * on streams, jline may run a pseudo-terminal whose pump thread copies output to the stream a
     * little later: read at once, the last line ("See you soon") was missing once in a few runs.
     * A marker is written after it all and awaited; the pty keeps order, so what came before is there.
     */
    public static String drained(Terminal terminal, Screen screen) throws InterruptedException {
        String marker = "<end of screen " + System.nanoTime() + ">";
        terminal.writer().print(marker);
        terminal.writer().flush();
        if (!screen.await(text -> text.contains(marker), Duration.ofSeconds(30))) {
            throw new AssertionError("the terminal never passed on its last output:\n" + screen.text());
        }
        String text = screen.text();
        return text.substring(0, text.indexOf(marker));
    }

    /**
     * A shell command {@code elsewhere} that changes the progress file of the course at
     * {@code root} as another SocketLab process would: through a store of its own.
     */
    public static Shell.Extension elsewhere(Path root, Consumer<Progress> change) {
        return new Shell.Extension() {
            @Override
            public Map<String, String> commands(Lang lang) {
                return Map.of("elsewhere", "another process records progress");
            }

            @Override
            public List<String> arguments(String command, Lesson lesson) {
                return List.of();
            }

            @Override
            public void run(String command, List<String> args, Lesson lesson, LineReader reader, Lang lang) {
                new ProgressStore(root, w -> { }).update(change);
            }
        };
    }

    private static void awaitPrompts(Screen screen, int count, CompletableFuture<?> done) throws InterruptedException {
        if (!screen.await(text -> occurrences(text, PROMPT_READY) >= count, Duration.ofSeconds(30), done::isDone)) {
            throw new AssertionError("the shell never showed prompt " + count + ":\n" + screen.text());
        }
    }

    private static void awaitText(Screen screen, String text, CompletableFuture<?> done) throws InterruptedException {
        if (!screen.await(shown -> shown.contains(text), Duration.ofSeconds(30), done::isDone)) {
            throw new AssertionError("the shell never printed \"" + text + "\":\n" + screen.text());
        }
    }

    private static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
