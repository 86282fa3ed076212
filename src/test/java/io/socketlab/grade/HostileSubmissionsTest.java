package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.TestFiles;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Submissions out to cheat or to harm (src/test/resources/submissions), graded as grades are made:
 * the learner's code in a process of its own, in the sandbox where it works. Each test names the
 * line of the threat model in docs/instructors.md it backs.
 */
@Execution(ExecutionMode.CONCURRENT) // each submission is graded in folders of its own, mostly waiting on child JVMs
class HostileSubmissionsTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path SUBMISSIONS = COURSE.resolve("src/test/resources/submissions");

    /** Only the course's tests are run: a student's own test class and test factory never count. */
    @Test
    void aStudentsOwnTestsAndTestFactoryNeverCount() {
        CheckResult own = grade("own-tests");
        CheckResult plain = grade("wrong");
        assertEquals("fail", own.status(), own.message());
        assertEquals(plain.points(), own.points(), 1e-9, own.tests().toString());
        assertEquals(plain.tests().size(), own.tests().size(), own.tests().toString());
        assertTrue(own.tests().stream().noneMatch(t -> t.name().equals("alwaysPasses") || t.name().startsWith("pass ")),
                own.tests().toString());
        // the fast path of check searches the course's test classes alone as well
        Exercise exercise = sendAll();
        CheckResult checked = new ExerciseChecker(Lang.EN).run(exercise, List.of(src("own-tests"), exercise.testDir()));
        assertTrue(checked.tests().stream().noneMatch(t -> t.name().equals("alwaysPasses")), checked.tests().toString());
    }

    @Test
    void aClassNamedLikeACourseTestIsRefusedWithItsName() {
        CheckResult result = grade("shadowing");
        assertEquals("error", result.status(), result.message());
        assertEquals(0, result.points());
        assertTrue(result.output().contains("src/exercise/send_all/TransfersTest.java defines exercise.send_all.TransfersTest,"
                + " the name of a class of the course's tests"), result.output());
    }

    /** The learner's process never holds the run's token nor the results' path: a heap dump finds neither. */
    @Test
    void aHeapDumpFindsNoTokenToForgeAResultWith() {
        CheckResult forged = grade("heap-dump-forgery");
        assertEquals("fail", forged.status(), forged.message() + "\n" + forged.output());
        assertEquals(grade("wrong").points(), forged.points(), 1e-9);
        assertTrue(forged.tests().stream().noneMatch(t -> t.name().equals("forged")), forged.tests().toString());
        assertTrue(forged.output().contains("FORGERY-NO-TOKEN"), forged.output());
    }

    /** The sandbox shows the learner's process its own folder only: the course's tests cannot be rewritten. */
    @Test
    void theCoursesTestsCannotBeRewritten(@TempDir Path temp) throws IOException {
        needsTheSandbox();
        Path course = temp.resolve("course");
        TestFiles.copyTree(COURSE.resolve("exercises/06-send-all"), course.resolve("exercises/06-send-all"));
        Files.writeString(course.resolve("rewrite-me.marker"), "the fixture rewrites the tests beside this file");
        Path test = course.resolve("exercises/06-send-all/test/exercise/send_all/TransfersTest.java");
        String before = Files.readString(test);
        List<Problem> problems = new ArrayList<>();
        Exercise copy = ExerciseLoader.loadOne(course.resolve("exercises/06-send-all"), problems);
        CheckResult result = run(copy, src("rewrites-tests"), SUBMISSIONS.resolve("rewrites-tests"));
        assertEquals(before, Files.readString(test));
        assertFalse(result.output().contains("REWROTE"), result.output());
        assertEquals("fail", result.status(), result.message());
    }

    /** Nothing the learner's code starts outlives the run, not even a process that left its process tree. */
    @Test
    void aDetachedProcessDoesNotOutliveTheRun() throws IOException {
        needsTheSandbox();
        try {
            CheckResult result = grade("detached-process");
            assertEquals("pass", result.status(), result.message() + "\n" + result.output());
            assertEquals(List.of(), sleepers());
        } finally {
            sleepers().forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /** As root the learner's process runs as a uid of its own, limited to {@link Sandbox#MAX_PROCESSES} processes and threads. */
    @Test
    void aThreadBombStopsAtTheProcessLimit() {
        needsTheSandbox();
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "the process limit is set for a uid of its own as root");
        CheckResult result = grade("fork-bomb");
        Matcher counts = Pattern.compile("THREADS (\\d+)").matcher(result.output());
        int most = 0;
        while (counts.find()) {
            most = Math.max(most, Integer.parseInt(counts.group(1)));
        }
        assertTrue(most > 0, result.output());
        assertTrue(most < Sandbox.MAX_PROCESSES, "started " + most + " threads\n" + result.output());
    }

    /** The learner's process shares a network with the tests' JVM alone: this machine's loopback is out of reach. */
    @Test
    void aServiceOnThisMachinesLoopbackIsOutOfReach(@TempDir Path temp) throws IOException {
        needsTheSandbox();
        try (ServerSocket outside = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path student = temp.resolve("student");
            TestFiles.copyTree(SUBMISSIONS.resolve("connects-outside"), student);
            Path source = student.resolve("src/exercise/send_all/Transfers.java");
            Files.writeString(source, Files.readString(source).replace("OUTSIDE_PORT = 9;", "OUTSIDE_PORT = " + outside.getLocalPort() + ";"));
            CheckResult result = run(sendAll(), student.resolve("src"), student);
            assertTrue(result.output().contains("OUTSIDE-REFUSED"), result.output());
            outside.setSoTimeout(200);
            // a connection made during the run would be waiting in the backlog
            try {
                outside.accept().close();
                throw new AssertionError("the learner's code connected to this machine's loopback\n" + result.output());
            } catch (SocketTimeoutException expected) {
                assertEquals("pass", result.status(), result.message());
            }
        }
    }

    /** Output is read in bounded memory whatever its line lengths. */
    @Test
    void twoHundredMegabytesOnStderrWithoutALineBreakAreCappedAndTheCodeStillJudged() {
        CheckResult result = grade("stderr-flood");
        assertEquals("pass", result.status(), result.message());
        assertEquals(10.0, result.points(), 1e-9);
        assertTrue(result.output().length() < 20_000, "output kept: " + result.output().length());
    }

    /** A run that ends early keeps the points of the tests that finished, names the one running, and goes on. */
    @Test
    void anExitOnOneEdgeCaseCostsThatTestAloneAndTheTestsAfterItStillRun() {
        CheckResult result = grade("exit-on-one-path");
        assertEquals("fail", result.status(), result.message());
        List<TestResult> failed = result.tests().stream().filter(t -> !t.passed()).toList();
        assertEquals(List.of("readExactlyZeroBytesReturnsAtOnce"), failed.stream().map(TestResult::name).toList(), result.tests().toString());
        assertTrue(failed.get(0).message().startsWith("your code ended the process that runs it during this test (exit status 3"),
                failed.get(0).message());
        assertEquals(10 - failed.get(0).maxPoints(), result.points(), 1e-9);
    }

    private static void needsTheSandbox() {
        Assumptions.assumeTrue(Sandbox.unavailableReason() == null, () -> "no sandbox here: " + Sandbox.unavailableReason());
    }

    private static CheckResult grade(String fixture) {
        return run(sendAll(), src(fixture), SUBMISSIONS.resolve(fixture));
    }

    private static CheckResult run(Exercise exercise, Path src, Path student) {
        return new ExerciseChecker(Lang.EN, Sandbox.auto()).run(exercise, List.of(src, exercise.testDir(), exercise.hiddenDir()), student);
    }

    private static Path src(String fixture) {
        return SUBMISSIONS.resolve(fixture).resolve("src");
    }

    private static Exercise sendAll() {
        List<Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(COURSE.resolve("exercises/06-send-all"), problems);
        assertEquals(List.of(), problems);
        return exercise;
    }

    /** The pids of the fixture's detached {@code sleep 987.654}. */
    static List<Long> sleepers() throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (command.equals("sleep\0" + "987.654\0")) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended while it was looked at
                }
            }
        }
        return pids;
    }
}
