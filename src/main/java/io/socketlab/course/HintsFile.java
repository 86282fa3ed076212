package io.socketlab.course;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An exercise's hints in their own Markdown file ({@code hints.md}, {@code hints.zh.md}), kept
 * apart from the statement so that reading README.md does not show them all at once. The file may
 * open with one {@code # } title line; then each hint is a {@code ## N} heading, numbered from 1,
 * followed by its text. The lines of a hint's text are joined into one paragraph, as Markdown does.
 */
public final class HintsFile {
    private static final Pattern TITLE = Pattern.compile("#\\s+\\S.*");
    private static final Pattern HEADING = Pattern.compile("##\\s+(.*?)\\s*");

    /** The hints in order and the line each one's heading is on. */
    public record Hints(List<String> texts, List<Integer> lines) {
    }

    private HintsFile() {
    }

    /**
     * The hints of {@code file}; no file means no hints. Problems are added with the file and line
     * they are on, and the hints read so far are still returned.
     */
    public static Hints read(Path file, List<Problem> problems) {
        if (!Files.exists(file)) {
            return new Hints(List.of(), List.of());
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "file.unreadable", e.getMessage()));
            return new Hints(List.of(), List.of());
        }
        String[] lines = text.split("\r?\n", -1);
        List<String> hints = new ArrayList<>();
        List<Integer> headingLines = new ArrayList<>();
        StringBuilder current = null;
        boolean titleSeen = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int lineNumber = i + 1;
            Matcher heading = HEADING.matcher(line);
            if (heading.matches()) {
                finish(file, current, hints, headingLines, problems);
                String expected = String.valueOf(hints.size() + 1);
                if (!heading.group(1).equals(expected)) {
                    problems.add(new Problem(file, lineNumber, "hints.bad-heading", expected, line));
                }
                headingLines.add(lineNumber);
                current = new StringBuilder();
            } else if (current != null) {
                join(current, line);
            } else if (!line.isEmpty()) {
                if (TITLE.matcher(line).matches() && !titleSeen) {
                    titleSeen = true;
                } else {
                    problems.add(new Problem(file, lineNumber, "hints.outside", line));
                }
            }
        }
        finish(file, current, hints, headingLines, problems);
        return new Hints(List.copyOf(hints), List.copyOf(headingLines));
    }

    private static void finish(Path file, StringBuilder hint, List<String> hints, List<Integer> headingLines, List<Problem> problems) {
        if (hint == null) {
            return;
        }
        if (hint.length() == 0) {
            problems.add(new Problem(file, headingLines.get(headingLines.size() - 1), "hints.empty", hints.size() + 1));
        }
        hints.add(hint.toString());
    }

    /**
     * Adds one line of a hint to what came before, with a space as Markdown's soft line break,
     * except where Chinese text goes on: after full-width punctuation, or between two Chinese
     * characters, a space would show as a gap in the sentence.
     */
    private static void join(StringBuilder hint, String line) {
        if (line.isEmpty()) {
            return;
        }
        if (hint.length() > 0) {
            char before = hint.charAt(hint.length() - 1);
            boolean chineseGoesOn = isFullWidthPunctuation(before) || isIdeograph(before) && isIdeograph(line.charAt(0));
            if (!chineseGoesOn) {
                hint.append(' ');
            }
        }
        hint.append(line);
    }

    private static boolean isIdeograph(char c) {
        return Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CJK_UNIFIED_IDEOGRAPHS;
    }

    private static boolean isFullWidthPunctuation(char c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.CJK_SYMBOLS_AND_PUNCTUATION || block == Character.UnicodeBlock.HALFWIDTH_AND_FULLWIDTH_FORMS
                || c == '“' || c == '”' || c == '…';
    }
}
