package io.socketlab.practice;

import io.socketlab.testing.Screen;

import io.socketlab.grade.CheckResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.TestFiles;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import io.socketlab.progress.ProgressStore;
import io.socketlab.shell.ShellDriver;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives watch through a terminal built on streams: saves, keys, and what the learner sees. */
class WatchSessionTest {
    @TempDir
    Path course;

    @Test
    void savingAFixShowsTheNewVerdictAndQQuits() throws Exception {
        Path target = copyFixture("02-failing");
        try (Watch watch = new Watch(0)) {
            assertEquals("fail", watch.verdict().status());

            watch.press('s');
            watch.awaitScreen("unlocks once your code passes its tests");
            watch.press('c');
            assertEquals("fail", watch.verdict().status(), "c checks again without a save");

            save(target.resolve("src/Subject.java"), Files.readString(target.resolve("solution/Subject.java")));
            assertEquals("pass", watch.verdict().status());
            watch.press('s');
            watch.awaitScreen("the solution of 02-failing, as rendered");

            String shown = watch.quit();
            assertTrue(shown.contains("1 of 2 tests failed."), shown);
            assertTrue(shown.contains("All 2 tests passed."), shown);
            assertTrue(shown.contains("Bye."), shown);
            assertTrue(shown.contains("Press s to compare your code with the reference solution."), shown);
        }
    }

    /**
     * With file events, a save is checked when its event comes, not at the loop's next tick: with
     * a tick of ten minutes the verdict still comes (jline's read with a timeout had made every
     * save wait for the tick, up to 100 ms each time).
     */
    @Test
    void aSaveIsCheckedOnItsFileEventNotAtTheNextTick() throws Exception {
        Path target = copyFixture("02-failing");
        try (Watch watch = new Watch(0, false, TimeUnit.MINUTES.toMillis(10))) {
            assertEquals("fail", watch.verdict().status());
            save(target.resolve("src/Subject.java"), Files.readString(target.resolve("solution/Subject.java")));
            assertEquals("pass", watch.verdict().status(), "the save's event woke the loop");
            String shown = watch.quit();
            assertTrue(shown.contains("Bye."), shown);
        }
    }

    @Test
    void keysForNextHintListAndResetDoWhatTheySay() throws Exception {
        copyFixture("01-passing");
        Path failing = copyFixture("02-failing");
        StarterSnapshot.keepAll(course);
        try (Watch watch = new Watch(0)) {
            assertEquals("pass", watch.verdict().status());
            watch.awaitScreen("Press n for the next exercise, 02-failing.");
            watch.press('n');
            assertEquals("fail", watch.verdict().status());
            // a new exercise says what to read and where to write
            watch.awaitScreen("02-failing: Fixture 02-failing. Read exercises/02-failing/README.md, write your code in exercises/02-failing/src;");
            watch.press('n');
            watch.awaitScreen("This is the last exercise not passed yet: n has nowhere else to go.");

            watch.press('h');
            watch.awaitScreen("Hint 1/2 for 02-failing:\n  first hint");
            watch.press('l');
            watch.awaitScreen("   [x] 01-passing");
            watch.awaitScreen(" > [ ] 02-failing");

            Path subject = failing.resolve("src/Subject.java");
            String starter = Files.readString(subject);
            save(subject, "class Subject { broken");
            assertEquals("error", watch.verdict().status());
            watch.press('r');
            watch.awaitScreen("Restore the starter code of 02-failing?");
            watch.press('n');
            watch.awaitScreen("Nothing changed.");
            assertEquals("class Subject { broken", Files.readString(subject));
            watch.press('r');
            watch.press('y');
            watch.awaitScreen("Restored the starter code of 02-failing.");
            assertEquals(starter, Files.readString(subject));
            assertEquals("fail", watch.verdict().status(), "the restored starter is checked again");

            watch.quit();
        }
        assertEquals(1, new ProgressStore(course, w -> { }).load().hintsShown("02-failing"));
        assertTrue(new ProgressStore(course, w -> { }).load().isDone("01-passing"));
    }

