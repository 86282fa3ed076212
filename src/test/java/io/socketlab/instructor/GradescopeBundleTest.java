package io.socketlab.instructor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.TestFiles;
import io.socketlab.course.Exercise;
import io.socketlab.course.ExerciseLoader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The Gradescope bundle as Gradescope uses it: unzipped into {@code source/} of an autograder root,
 * its run_autograder run on a correct, a wrong and a non-compiling submission (AUTOGRADER_ROOT in a
 * temporary folder, the jar setup.sh would build stood in for by one that points at this build).
 */
@Execution(ExecutionMode.CONCURRENT) // each test builds and runs a bundle in folders of its own
class GradescopeBundleTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();
    private static final Path SUBMISSIONS = COURSE.resolve("src/test/resources/submissions");

    @BeforeEach
    void needsTheInstructorCourse() {
        Assumptions.assumeTrue(Files.isDirectory(COURSE.resolve("exercises/06-send-all/hidden")));
    }

    private static Exercise sendAll() {
        return ExerciseLoader.load(COURSE, new ArrayList<>()).stream().filter(e -> e.id().equals("06-send-all")).findFirst().orElseThrow();
    }

    @Test
    void theBundleHoldsTheScriptsAndTheCourseWithoutSolutions(@TempDir Path dir) throws Exception {
        Path zip = dir.resolve("autograder.zip");
        GradescopeBundle.write(COURSE, sendAll(), zip);
        try (ZipFile file = new ZipFile(zip.toFile())) {
            List<String> names = file.stream().map(ZipEntry::getName).toList();
            assertTrue(names.contains("setup.sh") && names.contains("run_autograder"), "at the root of the archive, as Gradescope looks for them");
            assertTrue(names.contains("course/exercises/06-send-all/hidden/exercise/send_all/TransfersHiddenTest.java"), "grading needs the hidden tests");
            assertTrue(names.contains("course/src/main/java/io/socketlab/cli/Main.java"), "setup.sh builds the jar from the sources");
            assertTrue(names.stream().noneMatch(n -> n.contains("/solution/")), names::toString);
            // the course's own test suite stays out (its fixtures copy solutions), but for the snippets lessons include
            java.util.Set<String> included = GradescopeBundle.lessonIncludes(COURSE).stream().map(p -> "course/" + p.toString().replace('\\', '/'))
                    .collect(Collectors.toSet());
            assertTrue(names.stream().filter(n -> n.startsWith("course/src/test/")).allMatch(included::contains), names::toString);
            assertTrue(names.contains("course/src/test/java/io/socketlab/snippets/ApiTour.java"), "lessons include it");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("course/src/test/resources/")), names::toString);
            assertTrue(names.stream().noneMatch(n -> n.contains("/target/") || n.contains("/.git/")), names::toString);
            String setup = new String(file.getInputStream(file.getEntry("setup.sh")).readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(setup.contains("apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven bubblewrap"), setup);
            // the image is saved when setup.sh ends: an archive recorded in the background would be lost
            assertTrue(setup.contains("SOCKETLAB_CACHE=now bash /autograder/source/course/socketlab --course /autograder/source/course list"), setup);
            // a zip holds local time without a zone: a file's own time, written east of UTC, unpacks in the
            // future on Gradescope, newer than the jar setup.sh builds, and the launcher rebuilds at every run
            for (ZipEntry entry : file.stream().toList()) {
                assertEquals(GradescopeBundle.ENTRY_TIME, entry.getTimeLocal(), entry.getName());
            }
        }
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of(zip), siblings.toList(), "the partial file was moved into place");
        }
    }

    @Test
    void theBundlesCourseOpensAsSetupShAndTheStartUpArchiveOpenIt(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("autograder");
        unzip(writeBundle(dir), root.resolve("source"));
        Path course = root.resolve("source/course");
        // setup.sh runs list (set -e: a failure fails the image build); the start-up archive runs warmup
        for (String command : List.of("list", "warmup")) {
            java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
            int code = io.socketlab.cli.Main.run(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8),
                    new java.io.PrintStream(err, true, StandardCharsets.UTF_8), "--course", course.toString(), "--lang", "en", command);
            assertEquals(0, code, command + ": " + err.toString(StandardCharsets.UTF_8));
        }
        for (Path included : GradescopeBundle.lessonIncludes(COURSE)) {
            assertTrue(Files.isRegularFile(course.resolve(included)), included + " is included by a lesson");
        }
    }

    @Test
    void runAutograderFindsTheSubmissionInAZippedFolderOrInPackageFolders(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("autograder");
        unzip(writeBundle(dir), root.resolve("source"));
        standInJar(root.resolve("source/course"));
        Path broken = SUBMISSIONS.resolve("compile-error");
        // the exercise folder zipped (Gradescope unpacks 06-send-all/src/...), a handout zipped, Transfers.java in its package folders
        Path folder = dir.resolve("folder");
        TestFiles.copyTree(broken, folder.resolve("06-send-all"));
        Path handout = dir.resolve("handout");
        TestFiles.copyTree(broken, handout.resolve("socketlab-handout/exercises/06-send-all"));
        Files.createDirectories(handout.resolve("socketlab-handout/src/main/java"));
        Path packages = dir.resolve("packages");
        TestFiles.copyTree(broken.resolve("src"), packages);
        for (Object[] layout : new Object[][] {{folder, "src/exercise/send_all/Transfers.java:36:"},
                {handout, "exercises/06-send-all/src/exercise/send_all/Transfers.java:36:"}, {packages, "src/exercise/send_all/Transfers.java:36:"}}) {
            Map<String, Object> results = runAutograder(root, (Path) layout[0], false);
            assertTrue(String.valueOf(results.get("output")).startsWith((String) layout[1]), layout[0] + ": " + results);
        }
    }

    @Test
    void runAutograderGradesACorrectAWrongAndANonCompilingSubmission(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("autograder");
        unzip(writeBundle(dir), root.resolve("source"));
        standInJar(root.resolve("source/course"));

        Map<String, Object> correct = runAutograder(root, SUBMISSIONS.resolve("correct"), false);
        assertEquals(10.0, number(correct.get("score")), correct::toString);
        assertEquals("hidden", correct.get("stdout_visibility"));
        List<Map<String, Object>> tests = tests(correct);
        assertTrue(tests.stream().allMatch(t -> "passed".equals(t.get("status"))), tests::toString);
        assertTrue(tests.stream().anyMatch(t -> "after_published".equals(t.get("visibility"))), "the hidden tests are hidden until published");
        assertTrue(tests.stream().anyMatch(t -> "visible".equals(t.get("visibility"))));

        Map<String, Object> wrong = runAutograder(root, SUBMISSIONS.resolve("wrong"), true);
        double score = number(wrong.get("score"));
        assertTrue(score > 0 && score < 10, wrong::toString);
        assertTrue(tests(wrong).stream().anyMatch(t -> "failed".equals(t.get("status"))));

        Map<String, Object> broken = runAutograder(root, SUBMISSIONS.resolve("compile-error"), false);
        assertEquals(0.0, number(broken.get("score")), broken::toString);
        assertTrue(String.valueOf(broken.get("output")).startsWith("src/exercise/send_all/Transfers.java:36: ';' expected"), broken::toString);
    }

    private static Path writeBundle(Path dir) throws IOException {
        Path zip = dir.resolve("autograder.zip");
        GradescopeBundle.write(COURSE, sendAll(), zip);
        return zip;
    }

    /**
     * Runs run_autograder on a copy of {@code submission}; {@code uploadedFiles} lays it out as
     * files uploaded one by one (Transfers.java alone), not as the exercise folder.
     */
    private static Map<String, Object> runAutograder(Path root, Path submission, boolean uploadedFiles) throws Exception {
        Path into = root.resolve("submission");
        if (Files.exists(into)) {
            io.socketlab.grade.ScratchFolders.delete(into);
        }
        if (uploadedFiles) {
            try (Stream<Path> walk = Files.walk(submission)) {
                for (Path java : walk.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Files.createDirectories(into);
                    Files.copy(java, into.resolve(java.getFileName()));
                }
            }
        } else {
            TestFiles.copyTree(submission, into);
        }
        Files.deleteIfExists(root.resolve("results/results.json"));
        ProcessBuilder run = new ProcessBuilder("bash", root.resolve("source/run_autograder").toString())
                .redirectErrorStream(true).redirectOutput(root.resolveSibling("run.log").toFile());
        run.environment().put("AUTOGRADER_ROOT", root.toString());
        run.environment().remove("SOCKETLAB_HOME");
        Process process = run.start();
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("run_autograder did not finish: " + Files.readString(root.resolveSibling("run.log")));
        }
        Path results = root.resolve("results/results.json");
        assertTrue(Files.isRegularFile(results), () -> "no results.json: " + read(root.resolveSibling("run.log")));
        return JSON.std.mapFrom(Files.readString(results));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    /**
     * What setup.sh builds, target/socketlab.jar, stood in for by a jar whose manifest points at
     * this build's classes and libraries, newer than every source so the launcher does not rebuild.
     */
    private static void standInJar(Path course) throws IOException {
        Path jar = Files.createDirectories(course.resolve("target")).resolve("socketlab.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "io.socketlab.cli.Main");
        String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath())
                .map(entry -> jar.getParent().relativize(entry).toString().replace(File.separatorChar, '/') + (Files.isDirectory(entry) ? "/" : ""))
                .map(entry -> entry.replace(" ", "%20")).collect(Collectors.joining(" "));
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
    }

    private static void unzip(Path zip, Path to) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : file.stream().toList()) {
                Path target = to.resolve(entry.getName());
                Files.createDirectories(target.getParent());
                try (InputStream in = file.getInputStream(entry)) {
                    Files.copy(in, target);
                }
            }
        }
    }

    private static double number(Object o) {
        return ((Number) o).doubleValue();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> tests(Map<String, Object> results) {
        return (List<Map<String, Object>>) results.get("tests");
    }
}
