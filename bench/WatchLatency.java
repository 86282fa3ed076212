import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.grade.CheckResult;
import io.socketlab.grade.ExerciseChecker;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;

/** Warm re-check time, as in watch after a save: java -cp target/socketlab.jar bench/WatchLatency.java COURSE ID [RUNS] */
public class WatchLatency {
    public static void main(String[] args) {
        Exercise exercise = ExerciseLoader.load(Path.of(args[0]), new ArrayList<>()).stream()
                .filter(e -> e.id().equals(args[1])).findFirst().orElseThrow();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        ExerciseChecker checker = new ExerciseChecker(Lang.EN, true);
        checker.check(exercise);
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            CheckResult result = checker.check(exercise);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            System.out.println("run " + (i + 1) + ": " + ms[i] + " ms, " + result.status());
        }
        Arrays.sort(ms);
        System.out.println("median warm re-check: " + ms[runs / 2] + " ms (plus up to 100 ms until the save is noticed)");
    }
}
