package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SIGTERM sent to {@code grade} alone, as a CI cancel does, while a student's code hangs: every
 * process it started ends and its temporary folders are deleted.
 */
class GradeSignalTest {
    private static final Path COURSE = Path.of("").toAbsolutePath();

    /**
     * @param early signal as soon as the learner's process appears, which it does while the code
     *     compiles (the compile's writes are waited for, see ScratchFoldersTest), else once the
     *     run is ordered and the student's code hangs
     */
    @ParameterizedTest(name = "signalled while compiling: {0}")
    @ValueSource(booleans = {false, true})
    void sigtermToGradeAloneLeavesNoProcessAndNoTemporaryFolder(boolean early, @TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path student = dir.resolve("submissions/hangs/src/exercise/send_all");
        Files.createDirectories(student);
        Files.copy(COURSE.resolve("src/test/resources/submissions/infinite-loop/src/exercise/send_all/Transfers.java"),
                student.resolve("Transfers.java"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process grade = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                "io.socketlab.cli.Main", "--course", COURSE.toString(), "grade", "--exercise", "06", "--timeout", "60",
                "--out", dir.resolve("out").toString(), dir.resolve("submissions").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("grade.log").toFile()).start();
        try {
            // the student's code runs once a process works in the grader's scratch folder for it and
            // the run is ordered; the sandbox's probe, which also runs processes in the temporary
            // folder and ends at once, must not be taken for it, so the wait is for the learner's own
            // process, which starts while the code compiles
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            boolean started = false;
            while (!(started = !processesUsing(tmp, "socketlab-subject").isEmpty() && (early || compiled(tmp)))
                    && System.nanoTime() < deadline && grade.isAlive()) {
                Thread.sleep(50);
            }
            assertTrue(started, () -> "no test run started: " + log(dir));
            grade.destroy(); // SIGTERM, to grade alone
            assertTrue(grade.waitFor(30, TimeUnit.SECONDS), "grade did not end on SIGTERM");
            long gone = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!processesUsing(tmp).isEmpty() && System.nanoTime() < gone) {
                Thread.sleep(50);
            }
            assertEquals(List.of(), processesUsing(tmp));
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList());
            }
        } finally {
            grade.destroyForcibly();
            processesUsing(tmp).forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
        }
    }

    /**
     * True once the run is ordered: the grader writes the list of test classes into the tests' JVM's
     * folder after every compile of the run (the student's code, the course's tests) is done.
     */
    private static boolean compiled(Path tmp) throws IOException {
        try (Stream<Path> folders = Files.list(tmp)) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("socketlab-check")).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    if (files.anyMatch(f -> f.getFileName().toString().startsWith("tests-"))) {
                        return true;
                    }
                } catch (java.nio.file.NoSuchFileException gone) {
                    // a folder being deleted
                }
            }
            return false;
        }
    }

    /** Processes whose command line or working folder lies in {@code tmp}. */
    private static List<Long> processesUsing(Path tmp) throws IOException {
        return processesUsing(tmp, "");
    }

    /**
     * Processes whose command line or working folder lies in {@code tmp} and names {@code marker}:
     * {@code socketlab-subject}, the scratch folder of the learner's process of a run.
     */
    private static List<Long> processesUsing(Path tmp, String marker) throws IOException {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : procs.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String command = new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8);
                    String cwd = Files.readSymbolicLink(proc.resolve("cwd")).toString();
                    if (!command.contains("-Djava.io.tmpdir=" + tmp) && (command.contains(tmp.toString()) || cwd.startsWith(tmp.toString()))
                            && (command.contains(marker) || cwd.contains(marker))) {
                        pids.add(Long.parseLong(proc.getFileName().toString()));
                    }
                } catch (IOException e) {
                    // the process ended while it was looked at
                }
            }
        }
        return pids;
    }

    private static String log(Path dir) {
        try {
            return Files.readString(dir.resolve("grade.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }
}
