package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every real exercise of the course: its reference solution passes every visible and hidden test,
 * and its starter compiles and fails at least one. No exercises folder means nothing to check.
 */
class ExercisesTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private final ExerciseChecker checker = new ExerciseChecker(Lang.EN);

    private static List<Exercise> exercises() {
        List<Problem> problems = new ArrayList<>();
        List<Exercise> all = ExerciseLoader.load(COURSE, problems);
        assertEquals(List.of(), problems.stream().map(p -> p.format(COURSE)).toList());
        return all;
    }

    @Test
    void everyExerciseFolderLoads() {
        exercises();
    }

    @TestFactory
    Stream<DynamicTest> solutionPassesVisibleAndHiddenTests() {
        return exercises().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            CheckResult result = checker.run(e, List.of(e.solutionDir(), e.testDir(), e.hiddenDir()));
            assertEquals("pass", result.status(), () -> e.id() + ": " + result.message() + "\n" + result.tests() + "\n" + result.output());
        }));
    }

    @TestFactory
    Stream<DynamicTest> starterCompilesAndFailsATest() {
        return exercises().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            CheckResult result = checker.run(e, List.of(e.srcDir(), e.testDir(), e.hiddenDir()));
            assertEquals("fail", result.status(), () -> e.id() + ": " + result.message() + "\n" + result.output());
            assertTrue(result.tests().stream().anyMatch(t -> !t.passed()));
        }));
    }
}
