import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.grade.Sandbox;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * bench/graded-run.sh: one exercise's reference solution checked RUNS times each way by one warm
 * grader: the fast path (the learner's classes beside the tests, a fresh JVM each run), apart
 * without the sandbox, apart in it, and apart in it with the tests' JVM kept warm from run to run,
 * as `grade` checks a class (the learner's process is still fresh each run). Two rounds; the first warms the grader, the second is the one
 * to read. Prints the median wall time of each way.
 */
public class GradedRun {
    public static void main(String[] args) throws Exception {
        Exercise exercise = ExerciseLoader.loadOne(Path.of(args[0]), new ArrayList<>());
        int runs = Integer.parseInt(args[1]);
        List<Path> dirs = List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir());
        for (int round = 1; round <= 2; round++) {
            String[] ways = {"fast path (one JVM)", "apart, --sandbox off", "apart, --sandbox on",
                "apart, --sandbox on, warm"};
            long[] medians = new long[ways.length];
            for (int way = 0; way < ways.length; way++) {
                ExerciseChecker checker = way == 0 ? new ExerciseChecker(Lang.EN)
                        : way == 1 ? new ExerciseChecker(Lang.EN, Sandbox.OFF)
                        : new ExerciseChecker(Lang.EN, Sandbox.of(Sandbox.Mode.parse("on")), way == 3);
                long[] wall = new long[runs];
                for (int i = 0; i < runs; i++) {
                    long start = System.nanoTime();
                    CheckResult result = checker.run(exercise, dirs);
                    wall[i] = (System.nanoTime() - start) / 1_000_000;
                    if (!result.status().equals("pass")) {
                        System.err.println(ways[way] + ": " + result.status() + " " + result.message());
                        System.exit(1);
                    }
                }
                checker.close();
                Arrays.sort(wall);
                medians[way] = wall[runs / 2];
            }
            System.out.printf("round %d%s, median of %d runs (wall ms):%n", round, round == 1 ? " (warming the grader)" : "", runs);
            System.out.printf("  %-28s %5d%n", ways[0], medians[0]);
            System.out.printf("  %-28s %5d   (%+d ms: the second JVM and the bridge)%n", ways[1], medians[1], medians[1] - medians[0]);
            System.out.printf("  %-28s %5d   (%+d ms more: bubblewrap)%n", ways[2], medians[2], medians[2] - medians[1]);
            System.out.printf("  %-28s %5d   (%+d ms against the fast path: the tests' JVM kept from run to run, as `grade` keeps it for a class)%n",
                    ways[3], medians[3], medians[3] - medians[0]);
        }
        System.exit(0);
    }
}
