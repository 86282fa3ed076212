package io.socketlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketlab.course.Includes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jline.utils.AttributedString;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The renderer's output compared with golden files: a sample with Chinese text, lists, a table and
 * code, and Chinese paragraphs whose soft line breaks fall next to full-width punctuation.
 * Regenerate on purpose with {@code mvn test -Dgolden.update=true}.
 */
class LessonRendererGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    @ParameterizedTest(name = "{0}, width {1}, {2}")
    @CsvSource({"sample, 40, plain", "sample, 80, plain", "sample, 120, plain",
            "sample, 40, color", "sample, 80, color", "sample, 120, color",
            "chinese, 40, plain", "chinese, 80, plain", "chinese, 80, color"})
    void matchesGoldenFile(String fixture, int width, String mode) throws IOException {
        String markdown = Files.readString(Path.of("src/test/resources/fixtures/" + fixture + ".md"));
        RenderOptions options = mode.equals("plain") ? RenderOptions.plain(width) : RenderOptions.styled(width, false);
        LessonRenderer renderer = new LessonRenderer(options, new Includes(Path.of(".").toAbsolutePath()));
        List<AttributedString> lines = renderer.render(markdown);
        String actual = renderer.toText(lines);

        for (AttributedString line : lines) {
            assertTrue(line.columnLength() <= width, () -> "line wider than " + width + ": " + line);
        }
        if (mode.equals("plain")) {
            assertTrue(actual.indexOf('\u001b') < 0, "plain output must not contain escape codes");
        } else {
            assertTrue(actual.contains("\u001b["), "coloured output must contain escape codes");
        }
        Path golden = GOLDEN.resolve(fixture + "-" + width + "-" + mode + ".txt");
        if (Boolean.getBoolean("golden.update") || !Files.exists(golden)) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            if (!Boolean.getBoolean("golden.update")) {
                throw new AssertionError("golden file was missing and has been written: " + golden + " (check it, then run again)");
            }
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
    }
}
