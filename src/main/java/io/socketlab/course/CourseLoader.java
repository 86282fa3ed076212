package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Loads {@code lessons/<lang>/NN-slug.md} from a course folder and validates them: front matter,
 * numbering, one edition per language, demo and exercise ids, and every include. All problems are
 * collected before failing, each with its file and line.
 */
public final class CourseLoader {
    private static final Pattern FILE_NAME = Pattern.compile("(\\d{2})-([a-z0-9]+(?:-[a-z0-9]+)*)\\.md");
    private static final Pattern FENCE = Pattern.compile("^( {0,3})(`{3,}|~{3,})(.*)$");
    private static final Set<String> KEYS = Set.of("title", "demos", "exercises");

    private final Set<String> demoIds;

    /** @param demoIds the demos this program can run; a lesson naming another id is an error */
    public CourseLoader(Set<String> demoIds) {
        this.demoIds = Set.copyOf(demoIds);
    }

    public Course load(Path root) throws CourseException {
        Path course = root.toAbsolutePath().normalize();
        List<Problem> problems = new ArrayList<>();
        Path lessonsDir = course.resolve("lessons");
        if (!Files.isDirectory(lessonsDir)) {
            problems.add(Files.isDirectory(course)
                    ? new Problem(lessonsDir, 0, "course.no-lessons", course)
                    : new Problem(course, 0, "course.missing"));
            throw new CourseException(problems);
        }
        Includes includes = new Includes(course);
        Map<Lang, List<Lesson>> byLang = new EnumMap<>(Lang.class);
        Map<Lang, Map<Integer, Path>> found = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            Map<Integer, Path> numbers = new TreeMap<>();
            found.put(lang, numbers);
            byLang.put(lang, loadLanguage(course, lessonsDir.resolve(lang.code()), lang, includes, numbers, problems));
        }
        checkEditions(lessonsDir, found, problems);
        if (!problems.isEmpty()) {
            throw new CourseException(problems);
        }
        return new Course(course, byLang);
    }

    /**
     * Chapter {@code number} in {@code lang} alone, for a command that shows one chapter: its file,
     * front matter and includes are checked, the rest of the course is not read. Empty when that
     * chapter is missing or has a problem; {@link #load} then says what is wrong with the course.
     */
    public Optional<Lesson> loadChapter(Path root, Lang lang, int number) {
        return loadChapter(root, lang, number, new Includes(root.toAbsolutePath().normalize()));
    }

    /** As {@link #loadChapter(Path, Lang, int)}, resolving the lesson's includes with {@code includes} (which keeps the files it read). */
    public Optional<Lesson> loadChapter(Path root, Lang lang, int number, Includes includes) {
        Path course = root.toAbsolutePath().normalize();
        Path dir = course.resolve("lessons").resolve(lang.code());
        String prefix = (number < 10 ? "0" : "") + number + "-";
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (files.size() != 1) {
            return Optional.empty();
        }
        Matcher name = FILE_NAME.matcher(files.get(0).getFileName().toString());
        if (!name.matches()) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        Lesson lesson = loadLesson(course, files.get(0), number, name.group(2), lang, includes, problems);
        return problems.isEmpty() ? Optional.ofNullable(lesson) : Optional.empty();
    }

    private List<Lesson> loadLanguage(Path course, Path dir, Lang lang, Includes includes, Map<Integer, Path> numbers, List<Problem> problems) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(dir, 0, "course.missing-language", lang.code()));
            return List.of();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(dir, 0, "folder.unreadable", e.getMessage()));
            return List.of();
        }
        List<Lesson> lessons = new ArrayList<>();
        for (Path file : files) {
            Matcher name = FILE_NAME.matcher(file.getFileName().toString());
            if (!name.matches()) {
                problems.add(new Problem(file, 1, "lesson.bad-name"));
                continue;
            }
            int number = Integer.parseInt(name.group(1));
            Path earlier = numbers.putIfAbsent(number, file);
            if (earlier != null) {
                problems.add(new Problem(file, 1, "lesson.duplicate-number", name.group(1), earlier.getFileName()));
                continue;
            }
            Lesson lesson = loadLesson(course, file, number, name.group(2), lang, includes, problems);
            if (lesson != null) {
                lessons.add(lesson);
            }
        }
        lessons.sort(Comparator.comparingInt(Lesson::number));
        return lessons;
    }

    private Lesson loadLesson(Path course, Path file, int number, String slug, Lang lang, Includes includes, List<Problem> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            problems.add(new Problem(file, 1, "file.not-utf8"));
            return null;
        } catch (IOException e) {
            problems.add(new Problem(file, 1, "file.unreadable", e.getMessage()));
            return null;
        }
        int before = problems.size();
        FrontMatter front = FrontMatter.parse(file, text, problems);
        for (Map.Entry<String, FrontMatter.Entry> e : front.entries().entrySet()) {
            if (!KEYS.contains(e.getKey())) {
                problems.add(new Problem(file, e.getValue().line(), "lesson.unknown-key", e.getKey()));
            }
        }
        FrontMatter.Entry title = front.get("title");
        if (title == null || title.list() || title.text().isBlank()) {
            if (problems.size() == before) {
                problems.add(new Problem(file, title == null ? 1 : title.line(), "lesson.no-title"));
            }
        }
        List<String> demos = listOf(front, "demos", file, problems);
        FrontMatter.Entry demoEntry = front.get("demos");
        for (String demo : demos) {
            if (!demoIds.contains(demo)) {
                problems.add(new Problem(file, demoEntry.line(), "lesson.unknown-demo", demo, String.join(", ", new TreeSet<>(demoIds))));
            }
        }
        List<String> exercises = listOf(front, "exercises", file, problems);
        FrontMatter.Entry exerciseEntry = front.get("exercises");
        for (String exercise : exercises) {
            if (!Files.isDirectory(course.resolve("exercises").resolve(exercise))) {
                problems.add(new Problem(file, exerciseEntry.line(), "lesson.unknown-exercise", exercise));
            }
        }
        checkIncludes(file, front, includes, problems);
        if (problems.size() > before) {
            return null;
        }
        return new Lesson(number, slug, lang, file, title.text(), demos, exercises, front.body(), front.bodyStartLine());
    }

    private static List<String> listOf(FrontMatter front, String key, Path file, List<Problem> problems) {
        FrontMatter.Entry entry = front.get(key);
        if (entry == null) {
            return List.of();
        }
        if (!entry.list()) {
            problems.add(new Problem(file, entry.line(), "lesson.not-a-list", key, entry.text()));
            return List.of();
        }
        return List.copyOf(entry.values());
    }

    /** True when {@code line} could match {@link #FENCE}: up to three spaces, then a backtick or a tilde. */
    private static boolean mayBeFence(String line) {
        int i = 0;
        while (i < 3 && i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        return i < line.length() && (line.charAt(i) == '`' || line.charAt(i) == '~');
    }

    /** Finds fenced blocks with an include and checks each resolves and has an empty body. */
    private static void checkIncludes(Path file, FrontMatter front, Includes includes, List<Problem> problems) {
        String[] lines = front.body().split("\n", -1);
        String openFence = null;
        int includeLine = 0;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = front.bodyStartLine() + i;
            if (!mayBeFence(lines[i])) {
                // most lines are prose: only one starting with ``` or ~~~ can open or close a block
                if (openFence != null && includeLine > 0 && !lines[i].isBlank()) {
                    problems.add(new Problem(file, lineNo, "lesson.include-not-empty"));
                    includeLine = 0;
                }
                continue;
            }
            Matcher fence = FENCE.matcher(lines[i]);
            if (openFence == null) {
                if (fence.matches()) {
                    openFence = fence.group(2);
                    String info = fence.group(3);
                    includeLine = 0;
                    var spec = Includes.specOf(info);
                    if (spec.isPresent()) {
                        includeLine = lineNo;
                        try {
                            includes.resolve(spec.get());
                        } catch (Includes.IncludeException e) {
                            problems.add(new Problem(file, lineNo, e.key(), e.args()));
                        }
                    }
                }
            } else if (fence.matches() && fence.group(2).charAt(0) == openFence.charAt(0)
                    && fence.group(2).length() >= openFence.length() && fence.group(3).isBlank()) {
                openFence = null;
            } else if (includeLine > 0 && !lines[i].isBlank()) {
                problems.add(new Problem(file, lineNo, "lesson.include-not-empty"));
                includeLine = 0;
            }
        }
        if (openFence != null) {
            problems.add(new Problem(file, front.bodyStartLine() + lines.length - 1, "lesson.unclosed-code", openFence));
        }
    }

    private static void checkEditions(Path lessonsDir, Map<Lang, Map<Integer, Path>> found, List<Problem> problems) {
        Map<Integer, Map<Lang, Path>> byNumber = new TreeMap<>();
        found.forEach((lang, files) -> files.forEach((n, file) -> byNumber.computeIfAbsent(n, k -> new EnumMap<>(Lang.class)).put(lang, file)));
        for (Map<Lang, Path> editions : byNumber.values()) {
            Path any = editions.values().iterator().next();
            for (Lang lang : Lang.values()) {
                if (!editions.containsKey(lang)) {
                    Path expected = lessonsDir.resolve(lang.code()).resolve(any.getFileName());
                    problems.add(new Problem(any, 1, "lesson.missing-edition", lang.code(), lessonsDir.getParent().relativize(expected)));
                }
            }
            Path en = editions.get(Lang.EN);
            for (Path other : editions.values()) {
                if (en != null && !other.getFileName().equals(en.getFileName())) {
                    problems.add(new Problem(other, 1, "lesson.name-differs", other.getFileName(), en.getFileName()));
                }
            }
        }
    }
}
