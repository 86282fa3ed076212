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
 * grader, as `grade` checks a class: the fast path (the learner's classes beside the tests), apart
 * without the sandbox, apart in it. Two rounds; the first warms the grader, the second is the one
 * to read. Prints the median wall time of each way.
 */
public class GradedRun {
    public static void main(String[] args) throws Exception {
        Exercise exercise = ExerciseLoader.loadOne(Path.of(args[0]), new ArrayList<>());
        int runs = Integer.parseInt(args[1]);
        List<Path> dirs = List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir());
        for (int round = 1; round <= 2; round++) {
            long[] medians = new long[3];
            String[] ways = {"fast path (one JVM)", "apart, --sandbox off", "apart, --sandbox on"};
            for (int way = 0; way < 3; way++) {
                ExerciseChecker checker = way == 0 ? new ExerciseChecker(Lang.EN)
                        : new ExerciseChecker(Lang.EN, way == 1 ? Sandbox.OFF : Sandbox.of(Sandbox.Mode.parse("on")));
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
            System.out.printf("  %-28s %5d   (+%d ms: the second JVM and the bridge)%n", ways[1], medians[1], medians[1] - medians[0]);
            System.out.printf("  %-28s %5d   (+%d ms more: bubblewrap)%n", ways[2], medians[2], medians[2] - medians[1]);
        }
        System.exit(0);
    }
}
