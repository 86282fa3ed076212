package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

@Execution(ExecutionMode.CONCURRENT) // each test has a checker and JVMs of its own, and mostly waits on them
class ExerciseCheckerTest {
    static final Path FIXTURES = Path.of("src/test/resources/fixtures/course");

    static Exercise fixture(String id) {
        List<Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(FIXTURES.resolve("exercises").resolve(id), problems);
        assertEquals(List.of(), problems);
        return exercise;
    }

    private final ExerciseChecker checker = new ExerciseChecker(Lang.EN);

    @Test
    void passingExerciseScoresEveryPoint() {
        CheckResult result = checker.check(fixture("01-passing"));
        assertEquals("pass", result.status(), result.message());
        assertEquals(2, result.tests().size());
        assertEquals(4.0, result.points());
        assertEquals(4.0, result.maxPoints());
    }

    @Test
    void failingTestIsNamedWithItsTeachingMessage() {
        CheckResult result = checker.check(fixture("02-failing"));
        assertEquals("fail", result.status());
        TestResult failed = result.tests().stream().filter(t -> !t.passed()).findFirst().orElseThrow();
        assertEquals("upperCases", failed.name());
        assertTrue(failed.message().contains("the reply must be upper-cased"), failed.message());
        assertEquals(2.0, result.points());
    }

    @Test
    void infiniteLoopEndsAtTheTimeLimitWithAPlainVerdict() {
        CheckResult result = checker.check(fixture("03-infinite-loop"));
        assertEquals("fail", result.status());
        assertTrue(result.message().startsWith("A test ran for 2 s without finishing"), result.message());
        assertTrue(result.message().contains("infinite loop"), result.message());
        // what finished keeps its result; the test that hung and the one after it are named
        assertTrue(test(result, "countsToOne").passed(), test(result, "countsToOne").message());
        assertEquals("still running when the time limit of 2 s was reached: a loop that never ends, "
                + "or a call such as accept or read waiting for something that never comes", test(result, "spins").message());
        assertEquals("not run: the time limit was reached before this test started", test(result, "comesAfterTheSpin").message());
        assertEquals(List.of("countsToOne", "spins", "comesAfterTheSpin"), result.tests().stream().map(TestResult::name).toList());
        assertEquals(4.0 / 3, result.points(), 1e-9);
    }

    @Test
    void aSetupThatNeverReturnsIsNamedAsTheSetupNotAsATest() {
        CheckResult result = checker.check(fixture("22-hanging-setup"));
        assertEquals("fail", result.status(), result.message());
        assertTrue(result.message().startsWith("No test was running when the time limit of 2 s was reached: the setup before the tests"),
                result.message());
        assertEquals("not run: the time limit was reached before this test started", test(result, "isReady").message());
        Exercise solved = fixture("22-hanging-setup");
        assertEquals("pass", checker.run(solved, List.of(solved.solutionDir(), solved.testDir())).status());
    }

    @Test
    void theLimitIsPerTestSoHangsEndedByTheirOwnTimeoutDoNotCostTheTestsAfterThem() {
        // three hangs of 1 s each (their @Timeout) take longer than the 2 s limit in all
        CheckResult result = checker.check(fixture("17-slow-hangs"));
        assertEquals("fail", result.status(), result.message());
        assertEquals("3 of 4 tests failed.", result.message());
        assertTrue(test(result, "somethingElse").passed(), test(result, "somethingElse").message());
        assertTrue(test(result, "thirdWait").message().contains("timed out after 1 second"), test(result, "thirdWait").message());
    }

