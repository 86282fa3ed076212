package io.socketlab.practice;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The reference solution of an exercise: locked until the learner's code passes its tests. */
public final class Solutions {
    private Solutions() {
    }

    /** True when this copy of the course has the exercise's reference solution (a handout has none). */
    public static boolean hasOne(Exercise exercise) {
        return Files.isDirectory(exercise.solutionDir());
    }

    /** Why the solution cannot be shown (locked, or left out of a handout), or null when it can. */
    public static String refusal(Exercise exercise, Progress progress, Lang lang) {
        Messages text = Messages.of("grade", lang);
        if (!progress.isDone(exercise.id())) {
            return text.get("solution.locked", exercise.id());
        }
        if (!hasOne(exercise)) {
            return text.get("solution.missing", exercise.id());
        }
        return null;
    }

    /**
     * The solution as Markdown for the lesson renderer: a title, then each {@code .java} file as a
     * heading with its path and a Java code block.
     */
    public static String markdown(Exercise exercise, Lang lang) throws IOException {
        Messages text = Messages.of("grade", lang);
        Path dir = exercise.solutionDir();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        StringBuilder md = new StringBuilder("# ").append(text.get("solution.title", exercise.id(), exercise.title(lang))).append("\n\n");
        for (Path file : files) {
            String code = Files.readString(file, StandardCharsets.UTF_8);
            // a fence longer than any run of backticks in the code, so the code cannot end it
            String fence = "`".repeat(Math.max(3, longestBacktickRun(code) + 1));
            md.append("## `").append(exercise.dir().relativize(file).toString().replace('\\', '/')).append("`\n\n")
                    .append(fence).append("java\n").append(code.stripTrailing()).append('\n').append(fence).append("\n\n");
        }
        return md.toString();
    }

    private static int longestBacktickRun(String code) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < code.length(); i++) {
            run = code.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
