package io.socketlab.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.testing.Jdks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher and the built jar, as a learner starts them, on each JDK of the machine: the
 * default (17) and a JDK 24+ if one is installed beside it (JDK 25 in /usr/lib/jvm here). It runs
 * after {@code package} (failsafe), so {@code target/socketlab.jar} is the jar just built.
 * <p>
 * The start-up cache is asked for with {@code SOCKETLAB_CACHE=now}; the next run is started with
 * the JVM told to fail rather than start without it ({@code -Xshare:on} for the class-data
 * archive of JDK 17-23, {@code -XX:AOTMode=on} for the AOT cache of JDK 24+), so a cache the JVM
 * cannot use fails the test instead of passing slowly.
 */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("socketlab").toAbsolutePath();

    @Test
    void theDefaultJdkRunsTheJarWithAClassDataArchive() throws Exception {
        Path javaHome = Path.of(System.getProperty("java.home"));
        assumeTrue(Jdks.feature(javaHome) < 24, "the default JDK is " + Jdks.feature(javaHome) + ": see the AOT test");
        runsWithItsCache(javaHome, ".jsa", "-Xshare:on");
    }

    @Test
    void aJdk24OrLaterRunsTheJarWithAnAotCache() throws Exception {
        Path javaHome = Jdks.atLeast(24).orElse(null);
        assumeTrue(javaHome != null, "no JDK 24 or later under /usr/lib/jvm");
        runsWithItsCache(javaHome, ".aot", "-XX:AOTMode=on");
    }

    private static void runsWithItsCache(Path javaHome, String cacheSuffix, String cacheRequired) throws Exception {
        // the launcher reads chapters in this checkout, which marks them read: the learner's
        // progress here is put back as it was, so `mvn verify` leaves no chapter ticked
        Path progress = Path.of(".socketlab/progress.json");
        byte[] kept = Files.exists(progress) ? Files.readAllBytes(progress) : null;
        try {
            runsWithItsCacheHere(javaHome, cacheSuffix, cacheRequired);
        } finally {
            if (kept != null) {
                Files.write(progress, kept);
            } else {
                Files.deleteIfExists(progress);
            }
        }
    }

    private static void runsWithItsCacheHere(Path javaHome, String cacheSuffix, String cacheRequired) throws Exception {
        List<Path> before = caches(cacheSuffix);
        Result first = launch(javaHome, Map.of("SOCKETLAB_CACHE", "now"), "read", "1", "--plain");
        assertEquals(0, first.code, first.err);
        assertTrue(first.out.startsWith("Chapter 1\n"), first.out);
        List<Path> after = caches(cacheSuffix);
        assertTrue(after.size() >= 1, "no start-up cache " + cacheSuffix + " in target/ after a run with SOCKETLAB_CACHE=now; had " + before);
        // one for read and the shell, one for the other commands, one for the tests' JVMs, one for the learner's processes
        for (String kind : List.of("-commands", "-tests", "-subject")) {
            assertTrue(after.stream().anyMatch(p -> p.getFileName().toString().endsWith(kind + cacheSuffix)), "no " + kind + " cache among " + after);
        }
        // the learner's process maps its own, as the grader starts it (the same options, the same class path)
        Path subject = after.stream().filter(p -> p.getFileName().toString().endsWith("-subject" + cacheSuffix)).findFirst().orElseThrow();
        Result host = launch(javaHome, Map.of(), List.of(javaHome.resolve("bin/java").toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-XX:SharedArchiveFile=" + subject.toAbsolutePath(), "-Xlog:class+load=info",
                "-cp", Path.of("target/socketlab.jar").toAbsolutePath().toString(), "io.socketlab.testkit.SubjectHost", "--warmup"));
        assertEquals(0, host.code, host.err);
        assertTrue(host.out.contains("io.socketlab.testkit.Peer source: shared objects file"),
                "the learner's process did not map its archive:\n" + host.out.lines().filter(l -> l.contains("io.socketlab.testkit.Peer ")).toList());
        Path loaded = Files.createTempFile("launcher", ".classes");
        try {
            Result second = launch(javaHome, Map.of("JAVA_TOOL_OPTIONS", cacheRequired + " -Xlog:class+load=info:file=" + loaded),
                    "--lang", "zh", "read", "2", "--plain");
            assertEquals(0, second.code, "with " + cacheRequired + " the JVM refuses to start without a usable cache:\n" + second.err);
            assertTrue(second.out.startsWith("第 2 章\n"), second.out);
            // the JDK's own archive would satisfy -Xshare:on too: our classes must come from the cache
            String classes = Files.readString(loaded);
            assertTrue(classes.contains("io.socketlab.cli.Main source: shared objects file"),
                    "the launcher's cache was not used for SocketLab's classes:\n" + classes.lines().filter(l -> l.contains("io.socketlab.cli.Main")).toList());
        } finally {
            Files.deleteIfExists(loaded);
        }
        Result help = launch(javaHome, Map.of("JAVA_TOOL_OPTIONS", cacheRequired), "--help");
        assertEquals(0, help.code, help.err);
        assertTrue(help.out.startsWith("Usage: socketlab"), help.out);
        // a learner's terminal in a C locale (LANG unset in a container): Chinese shows, not as '?'
        if (Files.isExecutable(Path.of("/usr/bin/script"))) {
            Result zh = launch(javaHome, Map.of("LANG", "C", "LC_ALL", "C"), List.of("/usr/bin/script", "-qec",
                    "stty rows 500 cols 100; bash '" + LAUNCHER + "' --lang zh read 1", "/dev/null"));
            assertEquals(0, zh.code, zh.err + zh.out);
            assertTrue(zh.out.contains("第 1 章"), "the chapter on a terminal in the C locale:\n" + zh.out);
        }
        // the shell without a terminal (a pipe, CI): the first chapter and a clean end at the end of input, no jline warning
        Path course = Files.createTempDirectory("launcher-course");
        try {
            for (String lang : List.of("en", "zh")) {
                Files.createDirectories(course.resolve("lessons").resolve(lang));
                Files.writeString(course.resolve("lessons").resolve(lang).resolve("01-first.md"),
                        "---\ntitle: First\n---\n\nA socket is one end of a conversation.\n", StandardCharsets.UTF_8);
            }
            Result shell = launch(javaHome, Map.of(), "--course", course.toString());
            assertEquals(0, shell.code, shell.err);
            assertTrue(shell.out.contains("Chapter 1\n"), shell.out);
            assertEquals("", shell.err, "nothing on stderr when the shell has no terminal");
        } finally {
            try (Stream<Path> walk = Files.walk(course)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * A build that fails says so, with Maven's errors, also when stderr is not a terminal (a
     * container build, CI): the launcher once ended silently there, under {@code set -e}.
     */
    @Test
    void aFailedBuildShowsMavensErrorsWithoutATerminal() throws Exception {
        Path copy = Files.createTempDirectory("launcher-build");
        try {
            Files.copy(LAUNCHER, copy.resolve("socketlab"));
            Files.copy(Path.of("pom.xml"), copy.resolve("pom.xml"));
            io.socketlab.TestFiles.copyTree(Path.of("src/main"), copy.resolve("src/main"));
            Path broken = copy.resolve("src/main/java/io/socketlab/cli/Main.java");
            Files.writeString(broken, Files.readString(broken) + "\nclass Broken { int x = ; }\n");
            Result built = launch(Path.of(System.getProperty("java.home")), Map.of(), List.of("bash", copy.resolve("socketlab").toString(), "list"));
            assertEquals(1, built.code, built.err);
            assertTrue(built.err.contains("[ERROR]") && built.err.contains("Main.java"), "Maven's errors are shown:\n" + built.err);
            assertTrue(built.err.contains("socketlab: the build failed; the whole log is in"), built.err);
        } finally {
            try (Stream<Path> walk = Files.walk(copy)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<Path> caches(String suffix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().startsWith("socketlab-") && p.toString().endsWith(suffix)).toList();
        }
    }

    private record Result(int code, String out, String err) {
    }

    private static Result launch(Path javaHome, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", LAUNCHER.toString()));
        command.addAll(List.of(args));
        return launch(javaHome, env, command);
    }

    private static Result launch(Path javaHome, Map<String, String> env, List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("PATH", javaHome.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().put("LANG", "en_US.UTF-8");
        builder.environment().putAll(env);
        Path out = Files.createTempFile("launcher", ".out");
        Path err = Files.createTempFile("launcher", ".err");
        try {
            Process process = builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            // generous: recording a cache on a busy machine takes tens of seconds
            if (!process.waitFor(180, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("the launcher did not finish within 180 s: " + command);
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
