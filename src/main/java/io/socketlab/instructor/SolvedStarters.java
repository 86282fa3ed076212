package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Exercises whose starter would give the answer away in a handout, as happens when an instructor
 * solved the exercises in their own checkout. A starter gives the answer away when
 * <ul>
 *   <li>every file of {@code solution/} is in {@code src/} word for word (the starter is the
 *       reference solution; one shared file alone is a helper given to learners), or</li>
 *   <li>it passes every visible test, which is what a learner's {@code check} runs (the starter is
 *       a solution, whatever its text).</li>
 * </ul>
 */
public final class SolvedStarters {
    private SolvedStarters() {
    }

    /**
     * One problem per exercise of {@code course} whose starter gives the answer away, located at its
     * {@code src/} folder and sorted by exercise; empty when every starter is a starter. Runs up to
     * {@code threads} exercises' visible tests at once, each in its own JVM.
     */
    public static List<Problem> find(Path course, int threads) throws IOException, InterruptedException {
        Path root = course.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        Set<Path> copies = new HashSet<>();
        Path exercises = root.resolve("exercises");
        if (Files.isDirectory(exercises)) {
            try (Stream<Path> list = Files.list(exercises)) {
                for (Path dir : list.filter(Files::isDirectory).sorted().toList()) {
                    if (isCopy(dir.resolve("solution"), dir.resolve("src"))) {
                        problems.add(new Problem(dir.resolve("src"), 0, "release.starter-is-solution", restorePath(root, dir)));
                        copies.add(dir);
                    }
                }
            }
        }
        List<Exercise> rest = ExerciseLoader.load(root, new ArrayList<>()).stream().filter(e -> !copies.contains(e.dir())).toList();
        problems.addAll(passingStarters(root, rest, threads));
        problems.sort(Comparator.comparing(Problem::file));
        return problems;
    }

    /** True when {@code solution} has files and each has a file of the same content in {@code src}. */
    private static boolean isCopy(Path solution, Path src) throws IOException {
        if (!Files.isDirectory(solution) || !Files.isDirectory(src)) {
            return false;
        }
        Set<String> starter = Handout.digests(src);
        Set<String> answer = Handout.digests(solution);
        return !answer.isEmpty() && starter.containsAll(answer);
    }

    private static List<Problem> passingStarters(Path root, List<Exercise> exercises, int threads) throws InterruptedException {
        List<Boolean> passed = ParallelJobs.map(exercises, threads, "starter check", exercise -> {
            try (ExerciseChecker checker = new ExerciseChecker(Lang.EN)) {
                return checker.check(exercise).passed();
            }
        });
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < exercises.size(); i++) {
            if (passed.get(i)) {
                Exercise exercise = exercises.get(i);
                problems.add(new Problem(exercise.srcDir(), 0, "release.starter-passes", restorePath(root, exercise.dir())));
            }
        }
        return problems;
    }

    /** The starter folder as git names it, {@code exercises/NN-slug/src}, whatever the platform. */
    private static String restorePath(Path root, Path exerciseDir) {
        return root.relativize(exerciseDir.resolve("src")).toString().replace('\\', '/');
    }
}
