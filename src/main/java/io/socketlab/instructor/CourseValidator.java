package io.socketlab.instructor;

import io.socketlab.course.CourseException;
import io.socketlab.course.CourseLoader;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.Sandbox;
import io.socketlab.grade.TestResult;
import io.socketlab.i18n.Lang;
import io.socketlab.course.Includes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a whole course before it reaches learners: lessons and includes load, every exercise
 * loads, every reference solution passes its visible and hidden tests, every starter compiles and
 * fails at least one test.
 */
public final class CourseValidator {
    private static final java.util.regex.Pattern NUMBERED = java.util.regex.Pattern.compile("^(\\d{2})-.*");
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
        return validate(root, demoIds, threads, lang, Sandbox.auto());
    }

    /** As {@link #validate(Path, Set, int, Lang)}, with the learner's side of each run in {@code sandbox}. */
    public static Outcome validate(Path root, Set<String> demoIds, int threads, Lang lang, Sandbox sandbox)
            throws InterruptedException {
        Path course = root.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        int lessons = 0;
        try {
            lessons = new CourseLoader(demoIds).load(course).lessons(Lang.EN).size();
        } catch (CourseException e) {
            problems.addAll(e.problems());
        }
        List<Exercise> exercises = ExerciseLoader.load(course, problems);
        problems.addAll(unpairedRegions(course));
        problems.addAll(numberingGaps(course.resolve("exercises"), true));
        for (Lang language : Lang.values()) {
            problems.addAll(numberingGaps(course.resolve("lessons").resolve(language.code()), false));
        }
        try (WarmCheckers checkers = new WarmCheckers(lang, sandbox)) {
            for (List<Problem> found : ParallelJobs.map(exercises, threads, "exercise check",
                    exercise -> checkers.with(checker -> checkExercise(exercise, checker)))) {
                problems.addAll(found);
            }
        }
        return new Outcome(List.copyOf(problems), lessons, exercises.size());
    }

    /** The problems of one exercise: its solution must pass everything, its starter must fail something. */
    private static List<Problem> checkExercise(Exercise exercise, ExerciseChecker checker) {
        // compiler errors name files from the course folder, as every other problem does
        Path course = exercise.dir().getParent().getParent();
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(exercise.solutionDir())) {
            problems.add(new Problem(exercise.solutionDir(), 0, "validate.no-solution"));
        } else {
            CheckResult solution = checker.run(exercise, List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir()), course);
            if (!solution.passed()) {
                // say why, so an author need not re-run the check to find out
                List<String> failing = solution.tests().stream().filter(t -> !t.passed()).map(CourseValidator::why).toList();
                String said = solution.compileFailed() ? solution.output().stripTrailing() + "\n" + solution.message() : solution.message();
                problems.add(failing.isEmpty()
                        ? new Problem(exercise.solutionDir(), 0, "validate.solution-fails", said)
                        : new Problem(exercise.solutionDir(), 0, "validate.solution-fails-tests", said, String.join("; ", failing)));
            }
        }
        CheckResult starter = checker.run(exercise, List.of(exercise.srcDir(), exercise.testDir(), exercise.hiddenDir()), course);
        if (starter.passed()) {
            problems.add(new Problem(exercise.srcDir(), 0, "validate.starter-passes"));
        } else if (!"fail".equals(starter.status())) {
            // the compiler's errors come first, as in check, so "the errors above" are above
            String said = starter.compileFailed() ? starter.output().stripTrailing() + "\n" + starter.message() : starter.message();
            problems.add(new Problem(exercise.srcDir(), 0, "validate.starter-broken", said));
        }
        return problems;
    }

    /** Source and lesson files whose {@code // region} markers do not pair up, one problem per marker. */
    static List<Problem> unpairedRegions(Path course) {
        List<Problem> problems = new ArrayList<>();
        for (String top : List.of("src", "exercises", "python")) {
            Path dir = course.resolve(top);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path file : walk.filter(Files::isRegularFile).filter(CourseValidator::mayHoldRegions).sorted().toList()) {
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        // not text: it holds no region markers
                        continue;
                    }
                    for (Includes.UnpairedMarker marker : Includes.unpairedMarkers(lines)) {
                        problems.add(marker.isStrayEnd() ? new Problem(file, marker.line(), "validate.stray-endregion")
                                : new Problem(file, marker.line(), "validate.unclosed-region", marker.region()));
                    }
                }
            } catch (IOException e) {
                problems.add(new Problem(dir, 0, "file.unreadable", e.getMessage()));
            }
        }
        return problems;
    }

    private static boolean mayHoldRegions(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".java") || name.endsWith(".py") || name.endsWith(".sh");
    }

    /**
     * Numbers missing from {@code NN-slug} entries of {@code dir} (folders for exercises, {@code .md}
     * files for lessons): they run from 01 without gaps, so renaming 06 to 10 is found. Each missing
     * number is reported at the first entry after it.
     */
    static List<Problem> numberingGaps(Path dir, boolean folders) {
        List<Problem> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return problems;
        }
        java.util.TreeMap<Integer, Path> numbered = new java.util.TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path entry : list.toList()) {
                java.util.regex.Matcher m = NUMBERED.matcher(entry.getFileName().toString());
                if (m.matches() && (folders ? Files.isDirectory(entry) : entry.toString().endsWith(".md"))) {
                    numbered.putIfAbsent(Integer.parseInt(m.group(1)), entry);
                }
            }
        } catch (IOException e) {
            problems.add(new Problem(dir, 0, "file.unreadable", e.getMessage()));
            return problems;
        }
        int expected = 1;
        for (Map.Entry<Integer, Path> entry : numbered.entrySet()) {
            for (; expected < entry.getKey(); expected++) {
                problems.add(new Problem(entry.getValue(), 0, "validate.numbering-gap", String.format("%02d", expected), entry.getKey()));
            }
            expected = entry.getKey() + 1;
        }
        return problems;
    }

    /**
     * A failed test's name with the first lines of its message: a test-kit message often puts what
     * the learner's code threw on its second line, and that is what an author needs to see.
     */
    private static String why(TestResult test) {
        String lines = String.join(" / ", test.message().lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).toList());
        return lines.isEmpty() ? test.name() : test.name() + ": " + lines;
    }
}
