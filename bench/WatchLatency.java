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
    private static final long EDIT_PAUSE_MILLIS = 1500;

    public static void main(String[] args) throws InterruptedException {
        Exercise exercise = ExerciseLoader.load(Path.of(args[0]), new ArrayList<>()).stream()
                .filter(e -> e.id().equals(args[1])).findFirst().orElseThrow();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        ExerciseChecker checker = new ExerciseChecker(Lang.EN, true);
        checker.check(exercise);
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            // A learner edits for a while between saves; the next test JVM warms up meanwhile.
            Thread.sleep(EDIT_PAUSE_MILLIS);
            long start = System.nanoTime();
            CheckResult result = checker.check(exercise);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            System.out.println("run " + (i + 1) + ": " + ms[i] + " ms, " + result.status());
        }
        Arrays.sort(ms);
        System.out.println("median save-to-verdict after a " + EDIT_PAUSE_MILLIS + " ms edit pause: " + ms[runs / 2] + " ms (plus up to 100 ms until the save is noticed)");
    }
}
