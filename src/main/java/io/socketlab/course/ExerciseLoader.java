package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads {@code exercises/NN-slug/} folders. The front matter is the small YAML subset the course
 * uses (scalars, inline lists and block lists), parsed here so every problem carries its line. The
 * hints are in {@code hints.md} and {@code hints.zh.md} ({@link HintsFile}), the same number in both.
 */
public final class ExerciseLoader {
    private static final Pattern FOLDER = Pattern.compile("(\\d{2})-[a-z0-9]+(-[a-z0-9]+)*");
    /** Where each language's hints live in an exercise folder. */
    public static final Map<Lang, String> HINTS = Map.of(Lang.EN, "hints.md", Lang.ZH, "hints.zh.md");

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
            problems.add(new Problem(root, 0, "folder.unreadable", e.getMessage()));
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
            problems.add(new Problem(folder, 0, "exercise.bad-name"));
            return null;
        }
        for (String part : List.of("src", "test")) {
            if (!Files.isDirectory(folder.resolve(part))) {
                problems.add(new Problem(folder.resolve(part), 0, "exercise.missing-folder", part));
            }
        }
        Path readme = folder.resolve("README.md");
        Map<String, FrontMatter.Entry> english = frontMatter(readme, problems);
        Map<Lang, String> titles = new EnumMap<>(Lang.class);
        Map<Lang, List<String>> hints = new EnumMap<>(Lang.class);
        int points = 0;
        int timeout = 0;
        if (english != null) {
            titles.put(Lang.EN, requiredText(english, "title", readme, problems));
            points = positiveNumber(english, "points", readme, problems);
            timeout = positiveNumber(english, "timeout", readme, problems);
            refuseHints(english, readme, problems);
        }
        Path chinese = folder.resolve("README.zh.md");
        if (Files.exists(chinese)) {
            Map<String, FrontMatter.Entry> zh = frontMatter(chinese, problems);
            if (zh != null) {
                titles.put(Lang.ZH, requiredText(zh, "title", chinese, problems));
                refuseHints(zh, chinese, problems);
            }
        }
        HintsFile.Hints englishHints = HintsFile.read(folder.resolve(HINTS.get(Lang.EN)), problems);
        HintsFile.Hints chineseHints = HintsFile.read(folder.resolve(HINTS.get(Lang.ZH)), problems);
        if (englishHints.texts().size() != chineseHints.texts().size()) {
            // the file with more hints is where one is missing from the other, at its first extra hint
            boolean chineseHasMore = chineseHints.texts().size() > englishHints.texts().size();
            HintsFile.Hints longer = chineseHasMore ? chineseHints : englishHints;
            Lang longerLang = chineseHasMore ? Lang.ZH : Lang.EN;
            Lang shorterLang = chineseHasMore ? Lang.EN : Lang.ZH;
            int shorterCount = Math.min(englishHints.texts().size(), chineseHints.texts().size());
            problems.add(new Problem(folder.resolve(HINTS.get(longerLang)), longer.lines().get(shorterCount), "hints.count-differs",
                    longer.texts().size(), HINTS.get(shorterLang), shorterCount));
        }
        hints.put(Lang.EN, englishHints.texts());
        hints.put(Lang.ZH, chineseHints.texts());
        if (problems.size() > before) {
            return null;
        }
        return new Exercise(id, Integer.parseInt(name.group(1)), folder.toAbsolutePath().normalize(),
                Map.copyOf(titles), points, timeout, Map.copyOf(hints));
    }

    /** The front matter of {@code file}, or null when it cannot be read or has no front matter. */
    private static Map<String, FrontMatter.Entry> frontMatter(Path file, List<Problem> problems) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "file.unreadable", e.getMessage()));
            return null;
        }
        int before = problems.size();
        FrontMatter front = FrontMatter.parse(file, text, problems);
        return problems.size() > before && front.entries().isEmpty() ? null : front.entries();
    }

    private static String requiredText(Map<String, FrontMatter.Entry> entries, String key, Path file, List<Problem> problems) {
        FrontMatter.Entry entry = entries.get(key);
        if (entry == null || entry.list() || entry.text().isBlank()) {
            problems.add(new Problem(file, entry == null ? 1 : entry.line(), "exercise.needs-text", key));
            return "";
        }
        return entry.text();
    }

    private static int positiveNumber(Map<String, FrontMatter.Entry> entries, String key, Path file, List<Problem> problems) {
        FrontMatter.Entry entry = entries.get(key);
        if (entry == null || entry.list()) {
            problems.add(new Problem(file, entry == null ? 1 : entry.line(), "exercise.needs-number", key));
            return 0;
        }
        try {
            int value = Integer.parseInt(entry.text());
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like zero and negative numbers
        }
        problems.add(new Problem(file, entry.line(), "exercise.not-positive", key, entry.text()));
        return 0;
    }

    /** Hints in a statement's front matter would show above the statement: they belong in the hints file. */
    private static void refuseHints(Map<String, FrontMatter.Entry> entries, Path file, List<Problem> problems) {
        FrontMatter.Entry entry = entries.get("hints");
        if (entry != null) {
            String hintsFile = file.getFileName().toString().equals("README.zh.md") ? HINTS.get(Lang.ZH) : HINTS.get(Lang.EN);
            problems.add(new Problem(file, entry.line(), "exercise.hints-in-statement", hintsFile));
        }
    }
}
