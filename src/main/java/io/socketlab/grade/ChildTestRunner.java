package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import io.socketlab.testkit.Subject;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of the child JVM that runs the learner's tests. It loads JUnit first, then reads
 * one line per run from stdin: the folder of compiled classes, the result file, a secret token (all
 * known only to the parent) and {@code keep} when the parent would use this JVM again. Each run loads the classes in a class loader of its own, writes the
 * results to that file with the token (so nothing the learner prints can pass for a result) and
 * says {@code done TOKEN} on stderr, which carries nothing else.
 *
 * <p>The learner's output is captured per test and passed through to stdout, so the parent still
 * sees it when the JVM dies mid-run. When the parent wants to keep the JVM, the child then looks for
 * threads or open files the learner left behind; if it finds any, it says so in the results and
 * halts, and the parent starts a fresh JVM for the next run. A clean child waits for the next line,
 * which is what makes re-checks in watch fast: JUnit is loaded and compiled already.
 */
public final class ChildTestRunner {
    /** Output kept per test; the whole run keeps {@link ExerciseChecker#OUTPUT_CAP}. */
    static final int TEST_OUTPUT_CAP = 2 * 1024;
    /**
     * The first field of a line that starts the learner's process of the next run, before that
     * run is ordered (see {@link TestJvm#startSubject}): then the command and its work folder.
     */
    static final String START_SUBJECT = "subject";

