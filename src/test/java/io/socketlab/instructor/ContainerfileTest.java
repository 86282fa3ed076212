package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No container engine runs here, so what can be checked is that the Containerfile runs the
 * commands the rest of SocketLab uses: its entry point is grade as the docs call it, and it builds
 * the jar as setup.sh does, from a course without solutions.
 */
class ContainerfileTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    @Test
    void theEntryPointIsTheGradeCommandWithTheDocumentedArguments(@TempDir Path dir) throws Exception {
        String file = Files.readString(COURSE.resolve("Containerfile"));
        String entry = file.lines().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) (List<?>) JSON.std.listFrom(entry.substring("ENTRYPOINT ".length()));
        assertEquals(List.of("bash", "/opt/socketlab/socketlab", "--course", "/opt/socketlab", "grade", "--out", "/results", "/submissions"), command);
        assertTrue(file.contains("RUN rm -rf exercises/*/solution"), "the image holds no solution");
        assertTrue(file.contains("bash socketlab --course /opt/socketlab list > /dev/null"), "built and warmed as setup.sh does");
        assertTrue(GradescopeBundle.setup().contains("socketlab --course /autograder/source/course list > /dev/null"));

        // the arguments after the image name, as the docs give them, complete a valid grade command line
        String docs = Files.readString(COURSE.resolve("docs/instructors.md"));
        assertTrue(docs.contains("socketlab-grader --exercise 06-send-all"), "docs call the image so");
        List<String> args = new ArrayList<>(command.subList(2, command.size()));
        args.set(args.indexOf("/results"), dir.resolve("results").toString());
        args.set(args.indexOf("/submissions"), dir.resolve("submissions").toString());
        args.set(args.indexOf("/opt/socketlab"), COURSE.toString());
        args.addAll(List.of("--exercise", "06-send-all", "--lang", "en"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(String[]::new));
        // parsed, then stopped only because this machine has no /submissions mounted
        assertEquals(2, code);
        assertEquals("grade: " + dir.resolve("submissions") + " is not a folder of submissions (one folder per student).",
                err.toString(StandardCharsets.UTF_8).strip());
    }
}
