package io.socketlab.render;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Includes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jline.utils.AttributedString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every lesson of the course, in every language, rendered at 80 and 60 columns: no line is wider
 * than the width, and every name and number of the unwrapped rendering is still whole (a code
 * line cut as {@code StandardC\ harsets} loses one {@code StandardCharsets}).
 */
class LessonWrappingTest {
    private static final Path COURSE = Path.of(".").toAbsolutePath().normalize();
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_$]+");
    private static final int UNWRAPPED = 10_000;

    // One renderer per options for the whole class: each builds its code highlighters once.
    private static final Map<String, LessonRenderer> RENDERERS = new ConcurrentHashMap<>();

    static Stream<Arguments> lessons() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        for (String lang : List.of("en", "zh")) {
            try (Stream<Path> files = Files.list(COURSE.resolve("lessons").resolve(lang))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                    cases.add(Arguments.of(lang + "/" + file.getFileName(), "plain"));
                    cases.add(Arguments.of(lang + "/" + file.getFileName(), "color"));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("lessons")
    void linesFitAndNamesStayWholeAt80And60Columns(String lesson, String mode) throws IOException {
        String markdown = body(Files.readString(COURSE.resolve("lessons").resolve(lesson)));
        Map<String, Integer> whole = names(render(markdown, UNWRAPPED, mode));
        for (int width : new int[] {80, 60}) {
            assertFitsAndKeepsNames(lesson, render(markdown, width, mode), width, whole);
        }
    }

    private static void assertFitsAndKeepsNames(String lesson, List<AttributedString> wrapped, int width, Map<String, Integer> whole) {
        for (AttributedString line : wrapped) {
            assertTrue(line.columnLength() <= width,
                    () -> lesson + ": " + line.columnLength() + " columns at width " + width + ": " + line);
        }
        Map<String, Integer> shown = names(wrapped);
        for (Map.Entry<String, Integer> name : whole.entrySet()) {
            int count = shown.getOrDefault(name.getKey(), 0);
            assertTrue(count >= name.getValue(), () -> lesson + " at " + width + ": '" + name.getKey() + "' appears "
                    + name.getValue() + " times unwrapped but " + count + " times wrapped; it was broken across lines\n"
                    + String.join("\n", wrapped.stream().map(AttributedString::toString).toList()));
        }
        for (String name : shown.keySet()) {
            assertTrue(whole.containsKey(name), () -> lesson + " at " + width + ": '" + name
                    + "' is a piece of a broken name\n" + String.join("\n", wrapped.stream().map(AttributedString::toString).toList()));
        }
    }

    private static List<AttributedString> render(String markdown, int width, String mode) {
        RenderOptions options = mode.equals("plain") ? RenderOptions.plain(width) : RenderOptions.styled(width, false);
        return RENDERERS.computeIfAbsent(mode + width, key -> new LessonRenderer(options, new Includes(COURSE))).render(markdown);
    }

    private static String body(String file) {
        if (!file.startsWith("---")) {
            return file;
        }
        int end = file.indexOf("\n---", 3);
        return file.substring(file.indexOf('\n', end + 1) + 1);
    }

    private static Map<String, Integer> names(List<AttributedString> lines) {
        Map<String, Integer> counts = new HashMap<>();
        for (AttributedString line : lines) {
            Matcher m = NAME.matcher(line.toString());
            while (m.find()) {
                counts.merge(m.group(), 1, Integer::sum);
            }
        }
        return counts;
    }
}
