package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The course's exercises graded with the learner's code in a process of its own. */
class GradingApartTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    @ParameterizedTest
    @ValueSource(strings = {"01-phone-server", "02-phone-client", "03-loop-server", "04-udp-upper", "05-chat-client",
            "06-send-all", "07-framing", "08-group-chat"})
    void everyReferenceSolutionPassesEveryTestApart(String id) {
        Exercise exercise = exercise(id);
        CheckResult result = new ExerciseChecker(Lang.EN, sandbox())
                .run(exercise, List.of(exercise.solutionDir(), exercise.testDir(), exercise.hiddenDir()));
        assertEquals("pass", result.status(), result.message() + "\n" + result.tests() + "\n" + result.output());
    }

    /**
     * A test's limit starts when the test starts, and JVM start-up has its own: four busy loops
     * sharing the cores change no verdict (compared, not timed).
     */
    @Test
    void fourBusyLoopsChangeNoVerdict() throws Exception {
        Exercise exercise = exercise("06-send-all");
        Path submissions = COURSE.resolve("src/test/resources/submissions");
        List<String> quiet = verdicts(exercise, submissions);
        List<Process> loops = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                loops.add(new ProcessBuilder("sh", "-c", "while :; do :; done").start());
            }
            assertEquals(quiet, verdicts(exercise, submissions));
        } finally {
            loops.forEach(Process::destroyForcibly);
        }
    }

    private static List<String> verdicts(Exercise exercise, Path submissions) {
        List<String> verdicts = new ArrayList<>();
        // a 2 s limit per test, as a tight --timeout gives
        Exercise tight = new Exercise(exercise.id(), exercise.number(), exercise.dir(), exercise.titles(), exercise.points(), 2,
                exercise.hints());
        for (String fixture : List.of("correct", "wrong")) {
            CheckResult result = new ExerciseChecker(Lang.EN, sandbox())
                    .run(tight, List.of(submissions.resolve(fixture).resolve("src"), tight.testDir(), tight.hiddenDir()));
            verdicts.add(fixture + " " + result.status() + " " + CheckReport.rounded(result.points()) + " "
                    + result.tests().stream().map(t -> t.name() + "=" + t.status()).toList());
        }
        return verdicts;
    }

    /** The sandbox where it works (as grades use it), else none, so the bridge is still tried. */
    static Sandbox sandbox() {
        try {
            return Sandbox.of(Sandbox.Mode.AUTO);
        } catch (Sandbox.Unavailable e) {
            throw new AssertionError(e);
        }
    }

    static Exercise exercise(String id) {
        List<io.socketlab.course.Problem> problems = new ArrayList<>();
        Exercise exercise = ExerciseLoader.loadOne(COURSE.resolve("exercises").resolve(id), problems);
        assertEquals(List.of(), problems);
        return exercise;
    }
}
