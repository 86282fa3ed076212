package io.socketlab.instructor;

import io.socketlab.grade.TestResult;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckResult;
import io.socketlab.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Grades every fixture in src/test/resources/submissions against exercise 06-send-all in one batch:
 * honest, wrong and hostile submissions each get their own verdict, and none spoils another's.
 */
@Execution(ExecutionMode.CONCURRENT) // each test grades in folders of its own, mostly waiting on child JVMs
class BatchGraderTest {
    /** A student handout has no solutions or hidden tests to hide or grade with: nothing to check there. */
    @BeforeEach
    void needsTheInstructorCourse() {
        Assumptions.assumeTrue(Files.isDirectory(Path.of("").toAbsolutePath().resolve("exercises/06-send-all/hidden")));
    }

    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path SUBMISSIONS = COURSE.resolve("src/test/resources/submissions");

    private static Exercise sendAll(int timeoutSeconds) {
        List<Problem> problems = new ArrayList<>();
        Exercise e = ExerciseLoader.load(COURSE, problems).stream().filter(x -> x.id().equals("06-send-all")).findFirst().orElseThrow();
        return new Exercise(e.id(), e.number(), e.dir(), e.titles(), e.points(), timeoutSeconds, e.hints());
    }

    @Test
    void aCompileErrorInAHandoutIsShownAtItsPlaceInTheHandoutAndSummedUpForTheGradebook(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("dana");
        Path src = Files.createDirectories(student.resolve("exercises/06-send-all/src/exercise/send_all"));
        Files.copy(SUBMISSIONS.resolve("compile-error/src/exercise/send_all/Transfers.java"), src.resolve("Transfers.java"));
        StudentGrade grade = new BatchGrader(Lang.ZH, 1).gradeOne(sendAll(10), student);
        assertTrue(grade.result().compileFailed(), grade.result()::toString);
        // graded in Chinese, so javac's own words are Chinese too
        String shown = "exercises/06-send-all/src/exercise/send_all/Transfers.java:36: 需要';'";
        assertTrue(grade.result().output().startsWith(shown + "\n"), grade.result().output());
        assertEquals("无法编译：" + shown, GradebookWriter.reason(grade, Lang.ZH));
        assertEquals("does not compile: " + shown, GradebookWriter.reason(grade, Lang.EN));
    }

    @Test
    void aRenamedMethodIsNamedAsMissingAndNoHiddenTestIsShown(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("erin");
        Path src = Files.createDirectories(student.resolve("src/exercise/send_all"));
        String correct = Files.readString(SUBMISSIONS.resolve("correct/src/exercise/send_all/Transfers.java"));
        // a renamed method breaks the visible tests and the hidden ones alike
        Files.writeString(src.resolve("Transfers.java"), correct.replace("readExactly(", "readAllOf("));
        StudentGrade grade = new BatchGrader(Lang.EN, 1).gradeOne(sendAll(10), student);
        assertEquals("fail", grade.status(), grade.result().message());
        List<TestResult> missing = grade.result().tests().stream()
                .filter(t -> t.message().startsWith("Transfers.readExactly(InputStream, int) is missing: keep the starter's signature")).toList();
        assertTrue(missing.stream().anyMatch(t -> !t.hidden()) && missing.stream().anyMatch(TestResult::hidden), grade.result().tests()::toString);
        // the tests that do not call it still pass
        assertTrue(grade.points() > 0, grade.result().tests()::toString);
        for (TestResult t : grade.result().tests()) {
            assertFalse(t.message().contains("Hidden") || t.message().contains("hidden/"), t.message());
        }
    }

