package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.List;

/**
 * One chapter in one language.
 *
 * @param number the chapter number from the file name ({@code 03-socket-api.md} is 3)
 * @param slug the file name without number and extension ({@code socket-api})
 * @param body the Markdown after the front matter
 * @param bodyStartLine the line of the file where {@code body} starts, for error messages
 */
public record Lesson(int number, String slug, Lang lang, Path file, String title,
                     List<String> demos, List<String> exercises, String body, int bodyStartLine) {

    /** {@code 03-socket-api}: the name shared by every language edition of this chapter. */
    public String id() {
        return String.format("%02d-%s", number, slug);
    }
}