    @Test
    void aTestPastItsTimeoutFailsAloneEvenWhenItNeverLooksAtItsInterrupt() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            CheckResult result = warm.check(fixture("15-test-timeout"));
            assertEquals("fail", result.status(), result.message());
            assertTrue(test(result, "spins").message().contains("timed out after 1 second"), test(result, "spins").message());
            assertTrue(test(result, "runsAfterTheSpin").passed(), test(result, "runsAfterTheSpin").message());
            // the spinning thread cannot be stopped: that JVM is not used again
            String next = pid(warm.check(fixture("12-weights-and-output")));
            assertFalse(pid(result).equals(next), "the JVM with a spinning thread was used again: " + next);
            assertEquals(next, pid(warm.check(fixture("12-weights-and-output"))));
        }
    }

    @Test
    void aTestPastItsTimeoutSaysWhereTheLearnersCodeWasStillRunning() {
        String english = test(checker.check(fixture("15-test-timeout")), "spins").message();
        // the loop's condition or its body, whichever line it was on when the time was up
        assertTrue(english.matches("TimeoutException: spins\\(\\) timed out after 1 second"
                + " \\(still running at Spinner\\.java:[89] when the time was up\\)"), english);
        String chinese = test(new ExerciseChecker(Lang.ZH).check(fixture("15-test-timeout")), "spins").message();
        assertTrue(chinese.matches("TimeoutException: spins\\(\\) 超时：运行超过了 1 秒（时间到时还在 Spinner\\.java:[89] 运行）"), chinese);
    }

    @Test
    void systemExitIsReportedAsEndingEarly() {
        CheckResult result = checker.check(fixture("04-system-exit"));
        assertEquals("error", result.status());
        assertTrue(result.message().contains("System.exit"), result.message());
    }

    @Test
    void runtimeHaltIsReportedAsEndingEarly() {
        CheckResult result = checker.check(fixture("05-runtime-halt"));
        assertEquals("error", result.status());
        assertTrue(result.message().contains("Runtime.halt"), result.message());
    }

    @Test
    void threadThatNeverEndsDoesNotHoldTheVerdict() {
        assertEquals("pass", checker.check(fixture("06-endless-thread")).status());
    }

    @Test
    void socketLeftBoundDoesNotHoldTheVerdict() {
        assertEquals("pass", checker.check(fixture("07-bound-socket")).status());
    }

    @Test
    void hugeOutputIsCappedAndStillJudged() {
        CheckResult result = checker.check(fixture("08-huge-output"));
        assertEquals("pass", result.status(), result.message());
        assertTrue(result.output().length() < ExerciseChecker.OUTPUT_CAP + 200, "output kept: " + result.output().length());
        assertTrue(result.output().contains("more bytes dropped"));
    }

    @Test
    void noTestsIsAnErrorNeverAPass() {
        CheckResult result = checker.check(fixture("09-no-tests"));
        assertEquals("error", result.status());
        assertTrue(result.message().contains("No tests"), result.message());
    }

    @Test
    void aTestClassWhoseSetupThrowsFailsItsTestsInsteadOfFindingNone() {
        // @BeforeAll throwing fails the class: JUnit reports no result for its tests
        CheckResult result = checker.check(fixture("19-class-setup"));
        assertEquals("fail", result.status(), result.message());
        assertEquals("2 of 3 tests failed.", result.message());
        assertTrue(test(result, "keepsDigits").passed(), test(result, "keepsDigits").message());
        for (String name : List.of("upperCases", "keepsEmpty")) {
            assertTrue(test(result, name).message().startsWith("IllegalStateException: setup broke (at BrokenSetupTest.java:8)"),
                    test(result, name).message());
        }
        assertEquals(4.0 / 3, result.points(), 1e-9);
    }

    @Test
    void aStaticInitializerThatThrowsIsToldWithWhatItThrewAndWhere() {
        CheckResult result = checker.check(fixture("20-static-init"));
        assertEquals("fail", result.status(), result.message());
        assertEquals("ExceptionInInitializerError: IllegalStateException: no greeting yet (at Subject.java:7)",
                test(result, "upperCases").message());
        // the JVM tries a failed static initializer once: later tests are told where the cause is
        assertTrue(test(result, "keepsEmpty").message().startsWith("NoClassDefFoundError: Could not initialize class exercise.static_init.Subject"
                + " (its static initializer threw in an earlier test, which shows why)"), test(result, "keepsEmpty").message());
    }

    @Test
    void textWrittenStraightToStderrWithoutALineBreakDoesNotHideTheResults() {
        // the grader's own lines on stderr then follow the learner's text on the same line
        CheckResult result = checker.check(fixture("21-raw-stderr"));
        assertEquals("pass", result.status(), result.message() + "\n" + result.output());
        assertEquals(2, result.tests().size());
    }

    @Test
    void compileErrorShowsFileLineSourceAndCaret() {
        CheckResult result = checker.check(fixture("10-compile-error"));
        assertEquals("error", result.status());
        String shown = result.output();
        assertTrue(shown.contains("src/Subject.java:4: "), shown);
        assertTrue(shown.contains("    static int one() { return \"one\"; }"), shown);
        assertTrue(shown.lines().anyMatch(l -> l.strip().equals("^")), shown);
        String json = CheckReport.json(fixture("10-compile-error"), result);
        assertTrue(json.contains("\"max_points\" : " + (double) fixture("10-compile-error").points()), json);
        // javac's details under the caret name what it could not find, and where
        assertTrue(shown.contains("src/Subject.java:6: cannot find symbol\n        static Strin two()"), shown);
        assertTrue(shown.contains("^\n  symbol:   class Strin\n  location: class exercise.compile_error.Subject\n"), shown);

        try (ExerciseChecker zh = new ExerciseChecker(Lang.ZH)) {
            String chinese = zh.check(fixture("10-compile-error")).output();
            assertTrue(chinese.contains("src/Subject.java:6: 找不到符号"), chinese);
            assertTrue(chinese.contains("类 Strin"), chinese);
        }
    }

    @Test
    void printingPassedOnStdoutChangesNothing() {
        CheckResult result = checker.check(fixture("11-fake-passed"));
        assertEquals("fail", result.status());
        assertTrue(result.output().contains("All 1 tests passed."));
        assertFalse(result.passed());
    }

    @Test
    void jsonCarriesVersionStatusAndTests() {
        Exercise exercise = fixture("02-failing");
        String json = CheckReport.json(exercise, checker.check(exercise));
        assertTrue(json.contains("\"version\" : 1"), json);
        assertTrue(json.contains("\"status\" : \"fail\""), json);
        assertTrue(json.contains("\"max_points\" : 2.0"), json);
        assertTrue(json.contains("\"name\" : \"upperCases\""), json);
    }

    @Test
    void pointsAreSharedByTestWeightAndOutputIsKeptPerTest() {
        CheckResult result = checker.check(fixture("12-weights-and-output"));
        assertEquals("fail", result.status(), result.message());
        TestResult upper = test(result, "upperCases");
        assertEquals(3.0, upper.maxPoints());
        assertEquals(0.0, upper.points());
        assertEquals(1.0, test(result, "countsFromOne").maxPoints());
        assertEquals(2.0, result.points());
        assertEquals(5.0, result.maxPoints());
        assertTrue(upper.output().contains("shouting hello"), upper.output());
        assertFalse(test(result, "countsFromOne").output().contains("shouting"));
        String json = CheckReport.json(fixture("12-weights-and-output"), result);
        assertTrue(json.contains("\"output\" : \"shouting hello\\n\""), json);
    }

    @Test
    void warmCheckerReusesACleanJvmWithFreshClassesEachRun() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            CheckResult first = warm.check(fixture("12-weights-and-output"));
            CheckResult second = warm.check(fixture("12-weights-and-output"));
            // a static counter starts again from zero: each run loads the learner's classes anew
            assertTrue(test(first, "countsFromOne").passed(), test(first, "countsFromOne").message());
            assertTrue(test(second, "countsFromOne").passed(), test(second, "countsFromOne").message());
            assertEquals(pid(first), pid(second));
        }
    }

    @Test
    void anInterruptStopsARunningCheckAndItsJvm() throws Exception {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            java.util.concurrent.atomic.AtomicReference<CheckResult> result = new java.util.concurrent.atomic.AtomicReference<>();
            Thread checking = new Thread(() -> result.set(warm.check(fixture("03-infinite-loop"))), "checking");
            checking.start();
            // wait until the tests run (not javac), as when Ctrl-C comes during a long check
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (java.util.Arrays.stream(checking.getStackTrace()).noneMatch(f -> f.getMethodName().equals("runTests"))) {
                assertTrue(checking.isAlive() && System.nanoTime() < deadline, "the check never ran its tests");
                java.util.concurrent.locks.LockSupport.parkNanos(1_000_000); // look again in 1 ms, leaving the CPU to the code waited for
            }
            checking.interrupt();
            checking.join(10_000);
            assertFalse(checking.isAlive());
            assertEquals("error", result.get().status());
            assertEquals("Check stopped (Ctrl-C): nothing was judged.", result.get().message());
            // the looping JVM is gone; only the fresh spare waits
            assertEquals("pass", warm.check(fixture("01-passing")).status());
        }
    }

    @Test
    void aReplyThatNeverCameSaysWhereTheServerIs() {
        CheckResult result = checker.check(fixture("16-stuck-server"));
        String waiting = test(result, "waitsForALine").message();
        assertTrue(waiting.contains("[server] has not returned: it is at Stuck.java:14, waiting in BufferedReader.readLine"), waiting);
        String unflushed = test(result, "forgetsToFlush").message();
        assertTrue(unflushed.contains("[server] has already returned, yet the connection stayed open: it did not close the socket,"
                + " and what it wrote without a flush was never sent"), unflushed);
        String spinning = test(result, "spins").message();
        // the loop's condition or its body, whichever line it was on when asked
        assertTrue(spinning.matches("(?s).*\\[server] has not returned: it is busy at Stuck.java:3[12] \\(a loop that never ends\\?\\).*"), spinning);
    }

    @Test
    void anExceptionPointsAtTheLearnersLineAndNeverIntoAHiddenTest() {
        CheckResult result = checker.check(fixture("18-where"));
        // the JDK's frames and the test's are passed over for the learner's own line
        String thrown = test(result, "blankIsZero").message();
        assertTrue(thrown.startsWith("NumberFormatException: ") && thrown.endsWith(" (at Thrower.java:5)"), thrown);
        assertEquals("TimeoutException: nothing came", test(result, "waitsInVain").message());
        assertEquals("[client] received nothing", test(result, "saysOnlyWhatTheAuthorSaid").message());
        // JUnit shows "<hello" and ">" on the next line; the escapes show the line break itself
        assertTrue(test(result, "aLineBreakIsShown").message().endsWith("\n(with escapes: expected \"hello\", actual \"hello\\n\")"),
                test(result, "aLineBreakIsShown").message());
        // NUL bytes never reach the report raw: the values are shown once, with escapes
        assertEquals("the reply\n(with escapes: expected \"HELLO\", actual \"HELLO\" + \"\\x00\" * 1019)",
                test(result, "nulBytesAreNeverShownRaw").message());
        assertEquals("(with escapes: expected \"HELLO\", actual \"HELLO\\x00\")", test(result, "nulBytesWithoutAMessage").message());
        assertEquals("the reply\n（转义后：期望 \"HELLO\"，实际 \"HELLO\" + \"\\x00\" * 1019）",
                test(new ExerciseChecker(Lang.ZH).check(fixture("18-where")), "nulBytesAreNeverShownRaw").message());
        // assertThrows names the exception that came instead; where it came from is the learner's clue
        assertEquals("Unexpected exception type thrown, expected: <java.lang.ArithmeticException> but was: <java.lang.NumberFormatException>"
                + " (thrown at Thrower.java:5)", test(result, "theWrongExceptionIsShownWhereItWasThrown").message());
        assertTrue(test(new ExerciseChecker(Lang.ZH).check(fixture("18-where")), "theWrongExceptionIsShownWhereItWasThrown").message()
                .endsWith("实际：<java.lang.NumberFormatException>（抛出位置：Thrower.java:5）"));
    }

    @Test
    void aWarmJvmPutsBackTheDefaultsLearnerCodeChanged() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            CheckResult first = warm.check(fixture("14-jvm-defaults"));
            CheckResult second = warm.check(fixture("14-jvm-defaults"));
            // locale, time zone and system properties set by one run are not seen by the next
            assertEquals("pass", first.status(), first.tests().toString());
            assertEquals("pass", second.status(), second.tests().toString());
        }
    }

    @Test
    void aThreadLeftRunningRetiresTheWarmJvm() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            String before = pid(warm.check(fixture("12-weights-and-output")));
            assertEquals("pass", warm.check(fixture("06-endless-thread")).status());
            String after = pid(warm.check(fixture("12-weights-and-output")));
            assertFalse(before.equals(after), "the JVM with the endless thread was used again: " + before);
            assertEquals(after, pid(warm.check(fixture("12-weights-and-output"))));
        }
    }

    @Test
    void aJvmEndedByTheLearnerIsReplacedForTheNextCheck() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.EN, true)) {
            assertEquals("error", warm.check(fixture("04-system-exit")).status());
            assertEquals("pass", warm.check(fixture("01-passing")).status());
        }
    }

    @Test
    void testMessagesAreInTheLearnersLanguage() {
        CheckResult english = checker.check(fixture("13-bilingual"));
        assertEquals("fail", english.status(), english.message());
        assertTrue(test(english, "upperCases").message().startsWith("the reply must be upper-cased"),
                test(english, "upperCases").message());
        String testkit = test(english, "answersOverTcp").message();
        assertTrue(testkit.startsWith("expected \"HELLO\" but received nothing before the connection closed\n"), testkit);
        assertTrue(testkit.contains("[client] sent \"hello\" (5 bytes)"), testkit);

        try (ExerciseChecker zh = new ExerciseChecker(Lang.ZH)) {
            CheckResult chinese = zh.check(fixture("13-bilingual"));
            assertEquals("fail", chinese.status(), chinese.message());
            String said = test(chinese, "upperCases").message();
            assertTrue(said.startsWith("回复必须是大写"), said);
            assertFalse(said.contains("upper-cased"), said);
            // JUnit's own "expected: <..> but was: <..>" is said in Chinese too
            assertTrue(said.endsWith("期望：<HELLO>，实际：<hello>"), said);
            testkit = test(chinese, "answersOverTcp").message();
            assertTrue(testkit.startsWith("期望收到 \"HELLO\"，但连接关闭前什么也没收到\n"), testkit);
            assertTrue(testkit.contains("[客户端] 发送了 \"hello\"（5 字节）"), testkit);
        }
    }

    @Test
    void aWarmJvmStartedToReplaceAnotherKeepsTheLanguage() {
        try (ExerciseChecker warm = new ExerciseChecker(Lang.ZH, true)) {
            assertEquals("error", warm.check(fixture("04-system-exit")).status());
            // this run takes the spare JVM started when the first one ended
            String said = test(warm.check(fixture("13-bilingual")), "upperCases").message();
            assertTrue(said.startsWith("回复必须是大写"), said);
        }
    }

    @Test
    void aHiddenTestIsMarkedHiddenByTheFolderItCameFromEvenWithAVisibleTestsName(@TempDir Path temp) throws Exception {
        Exercise exercise = copyWithHiddenTwin(temp);
        CheckResult result = checker.run(exercise, List.of(exercise.srcDir(), exercise.testDir(), exercise.hiddenDir()));
        assertEquals("pass", result.status(), result.message());
        // SubjectTest and SubjectTwin (a name without "Hidden") both have upperCases
        assertEquals(java.util.Set.of("upperCases false", "keepsEmpty false", "upperCases true", "keepsDigits true"),
                result.tests().stream().map(t -> t.name() + " " + t.hidden()).collect(java.util.stream.Collectors.toSet()),
                result.tests().toString());
    }

    /** 01-passing with a hidden/ test class whose name and methods look like the visible ones. */
    static Exercise copyWithHiddenTwin(Path temp) throws java.io.IOException {
        Path dir = io.socketlab.TestFiles.copyTree(FIXTURES.resolve("exercises/01-passing"), temp.resolve("01-passing"));
        java.nio.file.Files.createDirectories(dir.resolve("hidden"));
        java.nio.file.Files.writeString(dir.resolve("hidden/SubjectTwin.java"), """
                package exercise.passing;

                import static org.junit.jupiter.api.Assertions.*;
                import org.junit.jupiter.api.Test;

                class SubjectTwin {
                    @Test void upperCases() { assertEquals("HI", Subject.shout("hi")); }
                    @Test void keepsDigits() { assertEquals("1", Subject.shout("1")); }
                }
                """);
        List<Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(dir, problems);
        assertEquals(List.of(), problems);
        return exercise;
    }

    private static TestResult test(CheckResult result, String name) {
        return result.tests().stream().filter(t -> t.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no test " + name + " in " + result.tests()));
    }

    private static String pid(CheckResult result) {
        String output = test(result, "reportsItsJvm").output();
        assertTrue(output.startsWith("pid "), output);
        return output.strip();
    }
}
