package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code exercises/NN-slug/} folders. The front matter is the small YAML subset the course
 * uses (scalars, inline lists and block lists), parsed here so every problem carries its line.
 */
public final class ExerciseLoader {
    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern KEY_LINE = Pattern.compile("([A-Za-z_]+):\\s*(.*)");
    private static final Pattern LIST_ITEM = Pattern.compile("\\s*-\\s+(.*)");

    private ExerciseLoader() {
    }

    /**
     * Every well-formed exercise under {@code courseRoot/exercises}, ordered by folder name. Folders
     * with bad front matter or missing parts are left out and described in {@code problems}. No
     * exercises folder means no exercises, not an error.
     */
    public static List<Exercise> load(Path courseRoot, List<Problem> problems) {
        Path root = courseRoot.resolve("exercises");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(root, 0, "cannot list folder: " + e.getMessage()));
            return List.of();
        }
        List<Exercise> exercises = new ArrayList<>();
        for (Path folder : folders) {
            Exercise exercise = loadOne(folder, problems);
            if (exercise != null) {
                exercises.add(exercise);
            }
        }
        return exercises;
    }

    /** One exercise folder, or null with the reasons added to {@code problems}. */
    public static Exercise loadOne(Path folder, List<Problem> problems) {
        String id = folder.getFileName().toString();
        Matcher name = FOLDER.matcher(id);
        int before = problems.size();
        if (!name.matches()) {
            problems.add(new Problem(folder, 0, "exercise folder must be named NN-slug (like 01-phone-server)"));
            return null;
        }
        for (String part : List.of("src", "test")) {
            if (!Files.isDirectory(folder.resolve(part))) {
                problems.add(new Problem(folder.resolve(part), 0, "missing folder '" + part + "'"));
            }
        }
        Path readme = folder.resolve("README.md");
        Map<String, Entry> english = frontMatter(readme, problems);
        Map<Lang, String> titles = new EnumMap<>(Lang.class);
        Map<Lang, List<String>> hints = new EnumMap<>(Lang.class);
        int points = 0;
        int timeout = 0;
        if (english != null) {
            titles.put(Lang.EN, requiredText(english, "title", readme, problems));
            points = positiveNumber(english, "points", readme, problems);
            timeout = positiveNumber(english, "timeout", readme, problems);
            hints.put(Lang.EN, listOf(english, "hints", readme, problems));
        }
        Path chinese = folder.resolve("README.zh.md");
        if (Files.exists(chinese)) {
            Map<String, Entry> zh = frontMatter(chinese, problems);
            if (zh != null) {
                titles.put(Lang.ZH, requiredText(zh, "title", chinese, problems));
                hints.put(Lang.ZH, listOf(zh, "hints", chinese, problems));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Exercise(id, Integer.parseInt(name.group(1)), folder.toAbsolutePath().normalize(),
                Map.copyOf(titles), points, timeout, Map.copyOf(hints));
    }

    /** A front matter value and the line it started on. */
    private record Entry(int line, String scalar, List<String> items) {
    }

    private static Map<String, Entry> frontMatter(Path file, List<Problem> problems) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "cannot read: " + e.getMessage()));
            return null;
        }
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            problems.add(new Problem(file, 1, "front matter must start on the first line with '---'"));
            return null;
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        String listKey = null;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.strip().equals("---")) {
                return entries;
            }
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            Matcher item = LIST_ITEM.matcher(line);
            if (listKey != null && item.matches()) {
                entries.get(listKey).items().add(unquote(item.group(1).strip()));
                continue;
            }
            Matcher key = KEY_LINE.matcher(line);
            if (!key.matches() || Character.isWhitespace(line.charAt(0))) {
                problems.add(new Problem(file, lineNo, "expected 'key: value' in front matter, found '" + line.strip() + "'"));
                listKey = null;
                continue;
            }
            String value = key.group(2).strip();
            if (entries.containsKey(key.group(1))) {
                problems.add(new Problem(file, lineNo, "'" + key.group(1) + "' is given twice"));
            }
            if (value.isEmpty()) {
                entries.put(key.group(1), new Entry(lineNo, null, new ArrayList<>()));
                listKey = key.group(1);
            } else if (value.startsWith("[")) {
                if (!value.endsWith("]")) {
                    problems.add(new Problem(file, lineNo, "list for '" + key.group(1) + "' is not closed with ']'"));
                }
                List<String> items = new ArrayList<>();
                String inner = value.substring(1, value.endsWith("]") ? value.length() - 1 : value.length());
                for (String part : inner.split(",")) {
                    if (!part.isBlank()) {
                        items.add(unquote(part.strip()));
                    }
                }
                entries.put(key.group(1), new Entry(lineNo, null, items));
                listKey = null;
            } else {
                entries.put(key.group(1), new Entry(lineNo, unquote(value), null));
                listKey = null;
            }
        }
        problems.add(new Problem(file, 1, "front matter is never closed with '---'"));
        return null;
    }

    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    private static String requiredText(Map<String, Entry> entries, String key, Path file, List<Problem> problems) {
        Entry entry = entries.get(key);
        if (entry == null || entry.scalar() == null || entry.scalar().isBlank()) {
            problems.add(new Problem(file, entry == null ? 1 : entry.line(), "front matter needs '" + key + ": text'"));
            return "";
        }
        return entry.scalar();
    }

    private static int positiveNumber(Map<String, Entry> entries, String key, Path file, List<Problem> problems) {
        Entry entry = entries.get(key);
        if (entry == null || entry.scalar() == null) {
            problems.add(new Problem(file, entry == null ? 1 : entry.line(), "front matter needs '" + key + ": N' (a whole number)"));
            return 0;
        }
        try {
            int value = Integer.parseInt(entry.scalar());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like zero and negative numbers
        }
        problems.add(new Problem(file, entry.line(), "'" + key + "' must be a whole number above 0, found '" + entry.scalar() + "'"));
        return 0;
    }

    private static List<String> listOf(Map<String, Entry> entries, String key, Path file, List<Problem> problems) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return List.of();
        }
        if (entry.items() == null) {
            problems.add(new Problem(file, entry.line(), "'" + key + "' must be a list ('- text' lines or [a, b])"));
            return List.of();
        }
        return List.copyOf(entry.items());
    }
}
