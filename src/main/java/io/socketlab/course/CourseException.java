package io.socketlab.course;

import io.socketlab.i18n.Lang;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** A course that cannot be used as it is; carries every problem found, not only the first. */
public final class CourseException extends Exception {
    private final transient List<Problem> problems;

    public CourseException(List<Problem> problems) {
        super(problems.stream().map(p -> p.format(null)).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Every problem on its own line, in {@code lang}, files relative to {@code base}. */
    public String describe(Path base, Lang lang) {
        return problems.stream().map(p -> p.format(base, lang)).collect(Collectors.joining("\n"));
    }

    /** Every problem on its own line, in English. */
    public String describe(Path base) {
        return describe(base, Lang.EN);
    }
}
