package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.i18n.Lang;
import io.socketlab.testkit.Processes;
import io.socketlab.testkit.Say;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A child JVM running {@link ChildTestRunner} in its own work folder: it has loaded JUnit and
 * waits on stdin for a run. Its stdout is the learner's output; its stderr says when a run is done.
 */
final class TestJvm {
    /**
     * How a run ended: results written, the JVM gone, or (the JVM killed) no test finished within
     * the time limit, or the whole run took longer than {@link #TOTAL_LIMITS} limits.
     */
    enum Ending { DONE, EXITED, TIMEOUT, TOO_LONG, SLOW_START }

    /** How long the JVM may take to start and find the tests, whatever the exercise's limit: a busy machine is slow. */
    static final long START_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** The whole run may take this many times the exercise's limit, which applies per test. */
    static final int TOTAL_LIMITS = 3;

    static final String MEMORY_LIMIT = "-Xmx256m";
    private static final String END_OF_CONTROL = "end of control";
    /** The child's own lines are shorter; what goes past this without a line break is output. */
    private static final int CONTROL_LINE_CAP = 1 << 20;

    final Path work;
    final Process process;
    private final OutputDrain drain;
    private final BlockingQueue<String> said = new LinkedBlockingQueue<>();
    /** What the child said of the current run as it went: its plan, the tests started, the results. */
    private final RunProgress progress = new RunProgress();
    private final Writer orders;
    int runs;

    private TestJvm(Path work, Process process, Lang lang) {
        this.work = work;
        this.process = process;
        this.drain = new OutputDrain(process.getInputStream(), lang);
        this.orders = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        drain.start();
        Thread control = new Thread(this::readControl, "socketlab-check-control");
        control.setDaemon(true);
        control.start();
    }

    /**
     * Starts a child whose tests speak {@code lang} (see {@link Say}), under {@code prefix} (the
     * sandbox's private network, or nothing). With a {@code subject} (null on the fast path), the
     * child starts that learner's process of its first run, working in {@code subjectWork}, at
     * once, before it warms up: the two JVMs start side by side instead of one after the other.
     */
    static TestJvm start(Lang lang, List<String> prefix, List<String> subject, Path subjectWork) throws IOException {
        Path work = ScratchFolders.create("socketlab-check");
        List<String> command = new ArrayList<>(prefix);
        command.addAll(java(lang));
        command.addAll(List.of("-cp", classPath(), ChildTestRunner.class.getName()));
        if (subject != null) {
            command.addAll(List.of(JSON.std.asString(subject), subjectWork.toString()));
        }
        // The learner's code runs in its own scratch folder, not in the course folder.
        Process process = Processes.start(new ProcessBuilder(command).directory(work.toFile()));
        ScratchFolders.track(process);
        return new TestJvm(work, process, lang);
    }

    /** The java command and options the tests' JVM starts with: the learner's, and the start-up archive. */
    static List<String> java(Lang lang) {
        List<String> command = sharedJava(lang);
        // The launcher's start-up archive was recorded with this jar on the class path, so the
        // child may map it too and start without loading JUnit class by class.
        command.addAll(archiveOptions(TESTS_ARCHIVE));
        return command;
    }

    /** The property naming the launcher's start-up archive of the tests' JVMs. */
    static final String TESTS_ARCHIVE = "socketlab.cds";
    /** The property naming the launcher's start-up archive of the learner's processes. */
    static final String SUBJECT_ARCHIVE = "socketlab.subject.cds";

    /**
     * The options that map the archive {@code property} names, or none when there is none. A
     * stale one (an older jar) is refused by the JVM, quietly, and the process starts without it.
     */
    static List<String> archiveOptions(String property) {
        Path archive = archive(property);
        return archive == null ? List.of() : List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off");
    }

    /** The archive {@code property} names, when it is a file. */
    static Path archive(String property) {
        String archive = System.getProperty(property);
        return archive != null && Files.isRegularFile(Path.of(archive)) ? Path.of(archive).toAbsolutePath() : null;
    }

    /**
     * The learner's process: the same JVM and limits, with an archive of its own. The tests' archive
     * holds JUnit and the course, which the learner's process never loads, and mapping it cost more
     * (about 90 ms on this project's machine) than it saved; its own, recorded from
     * {@code SubjectHost --warmup}, holds the bridge and the socket and stream classes (a subject
     * answering one call: 85 -> 69 ms of CPU).
     */
    static List<String> subjectJava(Lang lang) {
        List<String> command = sharedJava(lang);
        // It lives for one run: no performance counters cost it less CPU, and it is never looked
        // at with jstat. It compiles a method once it has run ten times as often as the JVM's
        // default asks: the bridge's and the JDK's start-up code, run a few hundred times, is no
        // longer compiled in every learner's process (its compiler took 45 of its 178 ms of CPU in
        // an exercise-06 run, 6 of 143 after), while a learner's hot loop still is, after a few
        // milliseconds.
        command.addAll(1, List.of("-XX:-UsePerfData", "-XX:CompileThresholdScaling=10"));
        command.addAll(archiveOptions(SUBJECT_ARCHIVE));
        return command;
    }

