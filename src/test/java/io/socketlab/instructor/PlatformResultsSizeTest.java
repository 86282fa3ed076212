package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.TestFiles;
import io.socketlab.cli.Main;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.TestResult;
import io.socketlab.i18n.Lang;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a learner's code prints or returns cannot make a platform refuse its results file:
 * PrairieLearn's results.json stays within its 1 MB ({@code docs/externalGrading.md}), and text that
 * a UTF-8 file cannot hold as it is (half of a surrogate pair) is written, not thrown on.
 */
@Execution(ExecutionMode.CONCURRENT) // each test writes results in a folder of its own
class PlatformResultsSizeTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    private static Exercise sendAll() {
        return ExerciseLoader.load(COURSE, new ArrayList<>()).stream().filter(e -> e.id().equals("06-send-all")).findFirst().orElseThrow();
    }

    @Test
    void manyTestsFullOfEscapedCharactersStayUnderPrairieLearnsMegabyte(@TempDir Path out) throws Exception {
        // a control character takes six bytes in JSON (\u0001), an emoji four: 4 KiB of either per text, 200 tests
        String controls = "\u0001".repeat(100_000);
        String emoji = "\uD83D\uDE00".repeat(50_000);
        List<TestResult> tests = IntStream.range(0, 200)
                .mapToObj(i -> new TestResult("test" + i, "fail", 0, 1, controls, emoji, i % 2 == 0)).toList();
        CheckResult result = new CheckResult("fail", "200 of 200 tests failed.", tests, controls + emoji, false);
        Map<String, Object> written = write(out, new StudentGrade("alice", result, 10, 1), GradebookWriter.Format.PRAIRIELEARN);
        assertEquals(200, ((List<?>) written.get("tests")).size(), "every test is still listed");
    }

    @Test
    void aCompileErrorOnAHugeLineStaysUnderPrairieLearnsMegabyte(@TempDir Path out) throws Exception {
        // javac prints the source line and a caret line under each error
        String line = "int v = nope;".repeat(40_000);
        StringBuilder errors = new StringBuilder();
        for (int i = 0; i < 100; i++) {
            errors.append("src/exercise/send_all/Transfers.java:3: error: cannot find symbol\n").append(line).append('\n')
                    .append(" ".repeat(i * 13 + 8)).append("^\n");
        }
        CheckResult result = new CheckResult("error", "Your code does not compile.", List.of(), errors.toString(), true);
        Map<String, Object> written = write(out, new StudentGrade("bob", result, 10, 1), GradebookWriter.Format.PRAIRIELEARN);
        assertEquals(false, written.get("gradable"));
        List<?> formatErrors = (List<?>) written.get("format_errors");
        assertEquals(50, formatErrors.size());
        assertEquals("src/exercise/send_all/Transfers.java:3: error: cannot find symbol", formatErrors.get(0));
    }

    @Test
    void halfASurrogatePairInATestsMessageIsWrittenInEveryFormat(@TempDir Path out) throws Exception {
        // what a learner's method returned, shown in the message, and output cut in the middle of an emoji
        List<TestResult> tests = List.of(new TestResult("lone", "fail", 0, 1, "expected x but was \uD800", "", false),
                new TestResult("cut", "fail", 0, 1, "a".repeat(GradebookWriter.OUTPUT_LIMIT - 1) + "\uD83D\uDE00", "", true));
        CheckResult result = new CheckResult("fail", "2 of 2 tests failed.", tests, "a".repeat(GradebookWriter.OUTPUT_LIMIT - 1) + "\uD83D\uDE00", false);
        for (GradebookWriter.Format format : GradebookWriter.Format.values()) {
            Path dir = out.resolve(format.name());
            Map<String, Object> written = write(dir, new StudentGrade("carol", result, 10, 1), format);
            assertTrue(written.toString().contains("expected x but was ?"), written::toString);
            assertTrue(Files.readString(dir.resolve("feedback/carol.txt")).contains("expected x but was ?"));
            assertTrue(Files.readString(dir.resolve("gradebook.csv")).contains("carol,0,10,fail"));
        }
    }

    /** Writes one student's files as a batch does; returns the results.json read back, after checking its size. */
    private static Map<String, Object> write(Path out, StudentGrade grade, GradebookWriter.Format format) throws Exception {
        new GradebookWriter(sendAll(), Lang.EN, format).write(List.of(grade), out);
        Path results = out.resolve("results").resolve(grade.student()).resolve("results.json");
        long size = Files.size(results);
        if (format == GradebookWriter.Format.PRAIRIELEARN) {
            assertTrue(size <= GradebookWriter.PRAIRIELEARN_BYTES, "results.json has " + size + " bytes");
        }
        return JSON.std.mapFrom(Files.readString(results, StandardCharsets.UTF_8));
    }

    @Test
    void gradeWithPrairieLearnsFormatKeepsAHugePrinterAndAHugeCompileErrorUnderAMegabyte(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/hidden")));
        Path subs = dir.resolve("subs");
        // prints 4 MB on every call to sendAll, and passes
        TestFiles.copyTree(COURSE.resolve("src/test/resources/submissions/huge-output"), subs.resolve("printer"));
        // one 130 KB line holding many errors: javac repeats it under each
        Path broken = Files.createDirectories(subs.resolve("broken/src/exercise/send_all")).resolve("Transfers.java");
        Files.writeString(broken, "package exercise.send_all;\nfinal class Transfers { void f() { "
                + "int v = nope;".repeat(10_000) + " } }\n", StandardCharsets.UTF_8);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                "grade", "--lang", "en", "--course", COURSE.toString(), "--exercise", "06-send-all", "--timeout", "10",
                "--format", "prairielearn", "--out", dir.resolve("out").toString(), subs.toString());
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        for (String student : List.of("printer", "broken")) {
            Path results = dir.resolve("out/results").resolve(student).resolve("results.json");
            assertTrue(Files.size(results) <= GradebookWriter.PRAIRIELEARN_BYTES, student + ": " + Files.size(results) + " bytes");
            Map<String, Object> doc = JSON.std.mapFrom(Files.readString(results));
            assertEquals(!student.equals("broken"), doc.get("gradable"), doc::toString);
        }
    }
}
