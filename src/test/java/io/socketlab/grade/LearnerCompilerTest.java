package io.socketlab.grade;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerCompilerTest {

    @Test
    void aSourceNotInUtf8IsACompileErrorNotTextQuietlyReplaced(@TempDir Path dir) throws Exception {
        // saved by an editor set to GBK (or Latin-1): javac itself refuses it
        Path src = Files.createDirectories(dir.resolve("src/exercise/enc"));
        Files.write(src.resolve("Greeting.java"),
                "package exercise.enc;\n\npublic final class Greeting {\n    static final String HELLO = \"你好\";\n}\n"
                        .getBytes(Charset.forName("GBK")));
        LearnerCompiler.Outcome outcome = LearnerCompiler.compile(List.of(dir.resolve("src")), dir.resolve("classes"),
                List.of(dir), Locale.ENGLISH);
        assertFalse(outcome.ok(), "compiled with the text replaced: " + outcome.errors());
        assertTrue(outcome.errors().startsWith("src/exercise/enc/Greeting.java:4: unmappable character"), outcome.errors());
    }
}