    private ChildTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream control = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        OutputCapture capture = new OutputCapture(new FileOutputStream(FileDescriptor.out));
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        // the learner's process of the first run, when the parent knew it already: it starts
        // first thing, while this JVM loads JUnit and warms up, not after the run is ordered
        Subject early = args.length == 2 ? startEarly(args[0], args[1], capture) : null;
        Launcher launcher = launcher();
        Leftovers.openNetworking();
        // While the parent compiles the learner's code, a first run of tests of our own loads and
        // compiles what every run uses (discovery, the listener, a failure's text): the learner's
        // first test then costs what the others do. Whatever it starts is part of the baseline.
        // A parent that has compiled already has ordered the run: then the warm-up would only
        // delay it, and the run loads what it needs itself.
        if (!in.ready()) {
            warmUp(launcher, capture);
        }
        Set<Thread> baseThreads = Set.copyOf(Thread.getAllStackTraces().keySet());
        int baseFiles = Leftovers.openFiles();
        JvmDefaults defaults = JvmDefaults.take();
        String go;
        while ((go = in.readLine()) != null) {
            String[] parts = go.split("\t", 7);
            if (parts[0].equals(START_SUBJECT) && parts.length == 3) {
                if (early != null) {
                    early.close();
                }
                // "-": the run was refused, and nothing of the learner's is left to run
                early = parts[1].equals("-") ? null : startEarly(parts[1], parts[2], capture);
                continue;
            }
            defaults.restore();
            System.setOut(captured);
            System.setErr(captured);
            capture.startRun();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", parts[2]);
            String token = parts[2];
            List<String> testClasses = Files.readAllLines(Path.of(parts[4]), StandardCharsets.UTF_8);
            Subject subject = null;
            if (!parts[5].equals("-")) {
                List<String> command = JSON.std.listOfFrom(String.class, parts[5]);
                if (early != null && early.startedAs(command, Path.of(parts[6]))) {
                    subject = early;
                    subject.makeCurrent();
                } else {
                    if (early != null) {
                        early.close();
                    }
                    subject = Subject.open(command, Path.of(parts[6]), capture);
                }
                early = null;
            }
            try {
                if (subject != null) {
                    try {
                        subject.awaitStart();
                    } catch (IOException e) {
                        // the first call says so, in the test that makes it
                    }
                }
                doc.put("tests", runTests(launcher, Path.of(parts[0]), testClasses, capture,
                        (kind, what) -> control.println(kind + " " + token + " " + what)));
            } finally {
                if (subject != null) {
                    subject.close();
                }
            }
            doc.put("output", capture.runText());
            // only a JVM the parent wants to keep is worth the wait for the learner's threads to end;
            // apart, the files open are the course's tests' own (a JDK HttpClient keeps its
            // connections until it is collected), allowed to grow a little before a fresh JVM
            int filesAllowed = baseFiles + (parts[5].equals("-") ? 0 : Leftovers.APART_FILES_SLACK);
            boolean clean = parts[3].equals("keep") && Leftovers.noThreadLeft(baseThreads) && Leftovers.openFiles() <= filesAllowed;
            doc.put("reusable", clean);
            Path resultFile = Path.of(parts[1]);
            Path partial = resultFile.resolveSibling(resultFile.getFileName() + ".part");
            Files.writeString(partial, JSON.std.asString(doc), StandardCharsets.UTF_8);
            Files.move(partial, resultFile);
            control.println("done " + parts[2]);
            if (!clean) {
                break;
            }
        }
        // Threads the learner left running cannot keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    /**
     * Starts the learner's process of the next run, or returns null when it cannot start: its
     * work folder is gone, say, because the run was refused while this JVM was starting. A run
     * ordered with it starts it again, and a test says what went wrong.
     */
    private static Subject startEarly(String command, String work, OutputCapture capture) {
        try {
            return Subject.launchEarly(JSON.std.listOfFrom(String.class, command), Path.of(work), capture);
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * Runs every test among {@code classes} and returns their results. As it goes it tells the
     * parent (see {@link TestJvm}) the plan ({@code plan} and the tests it will run), each test that
     * starts ({@code start} and its id) and each result ({@code test}), so that a run stopped at
     * the time limit still shows what was judged and which test was running.
     */
    private static List<Map<String, Object>> runTests(Launcher launcher, Path classes, List<String> testClasses, OutputCapture capture,
            BiConsumer<String, String> tell) throws Exception {
        Thread me = Thread.currentThread();
        ClassLoader previous = me.getContextClassLoader();
        // The learner's classes are never on this JVM's class path: each run sees only its own.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ChildTestRunner.class.getClassLoader())) {
            me.setContextClassLoader(loader);
            List<DiscoverySelector> selectors = new ArrayList<>();
            for (String name : testClasses) {
                // only the course's test classes are searched: a test the learner wrote never counts
                selectors.add(DiscoverySelectors.selectClass(loader.loadClass(name)));
            }
            return runTests(launcher, selectors, capture, tell);
        } finally {
            me.setContextClassLoader(previous);
        }
    }

    /** Runs the tests {@code selectors} choose, telling the parent as it goes (see above). */
    private static List<Map<String, Object>> runTests(Launcher launcher, List<DiscoverySelector> selectors, OutputCapture capture,
            BiConsumer<String, String> tell) {
        List<Map<String, Object>> tests = new ArrayList<>();
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectors)
                // @Timeout then stops a test even when it never looks at its interrupt (a busy
                // loop): it fails with "timed out after" and the other tests still run
                .configurationParameter("junit.jupiter.execution.timeout.thread.mode.default", "SEPARATE_THREAD")
                .build();
        launcher.execute(request, new TestExecutionListener() {
            private TestPlan plan;
            private final Set<String> reported = new java.util.HashSet<>();

            @Override
            public void testPlanExecutionStarted(TestPlan plan) {
                this.plan = plan;
                List<Map<String, Object>> planned = new ArrayList<>();
                for (TestIdentifier root : plan.getRoots()) {
                    for (TestIdentifier id : plan.getDescendants(root)) {
                        if (id.isTest()) {
                            planned.add(describe(id));
                        }
                    }
                }
                tell.accept("plan", json(planned));
            }

            @Override
            public void executionStarted(TestIdentifier id) {
                if (id.isTest()) {
                    capture.startTest();
                    tell.accept("start", id.getUniqueId());
                }
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                if (!id.isTest()) {
                    // A class whose setup failed (@BeforeAll, its static initializer) reports
                    // none of its tests: each fails with the class's failure, so the run is
                    // neither "no tests found" nor a pass on the other classes alone.
                    if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL && plan != null) {
                        String message = result.getThrowable().map(FailureText::explain).orElse("");
                        String printed = capture.endTest();
                        for (TestIdentifier inside : plan.getDescendants(id)) {
                            if (inside.isTest() && reported.add(inside.getUniqueId())) {
                                Map<String, Object> test = describe(inside);
                                test.put("status", "fail");
                                test.put("message", message);
                                test.put("output", printed);
                                tests.add(test);
                                tell.accept("test", json(test));
                            }
                        }
                    }
                    return;
                }
                reported.add(id.getUniqueId());
                Map<String, Object> test = describe(id);
                test.put("status", result.getStatus() == TestExecutionResult.Status.SUCCESSFUL ? "pass" : "fail");
                test.put("message", result.getThrowable().map(FailureText::explain).orElse(""));
                test.put("output", capture.endTest());
                tests.add(test);
                tell.accept("test", json(test));
            }
        });
        return tests;
    }

    /** A test's name, id, class, method and weight: what the parent needs to list it. */
    private static Map<String, Object> describe(TestIdentifier id) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", id.getDisplayName().replaceAll("\\(\\)$", ""));
        test.put("id", id.getUniqueId());
        id.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast).ifPresent(method -> {
            test.put("class", method.getClassName());
            test.put("method", method.getMethodName());
        });
        if (!test.containsKey("class")) {
            // a dynamic test has no method of its own: its class is the one of its @TestFactory
            testClass(id.getUniqueIdObject()).ifPresent(name -> test.put("class", name));
        }
        test.put("weight", weight(id));
        return test;
    }

    /** The class a test belongs to, from its unique id's class and nested-class segments. */
    private static java.util.Optional<String> testClass(org.junit.platform.engine.UniqueId id) {
        StringBuilder name = new StringBuilder();
        for (org.junit.platform.engine.UniqueId.Segment segment : id.getSegments()) {
            if (segment.getType().equals("class")) {
                name.setLength(0);
                name.append(segment.getValue());
            } else if (segment.getType().equals("nested-class") && name.length() > 0) {
                name.append('$').append(segment.getValue());
            }
        }
        return name.length() == 0 ? java.util.Optional.empty() : java.util.Optional.of(name.toString());
    }

    /** One line of JSON (jackson-jr escapes line breaks inside strings). */
    private static String json(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The test's weight from its {@code @Tag("points=N")}, 1 without one (docs/architecture.md). */
    static int weight(TestIdentifier id) {
        for (TestTag tag : id.getTags()) {
            String name = tag.getName();
            if (name.startsWith("points=")) {
                try {
                    return Math.max(1, Integer.parseInt(name.substring("points=".length())));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }

    /**
     * For the launcher's start-up archive of the tests' JVMs: the warm-up tests run once as a
     * tests' JVM runs them, listener and results included, with the results dropped. Discovery
     * alone left out the classes JUnit makes as it runs tests (its lambdas, the annotations'
     * proxies), which every first run then made: about 700 in an exercise-01 check.
     */
    public static void rehearse() throws Exception {
        OutputCapture capture = new OutputCapture(OutputStream.nullOutputStream());
        capture.startRun();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tests", warmUp(launcher(), capture));
        doc.put("output", capture.runText());
        JSON.std.asString(doc);
    }

    /** The warm-up tests ({@link ChildWarmup}), their results told to no one. */
    private static List<Map<String, Object>> warmUp(Launcher launcher, OutputCapture capture) {
        return runTests(launcher, List.of(DiscoverySelectors.selectClass(ChildWarmup.class)), capture, (kind, what) -> { });
    }

    /** A JUnit launcher with the Jupiter engine alone. */
    private static Launcher launcher() throws ReflectiveOperationException {
        return LauncherFactory.create(LauncherConfig.builder().enableTestEngineAutoRegistration(false).addTestEngines(jupiter()).build());
    }

    /** The Jupiter engine, named explicitly: service files are unreliable inside a shaded jar. */
    private static TestEngine jupiter() throws ReflectiveOperationException {
        // the engine is a runtime-only dependency, so it is not visible to the compiler
        return (TestEngine) Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getDeclaredConstructor().newInstance();
    }

}
