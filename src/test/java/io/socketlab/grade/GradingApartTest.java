package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
