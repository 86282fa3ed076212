package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketlab.testing.Jdks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chapter 9's note on virtual threads, on a real JDK: the thread-per-client code with
 * {@code Thread.ofVirtual()} runs on JDK 21 and later (the JDK 25 installed beside 17 here), a
 * blocked virtual thread holds no operating-system thread, and the code does not compile for the
 * Java 17 this course is built for.
 */
class VirtualThreadsTest {
    private static final Path SOURCE = Path.of("src/test/resources/snippets/VirtualThreadEcho.java");
    private static final int CLIENTS = 300;

    @Test
    void onAJdk21OrLaterManyIdleClientsAreServedByAFewOsThreads() throws Exception {
        Path home = Jdks.atLeast(21).orElse(null);
        assumeTrue(home != null, "no JDK 21 or later under /usr/lib/jvm");
        Process run = new ProcessBuilder(home.resolve("bin/java").toString(), SOURCE.toString(), String.valueOf(CLIENTS))
                .redirectErrorStream(true).start();
        if (!run.waitFor(120, TimeUnit.SECONDS)) {
            run.destroyForcibly();
            throw new AssertionError("the virtual-thread echo did not finish in 120 s");
        }
        String out = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), out);
        assertTrue(out.contains("answered " + CLIENTS + " of " + CLIENTS), out);
        long osThreads = Long.parseLong(out.replaceAll("(?s).*os threads (\\d+).*", "$1"));
        // one platform thread per client would be over 300; virtual threads share a few carriers
        assertTrue(osThreads < CLIENTS / 3, "with " + CLIENTS + " clients blocked in a read the process had " + osThreads + " OS threads");
    }

    @Test
    void theVirtualThreadCodeDoesNotCompileForJava17(@TempDir Path out) {
        var javac = ToolProvider.getSystemJavaCompiler();
        var errors = new java.io.StringWriter();
        boolean compiled = javac.getTask(errors, null, null, List.of("--release", "17", "-d", out.toString()), null,
                javac.getStandardFileManager(null, null, StandardCharsets.UTF_8).getJavaFileObjects(SOURCE.toFile())).call();
        assertEquals(false, compiled, "Thread.ofVirtual() compiled for Java 17");
        assertTrue(errors.toString().contains("ofVirtual"), errors.toString());
    }
}
