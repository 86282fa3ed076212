package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WatchSessionTest {
    @TempDir
    Path course;

    @Test
    void savingAFixShowsTheNewVerdictAndQQuits() throws Exception {
        Path source = Path.of("src/test/resources/fixtures/course/exercises/02-failing");
        Path target = course.resolve("exercises/02-failing");
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path p : walk.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        List<Exercise> exercises = ExerciseLoader.load(course, new ArrayList<>());
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        BlockingQueue<CheckResult> verdicts = new LinkedBlockingQueue<>();
        try (Terminal terminal = TerminalBuilder.builder().streams(new PipedInputStream(keys), screen)
                .type("xterm-256color").dumb(false).build()) {
            WatchSession session = new WatchSession(terminal, course, exercises, exercises.get(0), Lang.EN, false, true, e -> "the solution of " + e.id() + ", as rendered", verdicts::add);
            List<Throwable> crashed = new ArrayList<>();
            Thread loop = new Thread(() -> {
                try {
                    session.run();
                } catch (IOException | RuntimeException e) {
                    crashed.add(e);
                }
            });
            loop.start();
            CheckResult first = verdicts.poll(60, TimeUnit.SECONDS);
            assertNotNull(first);
            assertEquals("fail", first.status());

            keys.write('s');
            keys.flush();
            awaitScreen(screen, "unlocks once your code passes its tests");
            keys.write('c');
            keys.flush();
            CheckResult byHand = verdicts.poll(60, TimeUnit.SECONDS);
            assertNotNull(byHand, "c checks again without a save");
            assertEquals("fail", byHand.status());

            Files.copy(target.resolve("solution/Subject.java"), target.resolve("src/Subject.java"), StandardCopyOption.REPLACE_EXISTING);
            CheckResult second = verdicts.poll(60, TimeUnit.SECONDS);
            assertNotNull(second);
            assertEquals("pass", second.status());
            keys.write('s');
            keys.flush();
            awaitScreen(screen, "the solution of 02-failing, as rendered");

            keys.write('q');
            keys.flush();
            loop.join(30_000);
            assertFalse(loop.isAlive());
            assertEquals(List.of(), crashed);
            String shown = screen.toString(StandardCharsets.UTF_8);
            assertTrue(shown.contains("1 of 2 tests failed."), shown);
            assertTrue(shown.contains("All 2 tests passed."), shown);
            assertTrue(shown.contains("Bye."), shown);
            assertTrue(shown.contains("Press s to compare your code with the reference solution."), shown);
        }
    }

    /** Waits up to 10 s for {@code text} on the screen; fails with the screen otherwise. */
    private static void awaitScreen(ByteArrayOutputStream screen, String text) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!screen.toString(StandardCharsets.UTF_8).contains(text)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never shown: " + text + "\n" + screen.toString(StandardCharsets.UTF_8));
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
