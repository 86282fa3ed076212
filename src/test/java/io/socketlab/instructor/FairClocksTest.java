package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import io.socketlab.course.Problem;
import io.socketlab.grade.TestResult;
import io.socketlab.i18n.Lang;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fair clocks: the same submissions get the same verdicts, test by test, on a quiet machine and
 * with four busy loops sharing its cores, with a tight time limit and as many runs at once as
 * there are submissions. A limit that started before the tests' JVM was ready, or a reply waited
 * for too briefly, shows here as a correct submission failing under load. Nothing here is timed:
 * the runs are bounded by the exercise's own limits.
 */
class FairClocksTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path MISTAKES = COURSE.resolve("src/test/resources/mistakes/01-phone-server");
    private static final String SOURCE = "exercise/phone_server/PhoneServer.java";
    /** Busy loops, as many as the reproduction ran beside a batch on two cores. */
    private static final int BUSY_LOOPS = 4;

    @Test
    void verdictsAreTheSameQuietAndWithFourBusyLoops(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/01-phone-server/solution")), "the instructor course");
        List<Problem> problems = new ArrayList<>();
        Exercise e = ExerciseLoader.load(COURSE, problems).stream().filter(x -> x.id().equals("01-phone-server")).findFirst().orElseThrow();
        // the limit of the reproduction, 4 s a test, with four submissions graded at once on
        // two cores: tight against the start of two JVMs a submission on a busy machine, loose
        // against the tests themselves, which exchange a few lines each
        Exercise exercise = new Exercise(e.id(), e.number(), e.dir(), e.titles(), e.points(), 4, e.hints());
        Path solution = e.dir().resolve("solution").resolve(SOURCE);
        List<Path> students = new ArrayList<>();
        for (Object[] s : new Object[][] {{"ann", solution}, {"bob", MISTAKES.resolve("decodes-the-whole-buffer").resolve(SOURCE)},
                {"cai", solution}, {"dan", MISTAKES.resolve("keeps-listening").resolve(SOURCE)}}) {
            Path to = dir.resolve((String) s[0]).resolve("src").resolve(SOURCE);
            Files.createDirectories(to.getParent());
            Files.copy((Path) s[1], to);
            students.add(dir.resolve((String) s[0]));
        }
        BatchGrader grader = new BatchGrader(Lang.EN, students.size());

        List<String> quiet = verdicts(grader.grade(exercise, students, g -> { }));
        assertTrue(quiet.get(0).startsWith("ann pass 10.0"), quiet::toString);
        assertTrue(quiet.get(1).startsWith("bob fail"), quiet::toString);
        assertTrue(quiet.get(2).startsWith("cai pass 10.0"), quiet::toString);
        assertTrue(quiet.get(3).startsWith("dan fail"), quiet::toString);

        List<String> busy;
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> loops = new ArrayList<>();
        try {
            for (int i = 0; i < BUSY_LOOPS; i++) {
                // the flag is read on every turn, so the loop holds a core until it is set
                Thread loop = new Thread(() -> {
                    while (!stop.get()) {
                        // spin
                    }
                }, "busy-loop-" + i);
                loop.setDaemon(true);
                loop.start();
                loops.add(loop);
            }
            busy = verdicts(grader.grade(exercise, students, g -> { }));
        } finally {
            stop.set(true);
            for (Thread loop : loops) {
                loop.join(10_000);
            }
        }
        assertEquals(quiet, busy);
    }

    /** Each student's status, points and every test's name and status, in student order. */
    private static List<String> verdicts(List<StudentGrade> grades) {
        List<String> lines = new ArrayList<>();
        for (StudentGrade g : grades) {
            StringBuilder line = new StringBuilder(g.student() + " " + g.status() + " " + g.points() + " " + g.result().message());
            for (TestResult t : g.result().tests()) {
                line.append(" | ").append(t.name()).append('=').append(t.status());
            }
            lines.add(line.toString());
        }
        return lines;
    }
}
