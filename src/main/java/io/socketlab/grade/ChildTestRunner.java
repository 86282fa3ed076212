package io.socketlab.grade;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.TimeZone;
import io.socketlab.testkit.LearnerCode;
import io.socketlab.testkit.Say;
import io.socketlab.i18n.Lang;
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
    private static final long LEFTOVER_GRACE_NANOS = 200_000_000L;

    private ChildTestRunner() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream control = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Capture capture = new Capture(new FileOutputStream(FileDescriptor.out));
        PrintStream captured = new PrintStream(capture, true, StandardCharsets.UTF_8);
        Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                .enableTestEngineAutoRegistration(false).addTestEngines(jupiter()).build());
        openNetworking();
        Set<Thread> baseThreads = Set.copyOf(Thread.getAllStackTraces().keySet());
        int baseFiles = openFiles();
        JvmDefaults defaults = JvmDefaults.take();
        String go;
        while ((go = in.readLine()) != null) {
            String[] parts = go.split("\t", 4);
            defaults.restore();
            System.setOut(captured);
            System.setErr(captured);
            capture.startRun();
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("token", parts[2]);
            String token = parts[2];
            doc.put("tests", runTests(launcher, Path.of(parts[0]), capture,
                    (kind, what) -> control.println(kind + " " + token + " " + what)));
            doc.put("output", capture.runText());
            // only a JVM the parent wants to keep is worth the wait for the learner's threads to end
            boolean clean = parts[3].equals("keep") && noThreadLeft(baseThreads) && openFiles() <= baseFiles;
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
     * Runs every test among {@code classes} and returns their results. As it goes it tells the
     * parent (see {@link TestJvm}) the plan ({@code plan} and the tests it will run), each test that
     * starts ({@code start} and its id) and each result ({@code test}), so that a run stopped at
     * the time limit still shows what was judged and which test was running.
     */
    private static List<Map<String, Object>> runTests(Launcher launcher, Path classes, Capture capture,
            BiConsumer<String, String> tell) throws Exception {
        List<Map<String, Object>> tests = new ArrayList<>();
        Thread me = Thread.currentThread();
        ClassLoader previous = me.getContextClassLoader();
        // The learner's classes are never on this JVM's class path: each run sees only its own.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, ChildTestRunner.class.getClassLoader())) {
            me.setContextClassLoader(loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClasspathRoots(Set.of(classes)))
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
                            String message = result.getThrowable().map(ChildTestRunner::explain).orElse("");
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
                    test.put("message", result.getThrowable().map(ChildTestRunner::explain).orElse(""));
                    test.put("output", capture.endTest());
                    tests.add(test);
                    tell.accept("test", json(test));
                }
            });
        } finally {
            me.setContextClassLoader(previous);
        }
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
        test.put("weight", weight(id));
        return test;
    }

    /** One line of JSON (jackson-jr escapes line breaks inside strings). */
    private static String json(Object value) {
        try {
            return JSON.std.asString(value);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * The JVM-wide settings learner code may change (locale, time zone, system properties, the
     * default handler of uncaught exceptions, standard input), put back before each run so that
     * one run of a warm JVM cannot change what the next one sees.
     */
    private record JvmDefaults(Locale locale, Locale display, Locale format, TimeZone zone, Properties properties,
            Thread.UncaughtExceptionHandler handler) {
        static JvmDefaults take() {
            Properties properties = new Properties();
            properties.putAll(System.getProperties());
            return new JvmDefaults(Locale.getDefault(), Locale.getDefault(Locale.Category.DISPLAY),
                    Locale.getDefault(Locale.Category.FORMAT), TimeZone.getDefault(), properties,
                    Thread.getDefaultUncaughtExceptionHandler());
        }

        void restore() {
            Locale.setDefault(locale);
            Locale.setDefault(Locale.Category.DISPLAY, display);
            Locale.setDefault(Locale.Category.FORMAT, format);
            TimeZone.setDefault(zone);
            Properties fresh = new Properties();
            fresh.putAll(properties);
            System.setProperties(fresh);
            Thread.setDefaultUncaughtExceptionHandler(handler);
            // stdin carries the parent's orders; learner code reading it sees an empty stream
            System.setIn(new ByteArrayInputStream(new byte[0]));
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
     * True when every thread started during the runs so far has ended, waiting briefly for those
     * that are finishing. JUnit's own timeout watcher and the JDK's pool workers do not count.
     */
    private static boolean noThreadLeft(Set<Thread> base) throws InterruptedException {
        long deadline = System.nanoTime() + LEFTOVER_GRACE_NANOS;
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (base.contains(t) || t == Thread.currentThread() || ignorable(t)) {
                continue;
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    private static boolean ignorable(Thread t) {
        String name = t.getName();
        // not junit-timeout-thread-N: one left alive is a test that ran past its @Timeout, still looping
        boolean junit = name.startsWith("junit-") && !name.startsWith("junit-timeout-thread-");
        return t.isDaemon() && (junit || name.startsWith("ForkJoinPool.commonPool-")
                || name.equals("Common-Cleaner") || name.equals("process reaper") || name.equals("Attach Listener"));
    }

    /**
     * Uses TCP and UDP once on 127.0.0.1, so the files the JDK opens for good on first use of the
     * network (NIO keeps a socket for closing sockets asynchronously) are counted in the baseline.
     */
    private static void openNetworking() throws java.io.IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket listening = new ServerSocket(0, 1, loopback);
             Socket client = new Socket(loopback, listening.getLocalPort());
             Socket accepted = listening.accept();
             DatagramSocket udp = new DatagramSocket(0, loopback)) {
            client.getOutputStream().write(1);
            accepted.getInputStream().read();
            udp.getLocalPort();
        }
    }

    /** Open file descriptors of this process, or 0 where the system does not list them. */
    private static int openFiles() {
        String[] fds = new File("/dev/fd").list();
        return fds == null ? 0 : fds.length;
    }

    /** The Jupiter engine, named explicitly: service files are unreliable inside a shaded jar. */
    private static TestEngine jupiter() throws ReflectiveOperationException {
        // the engine is a runtime-only dependency, so it is not visible to the compiler
        return (TestEngine) Class.forName("org.junit.jupiter.engine.JupiterTestEngine").getDeclaredConstructor().newInstance();
    }

    private static String explain(Throwable failure) {
        String message = withoutTrueButFalse(failure, failure.getMessage());
        String kind = failure.getClass().getSimpleName();
        Throwable origin = LearnerCode.origin(failure);
        if (origin != failure) {
            // ExceptionInInitializerError has no message: say what the static initializer threw, and where
            return kind + ": " + explain(origin);
        }
        String escaped = escaped(failure);
        if (!escaped.isEmpty() && hasUnprintable(failure)) {
            // NUL bytes or escape codes would reach the terminal raw (or make grep call the report
            // binary); the line with escapes shows the same values
            message = withoutJunitValues(failure, message);
        }
        if (message != null && !message.isEmpty() && Say.lang() == Lang.ZH) {
            message = JunitInChinese.translate(failure, message);
        }
        if (failure instanceof AssertionError) {
            if (message == null || message.isEmpty()) {
                return escaped.isEmpty() ? kind : escaped.strip() + thrownAt(failure);
            }
            return message + escaped + thrownAt(failure);
        }
        StringBuilder text = new StringBuilder(kind);
        if (message != null) {
            text.append(": ").append(message);
        }
        if (failure instanceof NoClassDefFoundError && message != null && message.startsWith("Could not initialize class ")) {
            // the JVM runs a static initializer once: after it threw, each use of the class says only this
            text.append(Say.say(" (its static initializer threw in an earlier test, which shows why)",
                    "（它的静态初始化在前面的测试里已经抛出异常，原因见那个测试）"));
        }
        StackTraceElement at = LearnerCode.where(failure.getStackTrace());
        if (at != null) {
            String place = LearnerCode.place(at);
            text.append(Say.say(" (at " + place + ")", "（位于 " + place + "）"));
        } else if (failure instanceof java.util.concurrent.TimeoutException && failure.getCause() != null) {
            // @Timeout in a separate thread keeps that thread's stack as the cause: where the code was stuck
            StackTraceElement running = LearnerCode.where(failure.getCause().getStackTrace());
            if (running != null) {
                String place = LearnerCode.place(running);
                text.append(Say.say(" (still running at " + place + " when the time was up)", "（时间到时还在 " + place + " 运行）"));
            }
        }
        return text.toString();
    }

    /**
     * Where the exception JUnit's {@code assertThrows} or {@code assertDoesNotThrow} got was thrown in
     * the learner's code: the failure names the exception but not its line.
     */
    private static String thrownAt(Throwable failure) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError) || failure.getCause() == null
                || failure.getCause().getClass().getSimpleName().equals("ExecutionTimeoutException")) {
            return "";
        }
        StackTraceElement at = LearnerCode.where(failure.getCause().getStackTrace());
        if (at == null) {
            return "";
        }
        String place = LearnerCode.place(at);
        return Say.say(" (thrown at " + place + ")", "（抛出位置：" + place + "）");
    }

    /**
     * The author's message of an {@code assertTrue} or {@code assertFalse} without JUnit's
     * {@code ==> expected: <true> but was: <false>}, which says nothing more and would end up glued
     * to the last line of a network log.
     */
    private static String withoutTrueButFalse(Throwable failure, String message) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError junit) || !junit.isExpectedDefined() || !junit.isActualDefined()) {
            return message;
        }
        Object expected = junit.getExpected().getValue();
        Object actual = junit.getActual().getValue();
        boolean truth = expected instanceof Boolean && actual instanceof Boolean && !expected.equals(actual);
        String author = authorsPart(junit, message);
        return truth && author != null && !author.isEmpty() ? author : message;
    }

    /**
     * What the test's author wrote before JUnit's {@code ==> expected: <…> but was: <…>}: empty when
     * the message is JUnit's values alone, null when it does not end with them.
     */
    private static String authorsPart(org.opentest4j.AssertionFailedError junit, String message) {
        String values = "expected: <" + junit.getExpected().getStringRepresentation() + "> but was: <"
                + junit.getActual().getStringRepresentation() + ">";
        if (message == null || !message.endsWith(values)) {
            return null;
        }
        String author = message.substring(0, message.length() - values.length());
        return author.endsWith(" ==> ") ? author.substring(0, author.length() - " ==> ".length()) : author.strip();
    }

    /**
     * For values with invisible characters (a line break, a NUL byte), the same values written
     * with escapes on a line of their own: {@code <hello} and {@code >} on the next line does not
     * show that a newline was sent, {@code "hello\n"} does.
     */
    private static String escaped(Throwable failure) {
        if (!(failure instanceof org.opentest4j.AssertionFailedError junit) || !junit.isExpectedDefined() || !junit.isActualDefined()) {
            return "";
        }
        String expected = junit.getExpected().getStringRepresentation();
        String actual = junit.getActual().getStringRepresentation();
        if (!hasControl(expected + actual, true)) {
            return "";
        }
        return Say.say("\n(with escapes: expected " + Say.quote(expected) + ", actual " + Say.quote(actual) + ")",
                "\n（转义后：期望 " + Say.quote(expected) + "，实际 " + Say.quote(actual) + "）");
    }

    /** Whether JUnit's values hold a character other than a line break or tab that is not printable. */
    private static boolean hasUnprintable(Throwable failure) {
        org.opentest4j.AssertionFailedError junit = (org.opentest4j.AssertionFailedError) failure;
        return hasControl(junit.getExpected().getStringRepresentation() + junit.getActual().getStringRepresentation(), false);
    }

    /** The author's part of {@code message}, without JUnit's {@code expected: <…> but was: <…>}. */
    private static String withoutJunitValues(Throwable failure, String message) {
        String author = authorsPart((org.opentest4j.AssertionFailedError) failure, message);
        return author != null ? author : message;
    }

    /** Whether {@code text} holds a control character; line breaks and tabs count only {@code withLineBreaks}. */
    private static boolean hasControl(String text, boolean withLineBreaks) {
        return text.chars().anyMatch(c -> (c < 0x20 && (withLineBreaks || (c != '\n' && c != '\r' && c != '\t'))) || c == 0x7f);
    }

    /**
     * What the learner's code prints: passed through to stdout, and kept, capped, for the whole run
     * and for the test running now.
     */
    private static final class Capture extends OutputStream {
        private final OutputStream through;
        private final CappedText run = new CappedText(ExerciseChecker.OUTPUT_CAP, Say.lang());
        private CappedText test = new CappedText(TEST_OUTPUT_CAP, Say.lang());

        Capture(OutputStream through) {
            this.through = through;
        }

        synchronized void startRun() {
            run.clear();
        }

        synchronized void startTest() {
            test = new CappedText(TEST_OUTPUT_CAP, Say.lang());
        }

        synchronized String endTest() {
            String text = test.text();
            test = new CappedText(TEST_OUTPUT_CAP, Say.lang());
            return text;
        }

        synchronized String runText() {
            return run.text();
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            run.add(b, off, len);
            test.add(b, off, len);
            try {
                through.write(b, off, len);
            } catch (java.io.IOException e) {
                // the parent stopped reading; what is kept still reaches the results
            }
        }
    }
}