    @Test
    void everyStudentGetsFeedbackFilesOfTheirOwnWhateverTheirName(@TempDir Path out) throws Exception {
        CheckResult passed = new CheckResult("pass", "ok", List.of(new io.socketlab.grade.TestResult("t", "pass", 10, 10, "", "", false)), "", false);
        List<String> names = List.of("王 小明", "李 小红", "张三丰", "王_小明", "ann", "Ann");
        List<StudentGrade> grades = names.stream().map(n -> new StudentGrade(n, passed, 10, 1)).toList();
        new GradebookWriter(sendAll(3), Lang.EN).write(grades, out);
        try (Stream<Path> feedback = Files.list(out.resolve("feedback"))) {
            assertEquals(List.of("Ann-2.txt", "ann.txt", "张三丰.txt", "李_小红.txt", "王_小明-2.txt", "王_小明.txt"),
                    feedback.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt")).sorted().toList());
        }
        try (Stream<Path> results = Files.list(out.resolve("results"))) {
            assertEquals(6, results.count());
        }
    }

    @Test
    void everySubmissionGetsItsOwnVerdictAndTheBatchCompletes(@TempDir Path out) throws Exception {
        // 10 s per test: correct code moving 4 MB must pass with four busy loops on two cores too
        Exercise exercise = sendAll(10);
        List<Path> students = BatchGrader.students(SUBMISSIONS);
        List<String> heard = new ArrayList<>();
        List<StudentGrade> grades = new BatchGrader(Lang.EN, Runtime.getRuntime().availableProcessors())
                .grade(exercise, students, g -> heard.add(g.student()));
        new GradebookWriter(exercise, Lang.EN).write(grades, out);
        Map<String, StudentGrade> by = grades.stream().collect(Collectors.toMap(StudentGrade::student, Function.identity()));
        assertEquals(students.size(), heard.size());

        for (String honest : List.of("correct", "correct-handout", "endless-thread", "bound-socket", "huge-output",
                "reads-secrets", "writes-outside")) {
            assertEquals("pass", by.get(honest).status(), () -> honest + ": " + by.get(honest).result().message());
            assertEquals(10.0, by.get(honest).points(), 1e-9, honest);
        }
        for (String partial : List.of("wrong", "fake-passed")) {
            assertEquals("fail", by.get(partial).status(), partial);
            assertTrue(by.get(partial).points() > 0 && by.get(partial).points() < 10, partial);
        }
        // a submission stopped at the time limit keeps what passed before it hung
        assertTrue(by.get("infinite-loop").result().message().contains("10 s"), by.get("infinite-loop").result().message());
        assertEquals("fail", by.get("infinite-loop").status());
        assertTrue(by.get("infinite-loop").result().tests().stream().anyMatch(t -> t.message().startsWith("still running when the time limit")),
                by.get("infinite-loop").result().tests().toString());
        // code that ends its own process fails the test it ended in; the tests after it run in a new one
        for (String ended : List.of("system-exit", "runtime-halt", "out-of-memory")) {
            assertEquals("fail", by.get(ended).status(), ended + ": " + by.get(ended).result().message());
            assertTrue(by.get(ended).result().tests().stream().anyMatch(t -> t.message().startsWith("your code ended the process")
                    || t.message().startsWith("your code ran out of memory")), () -> ended + ": " + by.get(ended).result().tests());
        }
        for (String broken : List.of("compile-error", "no-tests", "no-src")) {
            assertEquals("error", by.get(broken).status(), broken);
            assertEquals(0.0, by.get(broken).points(), broken);
        }
        assertTrue(by.get("compile-error").result().compileFailed());
        assertTrue(by.get("no-src").result().message().contains("no src/"));
        assertTrue(by.get("out-of-memory").result().tests().stream().anyMatch(t -> t.message().startsWith("your code ran out of memory")),
                by.get("out-of-memory").result().tests().toString());
        // the JVM's own last words are not shown as what the student's program printed
        assertFalse(by.get("out-of-memory").result().output().contains("Terminating due to"), by.get("out-of-memory").result().output());

        // The grader does not stop writes outside the sources: the write lands in the throw-away work folder.
        assertTrue(by.get("writes-outside").result().output().contains("ESCAPE-WRITE-SUCCEEDED"));
        // Printed output stays output: capped, and never read as a result.
        assertTrue(by.get("huge-output").result().output().length() < 20_000);
        assertTrue(by.get("fake-passed").result().output().contains("All tests passed"));

        // A src/ or exercises/ that links to a classmate's folder is not graded, whatever it holds.
        for (String linked : List.of("linked-src", "linked-exercises")) {
            assertEquals("error", by.get(linked).status(), linked);
            assertEquals(0.0, by.get(linked).points(), linked);
            assertTrue(by.get(linked).result().message().contains("is a link to ../correct"), by.get(linked).result().message());
            assertTrue(by.get(linked).result().message().contains("outside this student's folder"), by.get(linked).result().message());
        }
        assertTrue(by.get("linked-exercises").result().message().startsWith("exercises is a link"), by.get("linked-exercises").result().message());

        // Code that prints the hidden tests and the solution passes, but what it printed reaches no file a student sees.
        assertEquals("pass", by.get("prints-hidden").status(), () -> by.get("prints-hidden").result().message());
        List<String> secrets = secretLines(exercise);
        for (String file : List.of("results/prints-hidden/results.json", "feedback/prints-hidden.json", "feedback/prints-hidden.txt")) {
            String written = Files.readString(out.resolve(file), StandardCharsets.UTF_8);
            for (String secret : secrets) {
                assertFalse(written.contains(secret) || written.contains(JSON.std.asString(secret).replaceAll("^\"|\"$", "")),
                        file + " shows a secret line: " + secret);
            }
        }
        String printedHidden = String.valueOf(JSON.std.mapFrom(Files.readString(out.resolve("results/prints-hidden/results.json"))).get("output"));
        if (by.get("prints-hidden").result().output().contains(secrets.get(0))) {
            // the run could read the course (no sandbox): what it printed is there, less the secrets
            assertTrue(printedHidden.contains("characters of the course's hidden tests or solution removed]"), printedHidden);
        }
        Map<String, Object> printedResults = JSON.std.mapFrom(Files.readString(out.resolve("results/prints-hidden/results.json")));
        assertEquals("hidden", printedResults.get("stdout_visibility"));

        String csv = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith(GradebookWriter.BYTE_ORDER_MARK + "student,points,max,status,duration_ms,reason\n"), csv);
        assertTrue(csv.contains("\ncorrect,10,10,pass,"), csv);
        assertTrue(csv.contains("\nno-src,0,10,error,"), csv);
        assertEquals(students.size() + 1, csv.lines().count());

        Map<String, Object> gradescope = JSON.std.mapFrom(Files.readString(out.resolve("results/wrong/results.json")));
        // results.json carries points to two decimals, as Gradescope shows them
        assertEquals(by.get("wrong").points(), ((Number) gradescope.get("score")).doubleValue(), 0.005);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> tests = (List<Map<String, Object>>) gradescope.get("tests");
        assertTrue(tests.stream().anyMatch(t -> "failed".equals(t.get("status"))));
        assertTrue(tests.stream().anyMatch(t -> "visible".equals(t.get("visibility"))));
        assertTrue(tests.stream().anyMatch(t -> "after_published".equals(t.get("visibility"))));
        assertTrue(Files.readString(out.resolve("feedback/huge-output.json")).length() < 20_000);
        assertTrue(Files.readString(out.resolve("feedback/correct.txt")).contains("06-send-all"));
        // compiler errors name the student's own file, never the scratch folder it was compiled in
        String compileError = "src/exercise/send_all/Transfers.java:36: ';' expected";
        assertTrue(csv.contains("\ncompile-error,0,10,error,"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.startsWith("compile-error,") && l.endsWith(",does not compile: " + compileError)), csv);
        assertTrue(csv.contains("\nlinked-src,0,10,error,"), csv);
        for (String file : List.of("feedback/compile-error.txt", "feedback/compile-error.json", "results/compile-error/results.json")) {
            String written = Files.readString(out.resolve(file));
            assertTrue(written.contains(compileError), file + ": " + written);
            assertFalse(written.contains("socketlab-grade") || written.contains(System.getProperty("java.io.tmpdir")), file + ": " + written);
        }
        assertTrue(Files.readString(out.resolve("feedback/compile-error.txt")).lines().anyMatch(l -> l.startsWith(compileError)));
        String gradescopeOutput = String.valueOf(JSON.std.mapFrom(Files.readString(out.resolve("results/compile-error/results.json"))).get("output"));
        assertTrue(gradescopeOutput.startsWith(compileError) && gradescopeOutput.strip().endsWith("fix the errors above and check again."),
                "Gradescope shows the errors above the sentence that speaks of them: " + gradescopeOutput);
        Map<String, Object> noSrc = JSON.std.mapFrom(Files.readString(out.resolve("feedback/no-src.json")));
        assertEquals("error", noSrc.get("status"));
        assertTrue(String.valueOf(noSrc.get("message")).contains("no src/"), noSrc::toString);
    }

