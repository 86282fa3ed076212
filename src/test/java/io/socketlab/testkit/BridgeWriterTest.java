package io.socketlab.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test's writer, handed to the learner's code in its own process as a PrintWriter: each
 * {@code println} arrives whole, text and line separator in one write, and nothing else changes.
 */
@Timeout(60)
class BridgeWriterTest {
    /** Records each write the learner's process makes, as the test's side receives them. */
    private static final class Writes extends Writer {
        final List<String> each = new ArrayList<>();

        @Override
        public void write(char[] cbuf, int off, int len) {
            each.add(new String(cbuf, off, len));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void eachPrintlnCrossesAsOneWriteOfTheLineAndItsSeparator(@TempDir Path work) throws Exception {
        Path source = work.resolve("src/exercise/Greeter.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, """
                package exercise;

                import java.io.PrintWriter;

                public final class Greeter {
                    public static void greet(PrintWriter out) {
                        out.println("hello");
                        out.println(42);
                        out.println(new char[] {'o', 'k'});
                        out.print("no line yet");
                        out.println();
                        out.flush();
                    }
                }
                """, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertEquals(0, javac.run(null, null, null, "-d", classes.toString(), source.toString()));
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path") + File.pathSeparator + classes,
                SubjectHost.class.getName(), classes.toString());
        Subject subject = Subject.open(command, work, new ByteArrayOutputStream());
        Writes writes = new Writes();
        try {
            Subject.call("exercise.Greeter", "greet", new String[] {"java.io.PrintWriter"}, null, writes);
        } finally {
            subject.close();
        }
        String n = System.lineSeparator();
        assertEquals(List.of("hello" + n, "42" + n, "ok" + n, "no line yet", n), writes.each);
    }
}
