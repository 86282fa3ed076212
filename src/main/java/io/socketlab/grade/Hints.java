package io.socketlab.grade;

import io.socketlab.course.Exercise;
import io.socketlab.i18n.Lang;
import io.socketlab.i18n.Messages;
import io.socketlab.progress.Progress;
import java.util.List;

/** The hints of an exercise, one at a time, for {@code hint}, the shell and watch alike. */
public final class Hints {
    private Hints() {
    }

    /**
     * The next hint not yet seen (after the last one, the first again), with its heading; counts it
     * as seen in {@code progress}. The caller saves progress.
     */
    public static String next(Exercise exercise, Progress progress, Lang lang) {
        Messages text = Messages.of("grade", lang);
        List<String> hints = exercise.hints(lang);
        if (hints.isEmpty()) {
            return text.get("cli.no-hints", exercise.id());
        }
        int seen = progress.hintsShown(exercise.id());
        int index = seen >= hints.size() ? 0 : seen;
        StringBuilder shown = new StringBuilder(text.get("cli.hint", index + 1, hints.size(), exercise.id()));
        shown.append("\n  ").append(hints.get(index));
        if (index + 1 == hints.size()) {
            shown.append('\n').append(text.get("cli.all-hints", exercise.id()));
        }
        progress.setHintsShown(exercise.id(), index + 1);
        return shown.toString();
    }
}
