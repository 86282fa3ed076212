package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Grades an exercise: compiles its sources in this JVM, runs the JUnit Jupiter tests in a child JVM
 * with a wall-clock and memory limit, and turns what happened into a {@link CheckResult}.
 */
public final class ExerciseChecker implements AutoCloseable {
    /** Learner output kept for the report; the rest is read and dropped so the child never blocks. */
    static final int OUTPUT_CAP = 8 * 1024;
    /** A reused child is replaced after this many runs, so class metadata cannot pile up. */
    private static final int MAX_RUNS_PER_CHILD = 100;
    /** How a JVM ended by SIGINT (Ctrl-C) exits: 128 + 2. */
    private static final int INTERRUPTED_EXIT = 130;

    private final Messages text;
    private final boolean keepWarm;
    /** Null on the fast path (the learner's classes in the tests' JVM), else how the learner's process runs. */
    private final Sandbox sandbox;
    private TestJvm spare;
    /** Where the fast path keeps the tests compiled against a learner's classes; null to compile them every time. */
    private CompiledTestCache compiledTests;
    /** Counts runs; a compiler warm-up goes on while no run has started since the one it followed. */
    private final java.util.concurrent.atomic.AtomicInteger runsStarted = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Warm-up compiles made so far in this JVM, by every checker, at most {@link #WARM_COMPILES}:
     * what they warm is javac's code in this JVM, which a second checker (the shell's, after a
     * switch of language) finds warm already. Per checker, the suite's JVM made about 500.
     */
    private static final java.util.concurrent.atomic.AtomicInteger WARM_COMPILES_MADE = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * After the first runs of watch or the shell, this many compiles of the learner's sources in
     * the background, while the learner reads the verdict: javac in a fresh JVM compiles exercise
     * 01 and its tests in about 170 ms, after twenty compiles in about 35 ms, and each save's
     * verdict waits for one compile.
     */
    private static final int WARM_COMPILES = 20;

    /** A checker that starts a fresh JVM for each run. */
    public ExerciseChecker(Lang lang) {
        this(lang, false);
    }

    /**
     * @param keepWarm keep a test JVM waiting for the next run (for watch and the shell): the same
     *     one while the learner's code leaves nothing behind in it, else a fresh one started at once
     *     so it has loaded JUnit by the next save; {@link #close()} ends it
     */
    public ExerciseChecker(Lang lang, boolean keepWarm) {
        this(lang, keepWarm, null);
    }

    /**
     * A checker for grades: the learner's code runs in a process of its own, in {@code sandbox},
     * and the course's tests in another that makes the verdict; only the course's tests count.
     */
    public ExerciseChecker(Lang lang, Sandbox sandbox) {
        this(lang, sandbox, false);
    }

    /**
     * As {@link #ExerciseChecker(Lang, Sandbox)}; with {@code keepWarm}, the tests' JVM waits for
     * the next run, as in a batch: the learner's code never runs in it, and it is used again while
     * the course's tests leave nothing behind in it. {@link #close()} ends it.
     */
    public ExerciseChecker(Lang lang, Sandbox sandbox, boolean keepWarm) {
        this(lang, keepWarm, java.util.Objects.requireNonNull(sandbox));
    }

    private ExerciseChecker(Lang lang, boolean keepWarm, Sandbox sandbox) {
        this.text = Messages.of("grade", lang);
        this.keepWarm = keepWarm;
        this.sandbox = sandbox;
    }

    /**
     * Keeps the tests compiled on the fast path in {@code cache}, for the next run of the same tests
     * against classes with the same API: a learner's practice, never a grade.
     */
    public ExerciseChecker keepingCompiledTests(CompiledTestCache cache) {
        this.compiledTests = cache;
        return this;
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
        return run(exercise, sourceDirs, exercise.dir());
    }

    /**
     * As {@link #run(Exercise, List)}, with compiler errors in files under {@code shownBase} shown
     * relative to it (a copy of a learner's files in a scratch folder shows as {@code src/...}), and
     * other files relative to the exercise folder.
     */
    public CheckResult run(Exercise exercise, List<Path> sourceDirs, Path shownBase) {
        runsStarted.incrementAndGet();
        try {
            return runNow(exercise, sourceDirs, shownBase);
        } finally {
            if (keepWarm && sandbox == null) {
                warmTheCompiler(sourceDirs, List.of(shownBase, exercise.dir()));
            }
        }
    }

