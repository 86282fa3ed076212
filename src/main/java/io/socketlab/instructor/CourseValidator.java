package io.socketlab.instructor;

import io.socketlab.course.CourseException;
import io.socketlab.course.CourseLoader;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.TestResult;
import io.socketlab.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Checks a whole course before it reaches learners: lessons and includes load, every exercise
 * loads, every reference solution passes its visible and hidden tests, every starter compiles and
 * fails at least one test.
 */
public final class CourseValidator {
    /** What validation found: every problem, and how much was checked. */
    public record Outcome(List<Problem> problems, int lessons, int exercises) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private CourseValidator() {
    }

    /**
     * Validates the course at {@code root}, whose lessons may name the demos {@code demoIds}, running
     * up to {@code threads} exercises at once. Never throws for a broken course: each defect is a
     * {@link Problem}. Test reports quoted in problems are in English.
     */
    public static Outcome validate(Path root, Set<String> demoIds, int threads) throws InterruptedException {
        return validate(root, demoIds, threads, Lang.EN);
    }

    /**
     * As {@link #validate(Path, Set, int)}, with the test reports quoted in problems (why a solution
     * fails, why a starter does not compile) in {@code lang}, the language the problems are shown in.
     */
    public static Outcome validate(Path root, Set<String> demoIds, int threads, Lang lang) throws InterruptedException {
        Path course = root.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        int lessons = 0;
        try {
            lessons = new CourseLoader(demoIds).load(course).lessons(Lang.EN).size();
        } catch (CourseException e) {
            problems.addAll(e.problems());
        }
        List<Exercise> exercises = ExerciseLoader.load(course, problems);
        for (List<Problem> found : ParallelJobs.map(exercises, threads, "exercise check", exercise -> checkExercise(exercise, lang))) {
            problems.addAll(found);
        }
        return new Outcome(List.copyOf(problems), lessons, exercises.size());
    }

    /** The problems of one exercise: its solution must pass everything, its starter must fail something. */
    static List<Problem> checkExercise(Exercise exercise, Lang lang) {
        List<Problem> problems = new ArrayList<>();
        try (ExerciseChecker checker = new ExerciseChecker(lang)) {
            if (!Files.isDirectory(exercise.solutionDir())) {
                problems.add(new Problem(exercise.solutionDir(), 0, "validate.no-solution"));
            } else {
                CheckResult solution = checker.run(exercise, List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir()));
                if (!solution.passed()) {
                    // say why, so an author need not re-run the check to find out
                    List<String> failing = solution.tests().stream().filter(t -> !t.passed()).map(CourseValidator::why).toList();
                    String said = solution.compileFailed() ? solution.message() + "\n" + solution.output().stripTrailing() : solution.message();
                    problems.add(failing.isEmpty()
                            ? new Problem(exercise.solutionDir(), 0, "validate.solution-fails", said)
                            : new Problem(exercise.solutionDir(), 0, "validate.solution-fails-tests", said, String.join("; ", failing)));
                }
            }
            CheckResult starter = checker.run(exercise, List.of(exercise.srcDir(), exercise.testDir(), exercise.hiddenDir()));
            if (starter.passed()) {
                problems.add(new Problem(exercise.srcDir(), 0, "validate.starter-passes"));
            } else if (!"fail".equals(starter.status())) {
                problems.add(new Problem(exercise.srcDir(), 0, "validate.starter-broken", starter.message()));
            }
        }
        return problems;
    }

    /** A failed test's name with the first line of its message. */
    private static String why(TestResult test) {
        String first = test.message().lines().findFirst().orElse("");
        return first.isEmpty() ? test.name() : test.name() + ": " + first;
    }
}
