package io.socketlab.instructor;

import io.socketlab.course.Exercise;
import io.socketlab.course.FrontMatter;
import io.socketlab.course.Problem;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When Gradescope shows students a hidden test: {@code after_published} (once the instructor
 * publishes the grades), or what the exercise's README front matter says in
 * {@code hidden_visibility}.
 */
public final class HiddenVisibility {
    static final String KEY = "hidden_visibility";
    static final String DEFAULT = "after_published";
    /** Gradescope's visibility settings. */
    static final Set<String> KNOWN = Set.of("hidden", "after_due_date", "after_published", "visible");

    private HiddenVisibility() {
    }

    /**
     * The visibility of {@code exercise}'s hidden tests; a wrong value is reported in {@code lang}.
     *
     * @throws IllegalArgumentException for a value Gradescope does not know, saying where it is
     */
    public static String of(Exercise exercise, Lang lang) {
        Path readme = exercise.dir().resolve("README.md");
        String text;
        try {
            text = Files.readString(readme, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return DEFAULT;
        }
        List<Problem> ignored = new ArrayList<>();
        FrontMatter.Entry entry = FrontMatter.parse(readme, text, ignored).get(KEY);
        if (entry == null) {
            return DEFAULT;
        }
        if (entry.list() || !KNOWN.contains(entry.text())) {
            Path shown = exercise.dir().getParent() != null && exercise.dir().getParent().getParent() != null
                    ? exercise.dir().getParent().getParent().relativize(readme) : readme;
            throw new IllegalArgumentException(Messages.of("instructor", lang).get("visibility.unknown", shown, entry.line(),
                    entry.text(), String.join(", ", KNOWN.stream().sorted().toList())));
        }
        return entry.text();
    }
}
