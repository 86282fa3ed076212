package io.socketlab.snippets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Python block a lesson shows is valid Python 3 that a learner can paste. */
class LessonPythonTest {
    private static final Pattern PYTHON_BLOCK = Pattern.compile("```python\\n(.*?)```", Pattern.DOTALL);

    private record Block(String where, String code) {
    }

    private static List<Block> blocks() throws Exception {
        List<Block> found = new ArrayList<>();
        try (Stream<Path> lessons = Stream.of("en", "zh").flatMap(lang -> {
            try {
                return Files.list(Path.of("lessons", lang)).filter(p -> p.toString().endsWith(".md")).sorted();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        })) {
            for (Path lesson : lessons.toList()) {
                String text = Files.readString(lesson, StandardCharsets.UTF_8);
                Matcher block = PYTHON_BLOCK.matcher(text);
                while (block.find()) {
                    int line = (int) text.substring(0, block.start()).chars().filter(c -> c == '\n').count() + 1;
                    found.add(new Block(lesson + ":" + line, block.group(1)));
                }
            }
        }
        return found;
    }

    @Test
    void everyPythonBlockInTheLessonsParses() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        List<Block> blocks = blocks();
        assertFalse(blocks.isEmpty());
        List<String> broken = new ArrayList<>();
        for (Block block : blocks) {
            String verdict = PythonRunner.run(
                    "import ast, sys\ntry:\n    ast.parse(sys.argv[1])\n    print('ok')\n"
                            + "except SyntaxError as e:\n    print(e)",
                    block.code());
            if (!verdict.equals("ok")) {
                broken.add(block.where() + ": " + verdict);
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void chapterEightsFramingFunctionsRoundTripAFrameSplitIntoPieces() throws Exception {
        assumeTrue(PythonRunner.available(), PythonRunner.MISSING);
        for (String lang : List.of("en", "zh")) {
            Block framing = blocks().stream()
                    .filter(b -> b.where().contains(lang + "/08-") && b.code().contains("def read_frame"))
                    .findFirst().orElseThrow();
            String script = framing.code() + String.join("\n",
                    "import socket",
                    "a, b = socket.socketpair()",
                    "with a, b:",
                    "    send_frame(a, '你好'.encode('utf-8'))",
                    "    send_frame(a, b'hello')",
                    "    print(read_frame(b).decode('utf-8'), read_frame(b).decode('utf-8'))",
                    "    a.sendall(bytes.fromhex('00000005') + b'he')",
                    "    a.close()",
                    "    try:",
                    "        read_frame(b)",
                    "    except EOFError:",
                    "        print('EOFError')");
            assertEquals("你好 hello\nEOFError", PythonRunner.run(script), framing.where());
        }
    }
}
