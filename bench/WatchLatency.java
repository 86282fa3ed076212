import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.grade.CheckResult;
import io.socketlab.practice.WatchSession;
import io.socketlab.i18n.Lang;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Save-to-verdict latency of watch, end to end: a real WatchSession on file events; each run
 * appends a comment to a source file and times until the verdict is out.
 * java -cp target/socketlab.jar bench/WatchLatency.java COURSE ID [RUNS]
 */
public class WatchLatency {
    private static final long EDIT_PAUSE_MILLIS = 1500;

    public static void main(String[] args) throws Exception {
        Path course = Path.of(args[0]);
        List<Exercise> exercises = ExerciseLoader.load(course, new ArrayList<>());
        Exercise exercise = exercises.stream().filter(e -> e.id().equals(args[1])).findFirst().orElseThrow();
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        Path edited;
        try (Stream<Path> walk = Files.walk(exercise.srcDir())) {
            edited = walk.filter(p -> p.toString().endsWith(".java")).findFirst().orElseThrow();
        }
        PipedOutputStream keys = new PipedOutputStream();
        BlockingQueue<CheckResult> verdicts = new LinkedBlockingQueue<>();
        try (Terminal terminal = TerminalBuilder.builder().streams(new PipedInputStream(keys), OutputStream.nullOutputStream())
                .type("xterm-256color").dumb(false).build()) {
            WatchSession session = new WatchSession(terminal, course, exercises, exercise, Lang.EN, false, false, e -> "", verdicts::add);
            Thread loop = new Thread(() -> {
                try {
                    session.run();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            loop.start();
            verdict(verdicts);
            long paused = median("after a " + EDIT_PAUSE_MILLIS + " ms edit pause", runs, EDIT_PAUSE_MILLIS, edited, verdicts);
            long backToBack = median("back to back", runs, 0, edited, verdicts);
            keys.write('q');
            keys.flush();
            loop.join(30_000);
            System.out.println("median save-to-verdict: " + paused + " ms after an edit pause, " + backToBack + " ms back to back");
        }
    }

    private static long median(String label, int runs, long pauseMillis, Path edited, BlockingQueue<CheckResult> verdicts) throws Exception {
        long[] ms = new long[runs];
        for (int i = 0; i < runs; i++) {
            Thread.sleep(pauseMillis);
            long start = System.nanoTime();
            Files.writeString(edited, "// edit " + System.nanoTime() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            CheckResult result = verdict(verdicts);
            ms[i] = (System.nanoTime() - start) / 1_000_000;
            System.out.println(label + ", run " + (i + 1) + ": " + ms[i] + " ms, " + result.status());
        }
        Arrays.sort(ms);
        return ms[runs / 2];
    }

    private static CheckResult verdict(BlockingQueue<CheckResult> verdicts) throws InterruptedException {
        CheckResult result = verdicts.poll(60, TimeUnit.SECONDS);
        if (result == null) {
            throw new IllegalStateException("no verdict within 60 s");
        }
        return result;
    }
}
