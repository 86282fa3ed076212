package io.socketlab.course;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML front matter of a Markdown file, in the small subset lessons use: {@code key: value},
 * {@code key: [a, b]} and {@code key:} followed by {@code - item} lines. Parsed by hand because
 * problems must name the line they are on, which general YAML parsers here do not report.
 */
public final class FrontMatter {
    /** One value with the 1-based line it was written on. */
    public record Entry(List<String> values, int line, boolean list) {
        public String text() {
            return values.isEmpty() ? "" : values.get(0);
        }
    }

    private final Map<String, Entry> entries;
    private final int bodyStartLine;
    private final String body;

    private FrontMatter(Map<String, Entry> entries, int bodyStartLine, String body) {
        this.entries = entries;
        this.bodyStartLine = bodyStartLine;
        this.body = body;
    }

    public Entry get(String key) {
        return entries.get(key);
    }

    public Map<String, Entry> entries() {
        return entries;
    }

    /** 1-based line of the file where the Markdown body starts. */
    public int bodyStartLine() {
        return bodyStartLine;
    }

    public String body() {
        return body;
    }

    /** The lines of {@code text}, split at each {@code \n} with a {@code \r} before it dropped (as {@code split("\r?\n", -1)}, without a regex). */
    static String[] lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (true) {
            int newline = text.indexOf('\n', start);
            if (newline < 0) {
                lines.add(text.substring(start));
                return lines.toArray(String[]::new);
            }
            int end = newline > start && text.charAt(newline - 1) == '\r' ? newline - 1 : newline;
            lines.add(text.substring(start, end));
            start = newline + 1;
        }
    }

    /**
     * Splits {@code text} into front matter and body. Problems (no front matter, no closing
     * {@code ---}, a line that is not {@code key: value}) are added to {@code problems}; the result
     * is then as much as could be read.
     */
    public static FrontMatter parse(Path file, String text, List<Problem> problems) {
        String[] lines = lines(text);
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (lines.length == 0 || !lines[0].strip().equals("---")) {
            problems.add(new Problem(file, 1, "frontmatter.missing"));
            return new FrontMatter(entries, 1, text);
        }
        int end = -1;
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].strip().equals("---")) {
                end = i;
                break;
            }
        }
        if (end < 0) {
            problems.add(new Problem(file, 1, "frontmatter.unclosed"));
            return new FrontMatter(entries, 1, text);
        }
        String openList = null;
        for (int i = 1; i < end; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            String stripped = line.strip();
            if (stripped.isEmpty() || stripped.startsWith("#")) {
                continue;
            }
            if (stripped.startsWith("- ") || stripped.equals("-")) {
                if (openList == null) {
                    problems.add(new Problem(file, lineNo, "frontmatter.stray-item", stripped));
                } else {
                    entries.get(openList).values().add(unquote(stripped.substring(1).strip()));
                }
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0 || Character.isWhitespace(line.charAt(0))) {
                problems.add(new Problem(file, lineNo, "frontmatter.bad-line", stripped));
                openList = null;
                continue;
            }
            String key = line.substring(0, colon).strip();
            String value = line.substring(colon + 1).strip();
            if (entries.containsKey(key)) {
                problems.add(new Problem(file, lineNo, "frontmatter.duplicate-key", key, entries.get(key).line()));
                continue;
            }
            openList = null;
            if (value.isEmpty()) {
                entries.put(key, new Entry(new ArrayList<>(), lineNo, true));
                openList = key;
            } else if (value.startsWith("[")) {
                if (!value.endsWith("]")) {
                    problems.add(new Problem(file, lineNo, "frontmatter.unclosed-list", key));
                    continue;
                }
                List<String> items = new ArrayList<>();
                String inner = value.substring(1, value.length() - 1).strip();
                if (!inner.isEmpty()) {
                    for (String item : inner.split(",")) {
                        items.add(unquote(item.strip()));
                    }
                }
                entries.put(key, new Entry(items, lineNo, true));
            } else {
                List<String> single = new ArrayList<>();
                single.add(unquote(value));
                entries.put(key, new Entry(single, lineNo, false));
            }
        }
        StringBuilder body = new StringBuilder();
        for (int i = end + 1; i < lines.length; i++) {
            body.append(lines[i]);
            if (i < lines.length - 1) {
                body.append('\n');
            }
        }
        return new FrontMatter(entries, end + 2, body.toString());
    }

    /**
     * A value without its quotes, as YAML reads it: in double quotes {@code \"} is a quote and
     * {@code \\} a backslash; in single quotes {@code ''} is one quote.
     */
    static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            String inside = value.substring(1, value.length() - 1);
            StringBuilder text = new StringBuilder(inside.length());
            for (int i = 0; i < inside.length(); i++) {
                char c = inside.charAt(i);
                if (c == '\\' && i + 1 < inside.length() && (inside.charAt(i + 1) == '"' || inside.charAt(i + 1) == '\\')) {
                    c = inside.charAt(++i);
                }
                text.append(c);
            }
            return text.toString();
        }
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1).replace("''", "'");
        }
        return value;
    }
}
