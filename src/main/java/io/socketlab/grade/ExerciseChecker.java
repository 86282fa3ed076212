package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Grades an exercise: compiles its sources in this JVM, runs the JUnit Jupiter tests in a child JVM
 * with a wall-clock and memory limit, and turns what happened into a {@link CheckResult}.
 */
public final class ExerciseChecker implements AutoCloseable {
    /** Learner output kept for the report; the rest is read and dropped so the child never blocks. */
    static final int OUTPUT_CAP = 8 * 1024;
    private static final String MEMORY_LIMIT = "-Xmx256m";

    private final Messages text;
    private final boolean keepWarm;
    private Child spare;

    /** A checker that starts a fresh JVM for each run. */
    public ExerciseChecker(Lang lang) {
        this(lang, false);
    }

    /**
     * @param keepWarm after each run, start the next child JVM at once so it has loaded JUnit by the
     *     time the learner saves again (for watch); {@link #close()} ends it
     */
    public ExerciseChecker(Lang lang, boolean keepWarm) {
        this.text = Messages.of("grade", lang);
        this.keepWarm = keepWarm;
    }

    /** Checks the learner's files ({@code src/} and {@code test/}) and prints the report to {@code out}. */
    public static CheckResult check(Exercise exercise, Lang lang, boolean color, PrintWriter out) {
        CheckResult result;
        try (ExerciseChecker checker = new ExerciseChecker(lang)) {
            result = checker.check(exercise);
        }
        new CheckReport(lang, color).print(exercise, result, out);
        return result;
    }

    /** Checks the learner's files: {@code src/} against the visible tests in {@code test/}. */
    public CheckResult check(Exercise exercise) {
        return run(exercise, List.of(exercise.srcDir(), exercise.testDir()));
    }

    /**
     * Compiles the given source folders together and runs every test among them. Never throws:
     * any trouble is a result with status {@code error} and a message saying what happened.
     */
    public CheckResult run(Exercise exercise, List<Path> sourceDirs) {
        Child child = null;
        try {
            child = takeSpareOrStart();
            Path classes = child.classes;
            Process process = child.process;
            OutputDrain drain = child.drain;
            LearnerCompiler.Outcome compiled;
            try {
                compiled = LearnerCompiler.compile(sourceDirs, classes, exercise.dir());
            } catch (IllegalStateException e) {
                return error(text.get("error.no-compiler"), "");
            }
            if (!compiled.ok()) {
                return new CheckResult("error", text.get("error.compile"), List.of(), compiled.errors(), true);
            }
            Path resultFile = child.work.resolve("result.json");
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            try (OutputStream go = process.getOutputStream()) {
                go.write((resultFile + "\t" + token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child already ended; its exit is judged below
            }
            boolean finished = process.waitFor(exercise.timeoutSeconds(), TimeUnit.SECONDS);
            if (!finished) {
                kill(process);
                drain.join(2000);
                return error(text.get("error.timeout", exercise.timeoutSeconds()), drain.text());
            }
            drain.join(2000);
            String output = drain.text();
            if (!Files.exists(resultFile)) {
                if (output.contains("Terminating due to java.lang.OutOfMemoryError")) {
                    return error(text.get("error.memory", MEMORY_LIMIT.substring("-Xmx".length())), output);
                }
                return error(text.get("error.ended-early", process.exitValue()), output);
            }
            return judge(exercise, Files.readString(resultFile, StandardCharsets.UTF_8), token, output);
        } catch (IOException e) {
            return error(text.get("error.io", e.getMessage()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(text.get("error.interrupted"), "");
        } finally {
            if (child != null) {
                child.dispose();
            }
            if (keepWarm) {
                try {
                    spare = Child.start();
                } catch (IOException e) {
                    spare = null;
                }
            }
        }
    }

    /** Ends the waiting spare JVM, if any. */
    @Override
    public void close() {
        if (spare != null) {
            spare.dispose();
            spare = null;
        }
    }

    private Child takeSpareOrStart() throws IOException {
        Child ready = spare;
        spare = null;
        if (ready != null && ready.process.isAlive()) {
            return ready;
        }
        if (ready != null) {
            ready.dispose();
        }
        return Child.start();
    }

    /** A child JVM that has loaded JUnit and waits on stdin for its result file, in its own work folder. */
    private static final class Child {
        final Path work;
        final Path classes;
        final Process process;
        final OutputDrain drain;

        private Child(Path work, Path classes, Process process, OutputDrain drain) {
            this.work = work;
            this.classes = classes;
            this.process = process;
            this.drain = drain;
        }

        static Child start() throws IOException {
            Path work = Files.createTempDirectory("socketlab-check");
            Path classes = Files.createDirectories(work.resolve("classes"));
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;
            List<String> command = new ArrayList<>(List.of(java.toString(), MEMORY_LIMIT, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-Djava.awt.headless=true"));
            String archive = System.getProperty("socketlab.cds");
            if (archive != null && Files.isRegularFile(Path.of(archive))) {
                // The launcher's start-up archive was recorded with this jar first on the class path,
                // so the child may map it too and start without loading JUnit class by class.
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            command.addAll(List.of("-cp", classPath, ChildTestRunner.class.getName(), classes.toString()));
            // The learner's code runs in its own scratch folder, not in the course folder.
            Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
            OutputDrain drain = new OutputDrain(process.getInputStream());
            drain.start();
            return new Child(work, classes, process, drain);
        }

        void dispose() {
            kill(process);
            deleteQuietly(work);
        }
    }

    private CheckResult judge(Exercise exercise, String json, String token, String output) throws IOException {
        Map<String, Object> doc = JSON.std.mapFrom(json);
        if (!token.equals(doc.get("token"))) {
            return error(text.get("error.forged"), output);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) doc.get("tests");
        if (raw == null || raw.isEmpty()) {
            return error(text.get("error.no-tests"), output);
        }
        double share = (double) exercise.points() / raw.size();
        List<TestResult> tests = new ArrayList<>();
        int failed = 0;
        for (Map<String, Object> t : raw) {
            boolean pass = "pass".equals(t.get("status"));
            failed += pass ? 0 : 1;
            tests.add(new TestResult(String.valueOf(t.get("name")), pass ? "pass" : "fail", pass ? share : 0, share,
                    String.valueOf(t.get("message")), ""));
        }
        if (failed == 0) {
            return new CheckResult("pass", text.get("verdict.pass", tests.size()), tests, output, false);
        }
        return new CheckResult("fail", text.get("verdict.fail", failed, tests.size()), tests, output, false);
    }

    private static CheckResult error(String message, String output) {
        return new CheckResult("error", message, List.of(), output, false);
    }

    /** Ends the child and everything it started; learner code may have spawned processes. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temp folder left behind is harmless; the OS cleans it
        }
    }

    /** Reads the child's output to the end, keeping the first {@link #OUTPUT_CAP} bytes. */
    private static final class OutputDrain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long total;

        OutputDrain(InputStream in) {
            super("socketlab-output-drain");
            this.in = in;
            setDaemon(true);
        }

        @Override
        public void run() {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    synchronized (this) {
                        int room = (int) Math.max(0, OUTPUT_CAP - total);
                        kept.write(buffer, 0, Math.min(room, n));
                        total += n;
                    }
                }
            } catch (IOException e) {
                // the child was killed; what was read is kept
            }
        }

        synchronized String text() {
            String shown = kept.toString(StandardCharsets.UTF_8);
            return total > OUTPUT_CAP ? shown + "\n[... " + (total - OUTPUT_CAP) + " more bytes dropped]" : shown;
        }
    }
}
