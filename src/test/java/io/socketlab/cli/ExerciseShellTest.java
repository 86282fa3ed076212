package io.socketlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Course;
import io.socketlab.course.CourseLoader;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.Progress;
import io.socketlab.progress.ProgressStore;
import io.socketlab.shell.Shell;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** check, hint and solution typed at the shell's prompt, on the chapter's exercise. */
@Timeout(60)
class ExerciseShellTest {
    private static final String PROMPT_READY = "\u001b[?2004h";

    @TempDir
    Path root;

    @BeforeEach
    void course() throws IOException {
        Path from = Path.of("src/test/resources/fixtures/course/exercises/01-passing");
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path to = root.resolve("exercises/01-passing").resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        write("lessons/en/01-first.md", "---\ntitle: Shouting\nexercises: [01-passing]\n---\n\nBody.\n");
        write("lessons/zh/01-first.md", "---\ntitle: 大喊\nexercises: [01-passing]\n---\n\n正文。\n");
    }

    @Test
    void hintCheckAndSolutionWorkOnTheChaptersExercise() throws Exception {
        String screen = session("hint\r", "solution\r", "check\r", "solution\r", "quit\r");
        assertTrue(screen.contains("Hint 1/2 for 01-passing:"), screen);
        assertTrue(screen.contains("first hint"), screen);
        assertTrue(screen.contains("The reference solution of 01-passing unlocks once your code passes its tests."), screen);
        assertTrue(screen.contains("All 2 tests passed."), screen);
        assertTrue(screen.contains("type \"solution 01-passing\""), screen);
        assertTrue(screen.contains("Reference solution of 01-passing"), screen);
        assertTrue(screen.contains("solution/Subject.java"), screen);
        assertTrue(screen.contains("static String shout"), screen);
        Progress saved = new ProgressStore(root, w -> { }).load();
        assertTrue(saved.isDone("01-passing"));
        assertEquals(1, saved.hintsShown("01-passing"));
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** Runs the shell with the exercise commands and types each step once the prompt is back. */
    private String session(String... steps) throws Exception {
        Course course = new CourseLoader(Workspace.demoIds()).load(root);
        ProgressStore store = new ProgressStore(root, w -> { });
        Progress progress = store.load();
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream in = new PipedInputStream(typing, 64 * 1024);
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        try (Terminal terminal = TerminalBuilder.builder().system(false).streams(in, screen)
                .type("xterm-256color").size(new Size(80, 200)).encoding(StandardCharsets.UTF_8).build()) {
            Shell shell = new Shell(terminal, course, Lang.EN, store, progress,
                    new Shell.Settings(false, true, root.resolve(".socketlab/history")),
                    List.of(new ExerciseExtension(root, progress, false)));
            CompletableFuture<Integer> done = CompletableFuture.supplyAsync(shell::run);
            for (int i = 0; i < steps.length; i++) {
                awaitPrompts(screen, i + 1, done);
                typing.write(steps[i].getBytes(StandardCharsets.UTF_8));
                typing.flush();
            }
            assertEquals(0, done.get(30, TimeUnit.SECONDS));
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static void awaitPrompts(ByteArrayOutputStream screen, int count, CompletableFuture<?> done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (screen.toString(StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(PROMPT_READY), -1).length - 1 < count) {
            if (done.isDone() || System.nanoTime() > deadline) {
                throw new AssertionError("the shell never showed prompt " + count + ":\n" + screen.toString(StandardCharsets.UTF_8));
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