    /**
     * Compiles {@code sourceDirs} into a scratch folder a few times on a background thread, until
     * {@link #WARM_COMPILES} are made or the next run starts (the one compiling then finishes).
     */
    private void warmTheCompiler(List<Path> sourceDirs, List<Path> shownBases) {
        int after = runsStarted.get();
        if (WARM_COMPILES_MADE.get() >= WARM_COMPILES) {
            return;
        }
        Thread warmer = new Thread(() -> {
            while (runsStarted.get() == after && WARM_COMPILES_MADE.getAndIncrement() < WARM_COMPILES) {
                Path out = null;
                try {
                    out = ScratchFolders.create("socketlab-warm");
                    LearnerCompiler.compile(sourceDirs, out, shownBases, text.lang().locale());
                } catch (IOException | RuntimeException e) {
                    return; // only a warm-up: the next run compiles and says what is wrong
                } finally {
                    ScratchFolders.delete(out);
                }
            }
        }, "socketlab-warm-compiler");
        warmer.setDaemon(true);
        warmer.setPriority(Thread.MIN_PRIORITY);
        warmer.start();
    }

    private CheckResult runNow(Exercise exercise, List<Path> sourceDirs, Path shownBase) {
        TestJvm child = null;
        boolean keep = false;
        Path subjectWork = null;
        TestJvm retired = null;
        try {
            List<String> subject = null;
            if (sandbox != null) {
                subjectWork = ScratchFolders.create("socketlab-subject");
                Files.createDirectories(subjectWork.resolve("classes"));
                subject = sandbox.subjectCommand(subjectWork, text.lang());
            }
            // the tests' JVM (and the learner's process, apart) start while the sources compile
            child = sandbox == null ? takeSpareOrStart() : takeSpareOrStart(subject, subjectWork);
            List<Path> testDirs = sourceDirs.stream().filter(d -> d.equals(exercise.testDir()) || d.equals(exercise.hiddenDir())).toList();
            List<Path> learnerDirs = sourceDirs.stream().filter(d -> !testDirs.contains(d)).toList();
            List<Path> shownBases = List.of(shownBase, exercise.dir());
            Prepared prepared;
            try {
                if (sandbox == null) {
                    prepared = together(child, sourceDirs, learnerDirs, testDirs, shownBases, exercise);
                } else {
                    prepared = apart(exercise, subjectWork, subject, learnerDirs, testDirs, shownBases);
                }
            } catch (IllegalStateException e) {
                return error(text.get("error.no-compiler"), "");
            }
            if (Thread.interrupted()) {
                // javac stopped by an interrupt reports files it could not read as errors
                throw new InterruptedException();
            }
            if (prepared.refused() != null) {
                keep = keepWarm;
                if (keep && subject != null) {
                    child.startSubject(null, null);
                }
                return prepared.refused();
            }
            if (sandbox != null) {
                child.nextRun();
            }
            Path resultFile = child.work.resolve("result-" + child.runs + ".json");
            Path testList = child.work.resolve("tests-" + child.runs + ".txt");
            Files.write(testList, prepared.testClasses(), StandardCharsets.UTF_8);
            String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
            TestJvm.Ending ending = child.runTests(prepared.classes(), resultFile, token, exercise.timeoutSeconds(), keepWarm,
                    testList, prepared.subject(), subjectWork);
            // apart, the learner's code never runs in the tests' JVM: a warm one that ended before
            // its run began was not ended by the learner
            boolean warmOneGone = ending == TestJvm.Ending.EXITED && sandbox != null && child.runs > 1 && !child.progress().hasPlan();
            if (ending == TestJvm.Ending.SLOW_START || warmOneGone) {
                // the machine, not the learner, was too slow (or the warm JVM is gone): one more try
                // on a fresh JVM; the first one's folder holds the classes, so it is deleted only after the run
                retired = child;
                child = startJvm(prepared.subject(), subjectWork);
                Path again = child.work.resolve("tests-again.txt");
                Files.write(again, prepared.testClasses(), StandardCharsets.UTF_8);
                resultFile = child.work.resolve("result-again.json");
                ending = child.runTests(prepared.classes(), resultFile, token, exercise.timeoutSeconds(), keepWarm, again,
                        prepared.subject(), subjectWork);
                if (ending == TestJvm.Ending.SLOW_START) {
                    return error(text.get("error.slow-start", TestJvm.START_LIMIT_NANOS / 1_000_000_000L), child.output());
                }
            }
            LearnerCompiler.Outcome compiled = prepared.compiled();
            if (ending == TestJvm.Ending.TIMEOUT || ending == TestJvm.Ending.TOO_LONG) {
                return timedOut(exercise, child, token, sourceDirs, compiled, ending == TestJvm.Ending.TOO_LONG);
            }
            if (ending == TestJvm.Ending.EXITED || !Files.exists(resultFile)) {
                String output = child.output();
                if (output.contains("Terminating due to java.lang.OutOfMemoryError")) {
                    // that line is the JVM's, not the learner's: the verdict says it already
                    return error(text.get("error.memory", TestJvm.MEMORY_LIMIT.substring("-Xmx".length())), withoutJvmLastWords(output));
                }
                if (child.exitValue() == INTERRUPTED_EXIT) {
                    // Ctrl-C on a terminal signals every process of the job, the test JVM included
                    return error(text.get("error.interrupted"), output);
                }
                return error(text.get("error.ended-early", child.exitValue()), output);
            }
            Map<String, Object> doc = JSON.std.mapFrom(Files.readString(resultFile, StandardCharsets.UTF_8));
            keep = keepWarm && Boolean.TRUE.equals(doc.get("reusable")) && child.runs < MAX_RUNS_PER_CHILD;
            return judge(exercise, doc, token, sourceDirs, compiled);
        } catch (java.io.InterruptedIOException e) {
            if (e instanceof java.net.SocketTimeoutException) {
                return error(text.get("error.io", e.getMessage()), "");
            }
            // Ctrl-C while a process of the run was starting: stopped, like an interrupt at any other moment
            Thread.currentThread().interrupt();
            return error(text.get("error.interrupted"), "");
        } catch (IOException e) {
            return error(text.get("error.io", e.getMessage()), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(text.get("error.interrupted"), "");
        } finally {
            ScratchFolders.delete(subjectWork);
            if (retired != null) {
                retired.dispose();
            }
            if (child != null && keep && child.isAlive()) {
                spare = child;
            } else {
                if (child != null) {
                    child.dispose();
                }
                if (keepWarm) {
                    try {
                        spare = startJvm();
                    } catch (IOException e) {
                        spare = null;
                    }
                }
            }
        }
    }

    /**
     * What a run needs: the classes the tests' JVM loads and the test classes in them, where each
     * class came from, and the learner's process to start (null when the learner's classes are
     * loaded beside the tests); or, instead, the verdict that refuses the sources.
     */
    private record Prepared(Path classes, List<String> testClasses, LearnerCompiler.Outcome compiled, List<String> subject,
            CheckResult refused) {
        static Prepared refusing(CheckResult refused) {
            return new Prepared(null, List.of(), null, null, refused);
        }
    }

    /** The fast path: the learner's sources and the tests compiled together, loaded in the tests' JVM. */
    private Prepared together(TestJvm child, List<Path> sourceDirs, List<Path> learnerDirs, List<Path> testDirs,
            List<Path> shownBases, Exercise exercise) throws IOException {
        Path classes = child.nextClassesDir();
        LearnerCompiler.Outcome compiled = null;
        if (compiledTests != null && !testDirs.isEmpty()) {
            compiled = compiledTests.compile(learnerDirs, testDirs, classes, shownBases, text.lang().locale(), exercise.hiddenDir(),
                    text.get("compile.hidden"));
            if (compiled == null) {
                // what the split compile left is thrown away; one compile of everything says what is wrong
                ScratchFolders.delete(classes);
                Files.createDirectories(classes);
            }
        }
        if (compiled == null) {
            compiled = LearnerCompiler.compile(sourceDirs, classes, shownBases, text.lang().locale(), exercise.hiddenDir(),
                    text.get("compile.hidden"));
        }
        if (!compiled.ok()) {
            return Prepared.refusing(new CheckResult("error", text.get("error.compile"), List.of(), compiled.errors(), true));
        }
        String shadows = shadows(compiled, learnerDirs, java.util.Set.of(), shownBases);
        if (!shadows.isEmpty()) {
            return Prepared.refusing(new CheckResult("error", text.get("error.shadows"), List.of(), shadows, true));
        }
        return new Prepared(classes, testClasses(compiled, testDirs), compiled, null, null);
    }

    /**
     * The graded path: the course's tests compiled against stubs of the starter (once per course
     * version), the learner's sources alone into the folder of the learner's own process.
     */
    private Prepared apart(Exercise exercise, Path subjectWork, List<String> subject, List<Path> learnerDirs, List<Path> testDirs,
            List<Path> shownBases) throws IOException {
        // the learner's own errors first: when the starter itself is what does not compile (an
        // author's slip, or a learner's code given as the starter), those are the errors to show
        LearnerCompiler.Outcome learner = LearnerCompiler.compile(learnerDirs, subjectWork.resolve("classes"), shownBases,
                text.lang().locale());
        if (!learner.ok()) {
            return Prepared.refusing(new CheckResult("error", text.get("error.compile"), List.of(), learner.errors(), true));
        }
        // a learner's own check compiles the exercise's src/, the very starter the stubs are made from
        Path starterClasses = learnerDirs.equals(List.of(exercise.srcDir())) ? subjectWork.resolve("classes") : null;
        CourseTests tests = CourseTests.of(exercise.srcDir(), starterClasses, testDirs, shownBases, text.lang().locale(),
                exercise.hiddenDir(), text.get("compile.hidden"));
        if (!tests.ok()) {
            return Prepared.refusing(new CheckResult("error", text.get("error.course-compile"), List.of(), tests.compiled.errors(), true));
        }
        String shadows = shadows(learner, learnerDirs, tests.testAndHelperClasses(), shownBases);
        if (!shadows.isEmpty()) {
            return Prepared.refusing(new CheckResult("error", text.get("error.shadows"), List.of(), shadows, true));
        }
        sandbox.handOver(subjectWork);
        return new Prepared(tests.classes, tests.testClasses, tests.compiled, subject, null);
    }

    /** Packages no learner's class may be in: the test frameworks' and this program's. */
    private static final List<String> RESERVED = List.of("org.junit.", "org.opentest4j.", "org.apiguardian.", "io.socketlab.");

    /**
     * One line for each class of the learner's that takes the name of a course test class or a
     * class of JUnit or the test kit; empty when there is none.
     */
    private String shadows(LearnerCompiler.Outcome compiled, List<Path> learnerDirs, java.util.Set<String> courseClasses,
            List<Path> shownBases) {
        StringBuilder lines = new StringBuilder();
        for (Map.Entry<String, Path> e : new java.util.TreeMap<>(compiled.classSources()).entrySet()) {
            String name = e.getKey();
            boolean learners = learnerDirs.stream().anyMatch(d -> e.getValue().startsWith(d.toAbsolutePath().normalize()));
            if (!learners) {
                continue;
            }
            Path file = e.getValue();
            String shown = shownBases.stream().map(b -> b.toAbsolutePath().normalize()).filter(file::startsWith).findFirst()
                    .map(b -> b.relativize(file).toString()).orElse(file.getFileName().toString());
            if (courseClasses.contains(name)) {
                lines.append(text.get("shadow.test", shown, name)).append('\n');
            } else if (RESERVED.stream().anyMatch(name::startsWith)) {
                lines.append(text.get("shadow.reserved", shown, name)).append('\n');
            }
        }
        return lines.toString();
    }

    /** The top-level classes compiled from the test folders: the only ones searched for tests. */
    private static List<String> testClasses(LearnerCompiler.Outcome compiled, List<Path> testDirs) {
        return compiled.classSources().entrySet().stream()
                .filter(e -> !e.getKey().contains("$"))
                .filter(e -> testDirs.stream().anyMatch(d -> e.getValue().startsWith(d.toAbsolutePath().normalize())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** The JVM waiting for the next run, or null when none waits. */
    TestJvm waiting() {
        TestJvm ready = spare;
        return ready != null && ready.isAlive() ? ready : null;
    }

    /** Ends the waiting spare JVM, if any. */
    @Override
    public void close() {
        if (spare != null) {
            spare.dispose();
            spare = null;
        }
    }

    private TestJvm takeSpareOrStart() throws IOException {
        return takeSpareOrStart(null, null);
    }

    /**
     * The waiting JVM, told to start the learner's process {@code subject} now (when there is one),
     * or a fresh JVM that starts it first thing.
     */
    private TestJvm takeSpareOrStart(List<String> subject, Path subjectWork) throws IOException {
        TestJvm ready = spare;
        spare = null;
        if (ready != null && ready.isAlive()) {
            if (subject != null) {
                ready.startSubject(subject, subjectWork);
            }
            return ready;
        }
        if (ready != null) {
            ready.dispose();
        }
        return startJvm(subject, subjectWork);
    }

    private TestJvm startJvm() throws IOException {
        return startJvm(null, null);
    }

    private TestJvm startJvm(List<String> subject, Path subjectWork) throws IOException {
        return TestJvm.start(text.lang(), sandbox == null ? List.of() : sandbox.verdictPrefix(), subject, subjectWork);
    }

    private CheckResult judge(Exercise exercise, Map<String, Object> doc, String token, List<Path> sourceDirs,
            LearnerCompiler.Outcome compiled) {
        String output = withoutJvmLastWords(String.valueOf(doc.getOrDefault("output", "")));
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
                    String.valueOf(t.get("message")), withoutJvmLastWords(String.valueOf(t.getOrDefault("output", ""))),
                    compiled.compiledFrom(String.valueOf(t.get("class")), exercise.hiddenDir())));
        }
        if (failed == 0) {
            return new CheckResult("pass", text.get("verdict.pass", tests.size()), tests, output, false);
        }
        return new CheckResult("fail", text.get("verdict.fail", failed, tests.size()), tests, output, false);
    }

    /**
     * The verdict of a run stopped at the time limit: the tests that finished keep their result,
     * the one running is failed as still running and the rest as never run, so the learner sees
     * which test hung and keeps the points already earned. When the limit came before the tests
     * even started, nothing was judged.
     */
    private CheckResult timedOut(Exercise exercise, TestJvm child, String token, List<Path> sourceDirs,
            LearnerCompiler.Outcome compiled, boolean tooLong) {
        String message = tooLong
                ? text.get("error.too-long", exercise.timeoutSeconds() * TestJvm.TOTAL_LIMITS, exercise.timeoutSeconds())
                : child.progress().testRunning() ? text.get("error.timeout", exercise.timeoutSeconds())
                // no test was running: a static initializer or @BeforeAll never returned
                : text.get("error.timeout-setup", exercise.timeoutSeconds());
        List<Map<String, Object>> tests = child.progress().judged(
                text.get("timeout.still-running", exercise.timeoutSeconds()), text.get("timeout.never-ran"));
        if (tests.isEmpty()) {
            return error(message, child.output());
        }
        Map<String, Object> doc = Map.of("token", token, "tests", tests, "output", child.output());
        CheckResult judged = judge(exercise, doc, token, sourceDirs, compiled);
        return new CheckResult(judged.status(), message, judged.tests(), judged.output(), false);
    }

    /** The learner's output without the JVM's own line when it ran out of memory: the verdict says so already. */
    private static String withoutJvmLastWords(String output) {
        return output.replaceAll("(?m)^Terminating due to java\\.lang\\.OutOfMemoryError.*\\R?", "");
    }

    private static double weight(Map<String, Object> test) {
        return test.get("weight") instanceof Number n ? Math.max(1, n.doubleValue()) : 1;
    }

    private static CheckResult error(String message, String output) {
        return new CheckResult("error", message, List.of(), output, false);
    }

}
