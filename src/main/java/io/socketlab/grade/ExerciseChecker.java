package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.course.Exercise;
import io.socketlab.grade.testkit.Say;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades an exercise: compiles its sources in this JVM, runs the JUnit Jupiter tests in a child JVM
 * with a wall-clock and memory limit, and turns what happened into a {@link CheckResult}.
 */
public final class ExerciseChecker implements AutoCloseable {
    /** Learner output kept for the report; the rest is read and dropped so the child never blocks. */
    static final int OUTPUT_CAP = 8 * 1024;
    private static final String MEMORY_LIMIT = "-Xmx256m";
    /** A reused child is replaced after this many runs, so class metadata cannot pile up. */
    private static final int MAX_RUNS_PER_CHILD = 100;
    private static final String END_OF_CONTROL = "end of control";

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
        boolean keep = false;
        try {
            child = takeSpareOrStart();
            Path classes = child.nextClassesDir();
            LearnerCompiler.Outcome compiled;
            try {
                compiled = LearnerCompiler.compile(sourceDirs, classes, exercise.dir());
            } catch (IllegalStateException e) {
                return error(text.get("error.no-compiler"), "");
            }
            if (!compiled.ok()) {
                keep = keepWarm;
                return new CheckResult("error", text.get("error.compile"), List.of(), compiled.errors(), true);
            }
            Path resultFile = child.work.resolve("result-" + child.runs + ".json");
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            Child.Ending ending = child.runTests(classes, resultFile, token, exercise.timeoutSeconds());
            if (ending == Child.Ending.TIMEOUT) {
                return error(text.get("error.timeout", exercise.timeoutSeconds()), child.output());
            }
            if (ending == Child.Ending.EXITED || !Files.exists(resultFile)) {
                String output = child.output();
                if (output.contains("Terminating due to java.lang.OutOfMemoryError")) {
                    return error(text.get("error.memory", MEMORY_LIMIT.substring("-Xmx".length())), output);
                }
                return error(text.get("error.ended-early", child.exitValue()), output);
            }
            Map<String, Object> doc = JSON.std.mapFrom(Files.readString(resultFile, StandardCharsets.UTF_8));
            keep = keepWarm && Boolean.TRUE.equals(doc.get("reusable")) && child.runs < MAX_RUNS_PER_CHILD;
            return judge(exercise, doc, token, sourceDirs);
        } catch (IOException e) {
            return error(text.get("error.io", e.getMessage()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(text.get("error.interrupted"), "");
        } finally {
            if (child != null && keep && child.process.isAlive()) {
                spare = child;
            } else {
                if (child != null) {
                    child.dispose();
                }
                if (keepWarm) {
                    try {
                        spare = Child.start(text.lang());
                    } catch (IOException e) {
                        spare = null;
                    }
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
        return Child.start(text.lang());
    }

    /**
     * A child JVM running {@link ChildTestRunner} in its own work folder: it has loaded JUnit and
     * waits on stdin for a run. Its stdout is the learner's output; its stderr says when a run is done.
     */
    private static final class Child {
        enum Ending { DONE, EXITED, TIMEOUT }

        final Path work;
        final Process process;
        private final OutputDrain drain;
        private final BlockingQueue<String> said = new LinkedBlockingQueue<>();
        private final Writer orders;
        int runs;

        private Child(Path work, Process process) {
            this.work = work;
            this.process = process;
            this.drain = new OutputDrain(process.getInputStream());
            this.orders = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            drain.start();
            Thread control = new Thread(this::readControl, "socketlab-check-control");
            control.setDaemon(true);
            control.start();
        }

        /** Starts a child whose tests speak {@code lang} (see {@link Say}). */
        static Child start(Lang lang) throws IOException {
            Path work = Files.createTempDirectory("socketlab-check");
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            List<String> command = new ArrayList<>(List.of(java.toString(), MEMORY_LIMIT, "-XX:TieredStopAtLevel=1",
                    "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-Djava.awt.headless=true",
                    "-D" + Say.PROPERTY + "=" + lang.code()));
            String archive = System.getProperty("socketlab.cds");
            if (archive != null && Files.isRegularFile(Path.of(archive))) {
                // The launcher's start-up archive was recorded with this jar on the class path, so
                // the child may map it too and start without loading JUnit class by class.
                command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
            }
            // absolute, because the child runs in its own folder
            String classPath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(entry -> Path.of(entry).toAbsolutePath().toString()).collect(Collectors.joining(File.pathSeparator));
            command.addAll(List.of("-cp", classPath, ChildTestRunner.class.getName()));
            // The learner's code runs in its own scratch folder, not in the course folder.
            return new Child(work, new ProcessBuilder(command).directory(work.toFile()).start());
        }

        /** A fresh, empty folder for this run's classes; the previous run's classes are deleted. */
        Path nextClassesDir() throws IOException {
            deleteQuietly(work.resolve("classes-" + runs));
            runs++;
            return Files.createDirectories(work.resolve("classes-" + runs));
        }

        /** Orders one run and waits until it is done, the JVM ends, or the time limit passes. */
        Ending runTests(Path classes, Path resultFile, String token, int timeoutSeconds) throws InterruptedException {
            if (runs > 1) {
                // what the previous run printed; a fresh JVM keeps what it said while starting
                drain.clear();
            }
            try {
                orders.write(classes + "\t" + resultFile + "\t" + token + "\n");
                orders.flush();
            } catch (IOException e) {
                // the child already ended; its exit is judged below
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            while (true) {
                String line = said.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    kill(process);
                    drain.join(2000);
                    return Ending.TIMEOUT;
                }
                if (line.equals("done " + token)) {
                    return Ending.DONE;
                }
                if (line.equals(END_OF_CONTROL)) {
                    process.waitFor(5, TimeUnit.SECONDS);
                    drain.join(2000);
                    return Ending.EXITED;
                }
            }
        }

        /** What the learner's code printed during the last run, capped, with anything else the JVM said. */
        String output() {
            return drain.text();
        }

        int exitValue() {
            return process.isAlive() ? -1 : process.exitValue();
        }

        private void readControl() {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    if (line.startsWith("done ")) {
                        said.add(line);
                    } else {
                        // the JVM's own messages (out of memory, a crash) or learner code writing to fd 2
                        drain.add(line + "\n");
                    }
                }
            } catch (IOException e) {
                // the child was killed
            }
            said.add(END_OF_CONTROL);
        }

        void dispose() {
            kill(process);
            deleteQuietly(work);
        }
    }

    private CheckResult judge(Exercise exercise, Map<String, Object> doc, String token, List<Path> sourceDirs) {
        String output = String.valueOf(doc.getOrDefault("output", ""));
        if (!token.equals(doc.get("token"))) {
            return error(text.get("error.forged"), output);
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> raw = (List<Map<String, Object>>) doc.get("tests");
        if (raw == null || raw.isEmpty()) {
            return error(text.get("error.no-tests"), output);
        }
        // Weights come from @Tag("points=N") (docs/architecture.md); the exercise's points are shared by weight.
        double totalWeight = raw.stream().mapToDouble(ExerciseChecker::weight).sum();
        List<TestResult> tests = new ArrayList<>();
        int failed = 0;
        for (Map<String, Object> t : SourceOrder.sort(raw, sourceDirs)) {
            boolean pass = "pass".equals(t.get("status"));
            failed += pass ? 0 : 1;
            double share = exercise.points() * weight(t) / totalWeight;
            tests.add(new TestResult(String.valueOf(t.get("name")), pass ? "pass" : "fail", pass ? share : 0, share,
                    String.valueOf(t.get("message")), String.valueOf(t.getOrDefault("output", ""))));
        }
        if (failed == 0) {
            return new CheckResult("pass", text.get("verdict.pass", tests.size()), tests, output, false);
        }
        return new CheckResult("fail", text.get("verdict.fail", failed, tests.size()), tests, output, false);
    }

    private static double weight(Map<String, Object> test) {
        return test.get("weight") instanceof Number n ? Math.max(1, n.doubleValue()) : 1;
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

    /** Reads the child's output to the end, keeping the first {@link #OUTPUT_CAP} bytes of each run. */
    private static final class OutputDrain extends Thread {
        private final InputStream in;
        private final CappedText kept = new CappedText(OUTPUT_CAP);

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
                    kept.add(buffer, 0, n);
                }
            } catch (IOException e) {
                // the child was killed; what was read is kept
            }
        }

        void add(String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            kept.add(bytes, 0, bytes.length);
        }

        void clear() {
            kept.clear();
        }

        String text() {
            return kept.text();
        }
    }
}
