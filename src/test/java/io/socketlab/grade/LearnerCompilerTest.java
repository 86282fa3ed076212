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

    @Test
    void aByteOrderMarkIsNamedUnderJavacsIllegalCharacter(@TempDir Path dir) throws Exception {
        // Notepad's "UTF-8" on older Windows writes EF BB BF first; javac refuses it, as plain javac does
        Path src = Files.createDirectories(dir.resolve("src/exercise/bom"));
        byte[] code = "package exercise.bom;\n\npublic final class Marked {\n}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] marked = new byte[code.length + 3];
        marked[0] = (byte) 0xef;
        marked[1] = (byte) 0xbb;
        marked[2] = (byte) 0xbf;
        System.arraycopy(code, 0, marked, 3, code.length);
        Files.write(src.resolve("Marked.java"), marked);
        LearnerCompiler.Outcome english = LearnerCompiler.compile(List.of(dir.resolve("src")), dir.resolve("classes"), List.of(dir), Locale.ENGLISH);
        assertFalse(english.ok());
        assertTrue(english.errors().startsWith("src/exercise/bom/Marked.java:1: illegal character"), english.errors());
        assertTrue(english.errors().contains("\n  the file starts with a byte-order mark (BOM), which some Windows editors add:"
                + " save it as UTF-8 without BOM\n"), english.errors());
        // the mark is not shown in the source line, so that carets stand under what they point at
        assertTrue(english.errors().contains(":1: illegal character: '\\ufeff'\n    package exercise.bom;\n    ^\n"), english.errors());
        LearnerCompiler.Outcome chinese = LearnerCompiler.compile(List.of(dir.resolve("src")), dir.resolve("classes"), List.of(dir), Locale.CHINESE);
        assertTrue(chinese.errors().contains("字节顺序标记（BOM）"), chinese.errors());
    }

    @Test
    void aModuleInfoAnIdeAddedIsLeftOut(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/exercise/mod"));
        Files.writeString(dir.resolve("src/module-info.java"), "module learner {\n}\n");
        Files.writeString(src.resolve("Plain.java"), "package exercise.mod;\n\npublic final class Plain {\n}\n");
        Path test = Files.createDirectories(dir.resolve("test/exercise/mod"));
        Files.writeString(test.resolve("PlainTest.java"), "package exercise.mod;\n\nimport org.junit.jupiter.api.Test;\n\nclass PlainTest {\n    @Test void plain() {\n        new Plain();\n    }\n}\n");
        LearnerCompiler.Outcome outcome = LearnerCompiler.compile(List.of(dir.resolve("src"), dir.resolve("test")), dir.resolve("classes"),
                List.of(dir), Locale.ENGLISH);
        assertTrue(outcome.ok(), outcome.errors());
    }
}