    @Test
    void theListMarksTheExerciseWatchStartedOn() throws Exception {
        copyFixture("01-passing");
        copyFixture("02-failing");
        try (Watch watch = new Watch(1)) {
            assertEquals("fail", watch.verdict().status());
            watch.press('l');
            watch.awaitScreen("   [ ] 01-passing");
            watch.awaitScreen(" > [ ] 02-failing");
            // 01 is not passed either: n says how to go there without passing this one
            watch.press('n');
            watch.awaitScreen("The next exercise opens once this one passes. To skip this one, press q and run ./socketlab watch 01-passing.");
            watch.quit();
        }
    }

    @Test
    void afterTheLastExerciseNOffersTheOneStillUnfinished() throws Exception {
        copyFixture("01-passing");
        copyFixture("02-failing");
        Path last = copyFixture("12-weights-and-output");
        Files.copy(last.resolve("solution/Subject.java"), last.resolve("src/Subject.java"), StandardCopyOption.REPLACE_EXISTING);
        new ProgressStore(course, w -> { }).update(progress -> progress.markDone("01-passing"));
        try (Watch watch = new Watch(2)) {
            assertEquals("pass", watch.verdict().status());
            // 02 was skipped: it comes back after the last exercise
            watch.awaitScreen("Press n for the next exercise, 02-failing.");
            watch.press('n');
            assertEquals("fail", watch.verdict().status());
            save(course.resolve("exercises/02-failing/src/Subject.java"),
                    Files.readString(course.resolve("exercises/02-failing/solution/Subject.java")));
            assertEquals("pass", watch.verdict().status());
            watch.awaitScreen("Every exercise passes now. Well done!");
            watch.press('n');
            String shown = watch.quit();
            assertFalse(shown.contains("The next exercise opens once this one passes."), shown);
        }
    }

    @Test
    void aSaveDuringAHangingCheckStopsItAndChecksTheNewCode() throws Exception {
        Path looping = copyFixture("03-infinite-loop");
        try (Watch watch = new Watch(0)) {
            watch.awaitScreen("Checking 03-infinite-loop");
            // while its tests spin (until a 2 s limit), the learner saves a fix
            save(looping.resolve("src/Subject.java"),
                    "package exercise.infinite_loop;\n\npublic final class Subject {\n    static int spin() { return 1; }\n}\n");
            CheckResult first = watch.verdict();
            assertEquals("pass", first.status(), "the hanging check was reported instead of being stopped: " + first.message());
            String shown = watch.quit();
            assertFalse(shown.contains("did not finish within"), shown);
        }
    }

    @Test
    void theAnswerTypedAfterAnRDuringACheckAnswersItsQuestion() throws Exception {
        copyFixture("03-infinite-loop");
        StarterSnapshot.keepAll(course);
        try (Watch watch = new Watch(0)) {
            watch.awaitScreen("Checking 03-infinite-loop");
            // r waits for the check (its tests spin until a 2 s limit); the y typed after it must not be lost
            watch.press('r');
            watch.press('y');
            assertEquals("fail", watch.verdict().status());
            watch.awaitScreen("Restored the starter code of 03-infinite-loop.");
            String shown = watch.quit();
            assertFalse(shown.contains("Nothing changed."), shown);
        }
    }

