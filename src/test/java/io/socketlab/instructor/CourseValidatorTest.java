package io.socketlab.instructor;

import io.socketlab.demo.Demos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validator finds a bad lesson, a failing solution and a passing starter, each with its place;
 * and the real course validates: every solution passes every test, every starter fails one (this
 * replaces the former ExercisesTest, so the suite runs each exercise only twice).
 */
@Execution(ExecutionMode.CONCURRENT) // each test validates a course of its own or reads the real one, mostly waiting on child JVMs
class CourseValidatorTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    @Test
    void brokenCourseReportsEveryProblemWithItsPlace(@TempDir Path course) throws Exception {
        write(course.resolve("lessons/en/01-intro.md"), "---\ntitle: Intro\ncolour: blue\n---\n\n# Intro\n");
        write(course.resolve("lessons/zh/01-intro.md"), "---\ntitle: 介绍\n---\n\n# 介绍\n");
        exercise(course, "01-bad-solution", "return s;", "return s;");
        exercise(course, "02-starter-passes", "return s.toUpperCase();", "return s.toUpperCase();");

        CourseValidator.Outcome outcome = CourseValidator.validate(course, Demos.ids(), 2);
        List<String> shown = outcome.problems().stream().map(p -> p.format(course)).toList();

        assertEquals(3, shown.size(), shown::toString);
        assertTrue(shown.stream().anyMatch(s -> s.startsWith(Path.of("lessons/en/01-intro.md") + ":3: ")), shown::toString);
        assertTrue(shown.stream().anyMatch(s -> s.startsWith(Path.of("exercises/01-bad-solution/solution") + ": reference solution does not pass")
                && s.contains("upperCases")), shown::toString);
        assertTrue(shown.stream().anyMatch(s -> s.startsWith(Path.of("exercises/02-starter-passes/src") + ": starter passes every test")), shown::toString);
        assertEquals(2, outcome.exercises());
    }

    @Test
    void theRealCourseValidates() throws Exception {
        List<Path> exercises;
        try (Stream<Path> folders = Files.list(COURSE.resolve("exercises"))) {
            exercises = folders.filter(Files::isDirectory).toList();
        }
        // a student handout carries no solution at all; the instructor's course must carry every one
        Assumptions.assumeTrue(exercises.stream().anyMatch(e -> Files.isDirectory(e.resolve("solution"))),
                "a student handout carries no solutions to validate");
        // four at a time on two cores: much of validating is waiting on child JVMs (19 s with two, 15 with four)
        CourseValidator.Outcome outcome = CourseValidator.validate(COURSE, Demos.ids(), 4);
        assertEquals(List.of(), outcome.problems().stream().map(p -> p.format(COURSE)).toList());
        assertEquals(exercises.size(), outcome.exercises());
        assertTrue(outcome.lessons() >= 8, "lessons: " + outcome.lessons());
    }

    @Test
    void anUnclosedRegionAStrayEndregionAndANumberingGapAreFoundWithTheirPlace(@TempDir Path course) throws Exception {
        write(course.resolve("src/main/java/demo/Echo.java"), "class Echo {\n    // region accept\n    void a() {}\n"
                + "    // region reply\n    void r() {}\n    // endregion\n}\n// endregion\n// endregion\n// region tail\n");
        Path renamed = course.resolve("exercises/03-renamed");
        Files.createDirectories(renamed);
        Files.createDirectories(course.resolve("exercises/01-first"));
        List<String> shown = CourseValidator.unpairedRegions(course).stream().map(p -> p.format(course)).toList();
        Path echo = Path.of("src/main/java/demo/Echo.java");
        assertEquals(List.of(echo + ":9: endregion with no region open: remove it or add the region line it closes",
                echo + ":10: region tail is never closed: add an endregion line, or every later line, the regions after it included, goes into its snippet"),
                shown);
        List<String> gaps = CourseValidator.numberingGaps(course.resolve("exercises"), true).stream().map(p -> p.format(course)).toList();
        assertEquals(List.of(Path.of("exercises/03-renamed") + ": numbered 3, but nothing is numbered 02: numbers run from 01 without gaps (was one renamed?)"), gaps);
    }

    @Test
    void aStarterThatDoesNotCompileShowsTheCompilersErrorsFromTheCourseFolder(@TempDir Path course) throws Exception {
        exercise(course, "01-broken-starter", "return s.toUpperCase()", "return s.toUpperCase();");
        CourseValidator.Outcome outcome = CourseValidator.validate(course, Demos.ids(), 1);
        String shown = outcome.problems().stream().map(p -> p.format(course)).filter(p -> p.startsWith(Path.of("exercises/01-broken-starter/src").toString()))
                .findFirst().orElseThrow(() -> new AssertionError(outcome.problems().toString()));
        assertTrue(shown.contains(": exercises/01-broken-starter/src/Subject.java:4: ';' expected\n"), shown);
        assertTrue(shown.indexOf("Subject.java:4") < shown.indexOf("fix the errors above"), "the errors come above the sentence that speaks of them: " + shown);
    }

    private static void exercise(Path course, String id, String starterBody, String solutionBody) throws IOException {
        Path dir = course.resolve("exercises").resolve(id);
        String pkg = "exercise." + id.substring(3).replace('-', '_');
        write(dir.resolve("README.md"), "---\ntitle: Fixture " + id + "\npoints: 2\ntimeout: 10\n---\nShout.\n");
        write(dir.resolve("README.zh.md"), "---\ntitle: 练习 " + id + "\n---\n大写。\n");
        write(dir.resolve("hints.md"), "## 1\nthink\n");
        write(dir.resolve("hints.zh.md"), "## 1\n想一想\n");
        write(dir.resolve("src/Subject.java"), subject(pkg, starterBody));
        write(dir.resolve("solution/Subject.java"), subject(pkg, solutionBody));
        write(dir.resolve("test/SubjectTest.java"), "package " + pkg + ";\n\nimport static org.junit.jupiter.api.Assertions.*;\n"
                + "import org.junit.jupiter.api.Test;\n\nclass SubjectTest {\n"
                + "    @Test void upperCases() { assertEquals(\"HELLO\", Subject.shout(\"hello\")); }\n"
                + "    @Test void keepsEmpty() { assertEquals(\"\", Subject.shout(\"\")); }\n}\n");
    }

    private static String subject(String pkg, String body) {
        return "package " + pkg + ";\n\npublic final class Subject {\n    static String shout(String s) { " + body + " }\n}\n";
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

}
