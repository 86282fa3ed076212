package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.i18n.Lang;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's process compiles later than a JVM's default (it lives for one run), but a learner's
 * hot loop is still compiled: code that works hard is not left to the interpreter under the grader.
 */
@Timeout(120)
class SubjectJvmTest {
    @Test
    void aLearnersHotLoopIsStillCompiledInTheLearnersProcess(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("Busy.java");
        Files.writeString(source, """
                public class Busy {
                    public static void main(String[] args) {
                        long sum = 0;
                        for (int i = 0; i < 20_000_000; i++) {
                            sum += i % 7;
                        }
                        System.out.println("sum " + sum);
                    }
                }
                """);
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString()));
        List<String> command = new ArrayList<>(TestJvm.subjectJava(Lang.EN));
        command.addAll(List.of("-XX:+PrintCompilation", "-cp", dir.toString(), "Busy"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertTrue(out.contains("sum 59999997"), out);
        // an on-stack replacement of the loop ('%' in the JVM's list of compiles) of Busy.main
        assertTrue(out.lines().anyMatch(line -> line.contains("Busy::main") && line.contains("%")),
                "the learner's hot loop was never compiled:\n" + out.lines().filter(l -> l.contains("Busy")).toList());
    }
}
