package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The course's exercises graded with the learner's code in a process of its own. */
// beside the other classes, and its tests with their own checkers beside each other; the
// reference solutions one after another, on the one warm checker they share
@Execution(ExecutionMode.CONCURRENT)
class GradingApartTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    /** One warm checker for every exercise, as a batch's worker keeps one. */
    private static ExerciseChecker warm;

    @BeforeAll
    static void startTheWarmChecker() {
        warm = new ExerciseChecker(Lang.EN, sandbox(), true);
    }

    @AfterAll
    static void endTheWarmChecker() {
        warm.close();
    }

    /**
     * Each reference solution passes apart, on one warm tests' JVM kept from exercise to exercise:
     * no exercise's tests leave behind what makes a batch start a fresh JVM for every student
     * (exercise 12's HttpClient keeps its threads and connections; the process-starting thread
     * appears in a warm JVM's first run).
     */
    @ParameterizedTest
    @Execution(ExecutionMode.SAME_THREAD)
    @ValueSource(strings = {"01-phone-server", "02-phone-client", "03-loop-server", "04-udp-upper", "05-chat-client",
            "06-send-all", "07-framing", "08-group-chat", "12-web-server"})
    void everyReferenceSolutionPassesEveryTestApart(String id) {
        Exercise exercise = exercise(id);
        TestJvm before = warm.waiting();
        CheckResult result = warm.run(exercise, List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir()));
        assertEquals("pass", result.status(), result.message() + "\n" + result.tests() + "\n" + result.output());
        assertNotNull(warm.waiting(), "a JVM waits for the next run");
        if (before != null) {
            assertSame(before, warm.waiting(), id + "'s tests left behind what a warm tests' JVM may not keep");
        }
    }

    /**
     * A batch's checker keeps the tests' JVM from one student to the next: the learner's code never
     * runs in it. Wrong, right, refused and right again get their own verdicts from the one JVM.
     */
    @Test
    void aWarmCheckerGradesStudentAfterStudentInOneTestsJvm(@TempDir Path tmp) throws Exception {
        Exercise exercise = exercise("01-phone-server");
        Path broken = Files.createDirectories(tmp.resolve("src"));
        Files.writeString(broken.resolve("Broken.java"), "class Broken { int x = ; }\n");
        try (ExerciseChecker checker = new ExerciseChecker(Lang.EN, sandbox(), true)) {
            List<Path> tests = List.of(exercise.testDir(), exercise.hiddenDir());
            assertEquals("fail", checker.run(exercise, with(exercise.srcDir(), tests)).status(), "the starter");
            TestJvm jvm = checker.waiting();
            assertNotNull(jvm, "a JVM waits for the next student");
            CheckResult right = checker.run(exercise, with(exercise.solutionDir(), tests));
            assertEquals("pass", right.status(), right.message() + "\n" + right.tests() + "\n" + right.output());
            CheckResult refused = checker.run(exercise, with(broken, tests));
            assertEquals("error", refused.status(), refused.message());
            assertTrue(refused.output().contains("Broken.java"), refused.output());
            CheckResult again = checker.run(exercise, with(exercise.solutionDir(), tests));
            assertEquals("pass", again.status(), again.message() + "\n" + again.tests() + "\n" + again.output());
            assertSame(jvm, checker.waiting(), "the same tests' JVM judged every student");
        }
    }

    /**
     * The warm JVM is killed after the run is ordered, before it began: the run goes on in a fresh
     * one, and the student is not told their code ended the JVM (it never ran there).
     */
    @Test
    void aWarmTestsJvmThatDiesBeforeTheRunIsReplacedWithoutBlame() throws Exception {
        Exercise exercise = exercise("01-phone-server");
        List<Path> tests = List.of(exercise.testDir(), exercise.hiddenDir());
        try (ExerciseChecker checker = new ExerciseChecker(Lang.EN, sandbox(), true)) {
            assertEquals("fail", checker.run(exercise, with(exercise.srcDir(), tests)).status(), "the starter");
            TestJvm jvm = checker.waiting();
            assertNotNull(jvm, "a JVM waits for the next student");
            ProcessHandle handle = jvm.process.toHandle();
            // stopped, it is still alive when taken, and reads no order
            assertEquals(0, new ProcessBuilder("kill", "-STOP", Long.toString(handle.pid())).start().waitFor());
            java.util.concurrent.CompletableFuture<CheckResult> run = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> checker.run(exercise, with(exercise.solutionDir(), tests)));
            Path ordered = jvm.work.resolve("tests-" + 2 + ".txt");
            for (int i = 0; i < 600 && !Files.exists(ordered) && !run.isDone(); i++) {
                Thread.sleep(50); // polling for a file the grader writes; no ordering rests on it
            }
            assertTrue(Files.exists(ordered), "the run was ordered on the stopped JVM");
            handle.destroyForcibly();
            CheckResult result = run.get(120, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals("pass", result.status(), result.message() + "\n" + result.tests() + "\n" + result.output());
        }
    }

    private static List<Path> with(Path learner, List<Path> tests) {
        List<Path> all = new ArrayList<>(List.of(learner));
        all.addAll(tests);
        return all;
    }

    /** The sandbox where it works (as grades use it), else none, so the bridge is still tried. */
    static Sandbox sandbox() {
        try {
            return Sandbox.of(Sandbox.Mode.AUTO);
        } catch (Sandbox.Unavailable e) {
            throw new AssertionError(e);
        }
    }

    static Exercise exercise(String id) {
        List<io.socketlab.course.Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(COURSE.resolve("exercises").resolve(id), problems);
        assertEquals(List.of(), problems);
        return exercise;
    }
}
