package io.socketlab.course;

import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * One thing wrong with a course, located by file and line (line 0 when the whole file is meant).
 * The message is a key of the {@code course} bundle with its arguments, so it can be shown in any
 * language. Printed as {@code file:line: message}, the form editors and terminals turn into links.
 */
public record Problem(Path file, int line, String key, List<Object> args) {
    public Problem {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    /** The problem with message {@code key} of the {@code course} bundle, filled with {@code args}. */
    public Problem(Path file, int line, String key, Object... args) {
        this(file, line, key, Arrays.asList(args));
    }

    /** The message in {@code lang}, without the place. */
    public String message(Lang lang) {
        return Messages.of("course", lang).get(key, args.toArray());
    }

    /** The message in English. */
    public String message() {
        return message(Lang.EN);
    }

    /** {@code file:line: message} in {@code lang}, the file relative to {@code base} when it lies inside it. */
    public String format(Path base, Lang lang) {
        // the base itself (a course folder that is missing, say) is named whole
        Path shown = base != null && file.isAbsolute() && file.startsWith(base) && !file.equals(base) ? base.relativize(file) : file;
        return line > 0 ? shown + ":" + line + ": " + message(lang) : shown + ": " + message(lang);
    }

    /** {@code file:line: message} in English. */
    public String format(Path base) {
        return format(base, Lang.EN);
    }
}
