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
 * CI runs no container engine (the image was built and run by hand with podman 4.3 on the project's
 * machine: docs/instructors.md), so what is checked here is that the Containerfile runs the
 * commands the rest of SocketLab uses: its entry point is grade as the docs call it, and it builds
 * the jar as setup.sh does, from a course without solutions.
 */
class ContainerfileTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    /**
     * The reference solutions never enter the build context: a COPY layer keeps every file it
     * copied, so a later {@code rm} would hide them from the running container but not from
     * whoever has the image ({@code podman save}, a registry pull). docker reads .dockerignore;
     * podman and buildah read .containerignore first, else .dockerignore.
     */
    @Test
    void theBuildContextLeavesEverySolutionOut() throws Exception {
        Path ignoreFile = Files.exists(COURSE.resolve(".containerignore")) ? COURSE.resolve(".containerignore") : COURSE.resolve(".dockerignore");
        assertTrue(Files.exists(ignoreFile), "no .dockerignore: the image would carry the solutions in a layer");
        List<java.nio.file.PathMatcher> ignored = Files.readAllLines(ignoreFile).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#") && !l.startsWith("!"))
                .map(l -> java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + l)).toList();
        int solutions = 0;
        try (var exercises = Files.list(COURSE.resolve("exercises"))) {
            for (Path exercise : exercises.filter(e -> Files.isDirectory(e.resolve("solution"))).toList()) {
                Path solution = COURSE.relativize(exercise.resolve("solution"));
                solutions++;
                assertTrue(ignored.stream().anyMatch(m -> m.matches(solution)), ignoreFile.getFileName() + " lets " + solution + " into the image");
            }
        }
        assertTrue(solutions > 0, "the instructor course has solutions to leave out");
        for (String kept : List.of("exercises/06-send-all/src", "exercises/06-send-all/hidden", "exercises/06-send-all/test")) {
            assertTrue(ignored.stream().noneMatch(m -> m.matches(Path.of(kept))), kept + " is needed to grade");
        }
    }

    /**
     * The image's /opt/socketlab as its COPY lines and its rm lay it out, made here: the build's
     * {@code list} (and the start-up archive's {@code warmup}) must open it, or the build fails.
     */
    @Test
    void theCourseTheImageCopiesOpensWithoutSolutions(@TempDir Path dir) throws Exception {
        Path opt = dir.resolve("opt");
        for (String line : Files.readString(COURSE.resolve("Containerfile")).lines().filter(l -> l.startsWith("COPY ")).toList()) {
            List<String> parts = List.of(line.substring(5).trim().split("\\s+"));
            Path into = opt.resolve(parts.get(parts.size() - 1));
            for (String source : parts.subList(0, parts.size() - 1)) {
                Path from = COURSE.resolve(source);
                if (Files.isDirectory(from)) {
                    io.socketlab.TestFiles.copyTree(from, parts.size() == 2 ? into : into.resolve(from.getFileName()));
                } else {
                    Files.createDirectories(into);
                    Files.copy(from, into.resolve(from.getFileName()));
                }
            }
        }
        try (var exercises = Files.list(opt.resolve("exercises"))) {
            for (Path exercise : exercises.toList()) {
                io.socketlab.grade.ScratchFolders.delete(exercise.resolve("solution"));
            }
        }
        for (String command : List.of("list", "warmup")) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = Main.run(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8), "--course", opt.toString(), "--lang", "en", command);
            assertEquals(0, code, command + ": " + err.toString(StandardCharsets.UTF_8));
        }
        try (var walk = Files.walk(opt)) {
            assertTrue(walk.noneMatch(p -> p.getFileName().toString().equals("solution")));
        }
    }

    /** The docs' podman run: no network, the image read-only, the submission read-only, pid and memory limits. */
    @Test
    void theDocumentedRunCommandIsolatesTheSubmission() throws Exception {
        String docs = Files.readString(COURSE.resolve("docs/instructors.md"));
        String run = docs.substring(docs.indexOf("podman run --rm"), docs.indexOf("socketlab-grader --exercise 06-send-all"));
        for (String flag : List.of("--network none", "--read-only", "--pids-limit 256", "--memory 1g", "--cpus 1", "--user 65534:65534",
                "/submissions/student:ro")) {
            assertTrue(run.contains(flag), flag + " is missing from: " + run);
        }
        assertTrue(Files.readString(COURSE.resolve("Containerfile")).contains("--network none --read-only"), "the file's own comment says so too");
    }

    @Test
    void theEntryPointIsTheGradeCommandWithTheDocumentedArguments(@TempDir Path dir) throws Exception {
        String file = Files.readString(COURSE.resolve("Containerfile"));
        String entry = file.lines().filter(l -> l.startsWith("ENTRYPOINT ")).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        List<String> command = (List<String>) (List<?>) JSON.std.listFrom(entry.substring("ENTRYPOINT ".length()));
        assertEquals(List.of("bash", "/opt/socketlab/socketlab", "--course", "/opt/socketlab", "grade", "--out", "/results", "/submissions"), command);
        assertTrue(file.contains("RUN rm -rf exercises/*/solution"), "the image holds no solution");
        assertTrue(file.contains("SOCKETLAB_CACHE=now bash socketlab --course /opt/socketlab list > /dev/null"), "built and warmed as setup.sh does");
        assertTrue(GradescopeBundle.setup().contains("SOCKETLAB_CACHE=now bash /autograder/source/course/socketlab --course /autograder/source/course list > /dev/null"));

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