    /** Lines of the exercise's hidden test and solution that no public file has, long enough to be recognised. */
    private static List<String> secretLines(Exercise exercise) throws Exception {
        java.util.Set<String> open = new java.util.HashSet<>();
        java.util.List<String> secret = new ArrayList<>();
        for (Path dir : List.of(exercise.srcDir(), exercise.testDir())) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).toList()) {
                    Files.readAllLines(f).forEach(l -> open.add(l.strip()));
                }
            }
        }
        for (Path dir : List.of(exercise.hiddenDir(), exercise.solutionDir())) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                    Files.readAllLines(f).stream().map(String::strip).filter(l -> l.length() >= 30 && !open.contains(l)).forEach(secret::add);
                }
            }
        }
        assertTrue(secret.size() > 10, secret::toString);
        return secret;
    }

    @Test
    void aGradebookCellIsNeverAFormulaAndALineBreakStaysInItsCell(@TempDir Path out) throws Exception {
        CheckResult passed = new CheckResult("pass", "ok", List.of(new TestResult("t", "pass", 10, 10, "", "", false)), "", false);
        List<String> names = List.of("=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "two\nlines", "王小明");
        List<StudentGrade> grades = names.stream().map(n -> new StudentGrade(n, passed, 10, 1)).toList();
        new GradebookWriter(sendAll(3), Lang.EN).writeGradebook(grades, out);
        byte[] bytes = Files.readAllBytes(out.resolve("gradebook.csv"));
        // Excel reads a CSV as UTF-8 only after this mark
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        List<List<String>> rows = CanvasGradebook.parse(new String(bytes, StandardCharsets.UTF_8).substring(1));
        assertEquals(names.size() + 1, rows.size(), rows::toString);
        for (int i = 0; i < names.size(); i++) {
            String cell = rows.get(i + 1).get(0);
            assertFalse("=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
        }
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", rows.get(1).get(0));
        assertEquals("two\nlines", rows.get(7).get(0), "the name is kept whole, line break and all");
        assertEquals("王小明", rows.get(8).get(0));
    }
}