    /**
     * The java command and options both JVMs of a run start with. One compiler thread, as the
     * launcher gives the grader: on two cores the JVM starts two, and in a check, where the
     * grader's compile and the tests' JVM keep both cores busy, the four compiler threads took a
     * third of the CPU (about 5% of a learner's process's CPU in an exercise-06 run, too).
     */
    private static List<String> sharedJava(Lang lang) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ArrayList<>(List.of(java.toString(), MEMORY_LIMIT, "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1",
                "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-Xshare:auto", "-Djava.awt.headless=true",
                "-D" + Say.PROPERTY + "=" + lang.code()));
    }

    /** This program's class path, absolute, because the children run in folders of their own. */
    static String classPath() {
        return classPathEntries().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    static List<Path> classPathEntries() {
        return Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath()).toList();
    }

    /**
     * Every place a class can be loaded from: the class path and, as the JVM reads them, the
     * {@code Class-Path} entries of its jars' manifests (a sandbox that showed only the jar would
     * hide the classes such a jar points to).
     */
    static Set<Path> classPathWithManifests() {
        Set<Path> all = new LinkedHashSet<>();
        Deque<Path> pending = new ArrayDeque<>(classPathEntries());
        while (!pending.isEmpty()) {
            Path entry = pending.removeFirst();
            if (!all.add(entry) || !Files.isRegularFile(entry)) {
                continue;
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                Manifest manifest = jar.getManifest();
                String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
                if (classPath != null) {
                    for (String relative : classPath.trim().split("\\s+")) {
                        if (!relative.isEmpty()) {
                            pending.add(entry.resolveSibling(URLDecoder.decode(relative, StandardCharsets.UTF_8)).normalize());
                        }
                    }
                }
            } catch (IOException | IllegalArgumentException notAJar) {
                // the JVM skips what it cannot read as a jar, and so does this
            }
        }
        return all;
    }

    /** A fresh, empty folder for this run's classes; the previous run's classes are deleted. */
    Path nextClassesDir() throws IOException {
        ScratchFolders.delete(work.resolve("classes-" + runs));
        runs++;
        return Files.createDirectories(work.resolve("classes-" + runs));
    }

    /**
     * Counts a run whose classes live elsewhere (the course's tests, compiled once): its result
     * and test list get names of their own in this JVM's folder.
     */
    void nextRun() {
        runs++;
    }

    /**
     * Tells a waiting JVM to start the learner's process of its next run now, while the grader
     * compiles, as a fresh one does from its arguments: a run ordered with the same command and
     * folder then finds it started. A null {@code subject} ends the one started, for a run that
     * was refused and never ordered.
     */
    void startSubject(List<String> subject, Path subjectWork) {
        try {
            orders.write(ChildTestRunner.START_SUBJECT + "\t" + (subject == null ? "-" : JSON.std.asString(subject)) + "\t"
                    + (subjectWork == null ? "-" : subjectWork.toString()) + "\n");
            orders.flush();
        } catch (IOException e) {
            // the child already ended; the run's order finds it gone and says so
        }
    }

    /**
     * Orders one run and waits until it is done, the JVM ends, or the time limit passes.
     *
     * @param keep whether this JVM would be used again, so it should check it is still clean
     */
    Ending runTests(Path classes, Path resultFile, String token, int timeoutSeconds, boolean keep, Path testList,
            List<String> subject, Path subjectWork) throws InterruptedException {
        if (runs > 1) {
            // what the previous run printed; a fresh JVM keeps what it said while starting
            drain.clear();
        }
        progress.begin(token);
        try {
            orders.write(classes + "\t" + resultFile + "\t" + token + "\t" + (keep ? "keep" : "last") + "\t" + testList
                    + "\t" + (subject == null ? "-" : JSON.std.asString(subject)) + "\t" + subjectWork + "\n");
            orders.flush();
        } catch (IOException e) {
            // the child already ended; its exit is judged below
        }
        // The limit runs from the last test to start or finish: a test that hangs until its own
        // @Timeout does not take the time of the tests after it. The whole run is capped as well.
        long limit = TimeUnit.SECONDS.toNanos(timeoutSeconds);
        long ordered = System.nanoTime();
        long cap = Long.MAX_VALUE;
        while (true) {
            boolean started = progress.hasPlan();
            if (started && cap == Long.MAX_VALUE) {
                cap = progress.lastEvent() + TOTAL_LIMITS * limit;
            }
            long due = started ? Math.min(progress.lastEvent() + limit, cap) : ordered + START_LIMIT_NANOS;
            String line = said.poll(Math.max(1, Math.min(due - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(100))),
                    TimeUnit.NANOSECONDS);
            if (line == null) {
                long now = System.nanoTime();
                if (now - due < 0 || started != progress.hasPlan()) {
                    continue; // not due yet, or a test started or finished while this thread waited
                }
                ScratchFolders.end(process);
                drain.join(2000);
                return !started ? Ending.SLOW_START : now - cap >= 0 ? Ending.TOO_LONG : Ending.TIMEOUT;
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

    /** What the child said of the last run while it ran; what was judged when it timed out. */
    RunProgress progress() {
        return progress;
    }

    /** What the learner's code printed during the last run, capped, with anything else the JVM said. */
    String output() {
        return drain.text();
    }

    int exitValue() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private void readControl() {
        try (BoundedLines err = new BoundedLines(process.getErrorStream(), CONTROL_LINE_CAP, drain::add)) {
            String line;
            while ((line = err.readLine()) != null) {
                int at = progress.messageStart(line);
                if (at > 0) {
                    // learner code wrote to fd 2 without a line break: its text, then the child's line
                    drain.add(line.substring(0, at) + "\n");
                    line = line.substring(at);
                }
                if (line.startsWith("done ")) {
                    said.add(line);
                } else if (!progress.take(line)) {
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
        ScratchFolders.end(process);
        ScratchFolders.delete(work);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Reads the child's output to the end, keeping the first {@link ExerciseChecker#OUTPUT_CAP} bytes of each run. */
    private static final class OutputDrain extends Thread {
        private final InputStream in;
        private final CappedText kept;

        OutputDrain(InputStream in, Lang lang) {
            super("socketlab-output-drain");
            this.in = in;
            this.kept = new CappedText(ExerciseChecker.OUTPUT_CAP, lang);
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
