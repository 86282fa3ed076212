package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A loaded, validated course: its folder and its chapters in every language. */
public final class Course {
    private final Path root;
    private final Map<Lang, List<Lesson>> lessons;

    Course(Path root, Map<Lang, List<Lesson>> lessons) {
        this.root = root;
        this.lessons = Map.copyOf(lessons);
    }

    public Path root() {
        return root;
    }

    /** The chapters in {@code lang}, ordered by number; every language has the same numbers. */
    public List<Lesson> lessons(Lang lang) {
        return lessons.getOrDefault(lang, List.of());
    }

    public Optional<Lesson> lesson(Lang lang, int number) {
        return lessons(lang).stream().filter(l -> l.number() == number).findFirst();
    }

    public int firstChapter() {
        return lessons(Lang.EN).isEmpty() ? 1 : lessons(Lang.EN).get(0).number();
    }

    public int lastChapter() {
        List<Lesson> en = lessons(Lang.EN);
        return en.isEmpty() ? 1 : en.get(en.size() - 1).number();
    }
}
