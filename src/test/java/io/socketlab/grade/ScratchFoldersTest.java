package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shutdown hook deletes the scratch folders only after the writes in flight (a compile) end. */
class ScratchFoldersTest {
    @Test
    void sigtermWhileACompileWritesLeavesNoFolder(@TempDir Path tmp) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process writer = new ProcessBuilder(java.toString(), "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                SlowWriter.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader said = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("writing", said.readLine());
            writer.destroy(); // SIGTERM while it writes
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS), "the writer did not end on SIGTERM");
            try (Stream<Path> left = Files.list(tmp)) {
                assertEquals(List.of(), left.toList(), "the folder was made again after it was deleted");
            }
        } finally {
            writer.destroyForcibly();
        }
    }
}