    /**
     * Saves as most editors do, whole at once (a new file renamed over the old): a save written in
     * place can be seen half done, which checks twice and queues a verdict the test does not expect.
     */
    @Test
    void ctrlCEndsWatchLikeQAndGivesTheTerminalItsEchoBack() throws Exception {
        copyFixture("02-failing");
        try (Watch watch = new Watch(0)) {
            assertEquals("fail", watch.verdict().status());
            assertFalse(watch.terminal.getAttributes().getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ECHO), "watch reads keys raw");
            watch.terminal.raise(Terminal.Signal.INT);
            String shown = watch.ended();
            assertTrue(shown.contains("Bye."), shown);
            assertTrue(watch.terminal.getAttributes().getLocalFlag(org.jline.terminal.Attributes.LocalFlag.ECHO),
                    "the learner's shell gets its echo back");
        }
    }

    @Test
    void nOnAnExercisePassedBeforeWithEveryOtherPassedSaysAllIsDone() throws Exception {
        copyFixture("01-passing");
        copyFixture("02-failing");
        new ProgressStore(course, w -> { }).update(progress -> {
            progress.markDone("01-passing");
            progress.markDone("02-failing");
        });
        try (Watch watch = new Watch(1)) {
            // passed once, failing now after an edit: the list shows every exercise done
            assertEquals("fail", watch.verdict().status());
            watch.press('n');
            watch.awaitScreen("Every exercise passes now. Well done!");
            String shown = watch.quit();
            assertFalse(shown.contains("This is the last exercise not passed yet"), shown);
        }
    }

    private void save(Path file, String content) throws IOException {
        // written outside the watched folders, so that only the rename is seen
        Path written = Files.writeString(course.resolve("saving.tmp"), content);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Copies a fixture exercise into this test's course; returns its folder. */
    private Path copyFixture(String id) throws IOException {
        return TestFiles.copyFixture(id, course);
    }

    /** A watch session on its own thread, in polling mode, fed keys and read from its screen. */
    private final class Watch implements AutoCloseable {
        private final PipedOutputStream keys = new PipedOutputStream();
        private final Screen screen = new Screen();
        private final BlockingQueue<CheckResult> verdicts = new LinkedBlockingQueue<>();
        private final List<Throwable> crashed = new ArrayList<>();
        final Terminal terminal;
        private final Thread loop;

        Watch(int startAt) throws IOException {
            this(startAt, true, 0);
        }

        /** @param tickMillis the wait between looks at file times, or 0 for watch's own */
        Watch(int startAt, boolean poll, long tickMillis) throws IOException {
            List<Exercise> exercises = ExerciseLoader.load(course, new ArrayList<>());
            terminal = TerminalBuilder.builder().provider("exec").streams(new PipedInputStream(keys), screen)
                    .type("xterm-256color").dumb(false).build();
            // loaded again, as watch's command picks its start apart from the list: equal, not the same object
            Exercise start = ExerciseLoader.load(course, new ArrayList<>()).get(startAt);
            WatchSession session = new WatchSession(terminal, course, exercises, start, Lang.EN, false, poll,
                    e -> "the solution of " + e.id() + ", as rendered", verdicts::add);
            if (tickMillis > 0) {
                session.tick(tickMillis);
            }
            loop = new Thread(() -> {
                try {
                    session.run();
                } catch (IOException | RuntimeException e) {
                    crashed.add(e);
                }
            }, "watch-under-test");
            loop.start();
        }

        CheckResult verdict() throws InterruptedException {
            CheckResult result = verdicts.poll(60, TimeUnit.SECONDS);
            assertNotNull(result, "no verdict within 60 s:\n" + text());
            return result;
        }

        void press(char key) throws IOException {
            keys.write(key);
            keys.flush();
        }

        /** Waits up to 30 s for {@code text} on the screen; fails with the screen otherwise. */
        void awaitScreen(String text) throws InterruptedException {
            if (!screen.await(shown -> shown.replace("\r\n", "\n").contains(text), Duration.ofSeconds(30))) {
                throw new AssertionError("never shown: " + text + "\n" + text());
            }
        }

        /** Presses q and returns the whole screen once the session has ended. */
        String quit() throws Exception {
            press('q');
            return ended();
        }

        /** The whole screen once the session has ended by itself. */
        String ended() throws Exception {
            loop.join(30_000);
            assertFalse(loop.isAlive());
            assertEquals(List.of(), crashed);
            return ShellDriver.drained(terminal, screen);
        }

        private String text() {
            return screen.text();
        }

        @Override
        public void close() throws Exception {
            if (loop.isAlive()) {
                quit();
            }
            terminal.close();
        }
    }
}
