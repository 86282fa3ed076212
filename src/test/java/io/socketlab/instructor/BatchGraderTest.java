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

/**
 * Grades every fixture in src/test/resources/submissions against exercise 06-send-all in one batch:
 * honest, wrong and hostile submissions each get their own verdict, and none spoils another's.
 */
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
    void aHiddenTestThatDoesNotCompileWithTheStudentsCodeIsNotShown(@TempDir Path dir) throws Exception {
        Path student = dir.resolve("erin");
        Path src = Files.createDirectories(student.resolve("src/exercise/send_all"));
        String correct = Files.readString(SUBMISSIONS.resolve("correct/src/exercise/send_all/Transfers.java"));
        // a renamed method breaks the visible tests and the hidden ones alike
        Files.writeString(src.resolve("Transfers.java"), correct.replace("readExactly(", "readAllOf("));
        StudentGrade grade = new BatchGrader(Lang.EN, 1).gradeOne(sendAll(10), student);
        String shown = grade.result().output();
        assertTrue(grade.result().compileFailed(), shown);
        assertTrue(shown.contains("test/exercise/send_all/"), "the visible tests are the student's to see: " + shown);
        assertTrue(shown.contains("A hidden test (not shown) does not compile with your code:\n  cannot find symbol\n"), shown);
        assertTrue(shown.contains("symbol:   method readExactly("), shown);
        assertFalse(shown.contains("Hidden"), shown);
        assertFalse(shown.contains("hidden/"), shown);
    }

    @Test
    void everyStudentGetsFeedbackFilesOfTheirOwnWhateverTheirName(@TempDir Path out) throws Exception {
        CheckResult passed = new CheckResult("pass", "ok", List.of(new io.socketlab.grade.TestResult("t", "pass", 10, 10, "", "")), "", false);
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
        Exercise exercise = sendAll(3);
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
        assertTrue(by.get("infinite-loop").result().message().contains("3 s"), by.get("infinite-loop").result().message());
        assertEquals("fail", by.get("infinite-loop").status());
        assertTrue(by.get("infinite-loop").result().tests().stream().anyMatch(t -> t.message().startsWith("still running when the time limit")),
                by.get("infinite-loop").result().tests().toString());
        for (String ended : List.of("system-exit", "runtime-halt")) {
            assertTrue(by.get(ended).result().message().contains("ended before"), ended + ": " + by.get(ended).result().message());
        }
        for (String broken : List.of("system-exit", "runtime-halt", "out-of-memory", "compile-error", "no-tests", "no-src")) {
            assertEquals("error", by.get(broken).status(), broken);
            assertEquals(0.0, by.get(broken).points(), broken);
        }
        assertTrue(by.get("compile-error").result().compileFailed());
        assertTrue(by.get("no-src").result().message().contains("no src/"));
        assertTrue(by.get("out-of-memory").result().message().contains("ran out of memory"), by.get("out-of-memory").result().message());
        // the JVM's own last words are not shown as what the student's program printed
        assertFalse(by.get("out-of-memory").result().output().contains("Terminating due to"), by.get("out-of-memory").result().output());

        // The grader does not stop writes outside the sources: the write lands in the throw-away work folder.
        assertTrue(by.get("writes-outside").result().output().contains("ESCAPE-WRITE-SUCCEEDED"));
        // Printed output stays output: capped, and never read as a result.
        assertTrue(by.get("huge-output").result().output().length() < 20_000);
        assertTrue(by.get("fake-passed").result().output().contains("All tests passed"));

        String csv = Files.readString(out.resolve("gradebook.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("student,points,max,status,duration_ms,reason\n"), csv);
        assertTrue(csv.contains("\ncorrect,10,10,pass,"), csv);
        assertTrue(csv.contains("\nno-src,0,10,error,"), csv);
        assertEquals(students.size() + 1, csv.lines().count());

        Map<String, Object> gradescope = JSON.std.mapFrom(Files.readString(out.resolve("results/wrong/results.json")));
        assertEquals(by.get("wrong").points(), ((Number) gradescope.get("score")).doubleValue(), 1e-9);
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
}
